package vn.danvan.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;

/**
 * A build of the application started from its jar as a process of its own, on the run's database:
 * an earlier build ({@code danvan.bench.baseline-jar}, e.g. the code before the performance work),
 * which cannot share the benchmark's JVM, and this build's jar to compare it with on equal terms
 * (neither shares the load client's JVM, neither has its round trips counted). It gets the same
 * settings as the runs in the JVM, as command-line arguments, and the demo profile; its output goes
 * to {@code target/bench-<run>.log}.
 */
final class ApplicationProcess implements AutoCloseable {

  private static final Duration STARTUP = Duration.ofMinutes(3);

  private final Process process;
  private final int port;

  private ApplicationProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static ApplicationProcess start(String run, Path jar, Map<String, Object> properties)
      throws IOException, InterruptedException {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException("run " + run + ": no such jar " + jar);
    }
    int port = freePort();
    List<String> command = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElse("java"),
        "-Duser.timezone=" + TimeZone.getDefault().getID(), "-Dfile.encoding=UTF-8",
        "-jar", jar.toAbsolutePath().toString(), "--spring.profiles.active=demo", "--server.port=" + port));
    properties.forEach((key, value) -> {
      if (!key.equals("server.port")) {
        command.add("--" + key + "=" + value);
      }
    });
    Path log = Path.of("target", "bench-" + run + ".log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
    ApplicationProcess started = new ApplicationProcess(process, port);
    // a benchmark stopped half-way (Ctrl+C) does not leave the application running
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "bench-" + run + "-stop"));
    try {
      started.awaitUp(run, log);
    } catch (IOException | InterruptedException | RuntimeException e) {
      started.close();
      throw e;
    }
    return started;
  }

  int port() {
    return port;
  }

  long pid() {
    return process.pid();
  }

  /** Up when the engine's public discovery answers. */
  private void awaitUp(String run, Path log) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest discovery = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/engine"))
        .timeout(Duration.ofSeconds(5)).build();
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the application of run " + run + " ended at its start (exit " + process.exitValue()
            + "), see " + log);
      }
      try {
        if (client.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("the application of run " + run + " did not start within " + STARTUP + ", see " + log);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
