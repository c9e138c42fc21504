package vn.danvan.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A build of the application started with {@code java -jar} as an operating-system process of its
 * own: the cluster tests' nodes (whose {@link #kill()} is a real SIGKILL), the Camunda-built
 * application of the Operaton migration test, the benchmark's process runs. Its output is appended
 * to a log file, kept for the person reading a failed build. If the test JVM ends first (Ctrl+C),
 * a shutdown hook stops the process.
 */
public final class JarProcess {

  private final String name;
  private final Path log;
  private final Process process;
  private final Thread stopAtExit;

  private JarProcess(String name, Path log, Process process) {
    this.name = name;
    this.log = log;
    this.process = process;
    this.stopAtExit = new Thread(process::destroyForcibly, "stop-" + name);
    Runtime.getRuntime().addShutdownHook(stopAtExit);
  }

  /**
   * Starts {@code java <jvmOptions> -jar <jar> <arguments>} with {@code environment} added to this
   * process's, its output appended to {@code log}.
   */
  public static JarProcess start(String name, List<String> jvmOptions, Path jar, List<String> arguments,
      Map<String, String> environment, Path log) throws IOException {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException(name + ": no such jar " + jar);
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toAbsolutePath().toString());
    command.addAll(arguments);
    Files.createDirectories(log.toAbsolutePath().getParent());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    return new JarProcess(name, log, builder.start());
  }

  /**
   * Waits until {@code GET url} answers 200 and, if {@code logLine} is not null, the log holds that
   * line (or fails, with the tail of the log).
   */
  public void awaitUp(URI url, String logLine, Duration limit) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).build();
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tail(60));
      }
      try {
        if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200
            && (logLine == null || Files.readString(log).contains(logLine))) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException(name + " did not start within " + limit + ":\n" + tail(60));
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public long pid() {
    return process.pid();
  }

  /** SIGKILL: the JVM gets no chance to finish a transaction, release a lock or run a shutdown hook. */
  public void kill() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
    forgetAtExit();
  }

  /**
   * SIGTERM, as an operator stops the service (Spring closes the engine and the pool), SIGKILL if
   * that takes longer than {@code grace}; safe to call twice.
   */
  public void stop(Duration grace) {
    try {
      if (process.isAlive()) {
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
          kill();
        }
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    forgetAtExit();
  }

  /** The last lines of the log. */
  public String tail(int lines) {
    try (Stream<String> all = Files.lines(log, StandardCharsets.UTF_8)) {
      List<String> list = all.toList();
      return String.join("\n", list.subList(Math.max(0, list.size() - lines), list.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(no log at " + log + ": " + e.getMessage() + ")";
    }
  }

  /** A port free now, for a process to listen on. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void forgetAtExit() {
    try {
      Runtime.getRuntime().removeShutdownHook(stopAtExit);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or about to: it stops the process too
    }
  }
}
