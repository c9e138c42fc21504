package vn.danvan.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium driven through Debian's chromedriver: the real browser, never one that a
 * test tool downloads (it cannot be downloaded here). Missing browser: the test fails in CI, where
 * {@code .ci/run} installs it, and is skipped with a message elsewhere.
 */
public final class Browser {

  static final String CHROMIUM = "/usr/bin/chromium";
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  private Browser() {}

  public static WebDriver start() {
    boolean installed = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
    if (!installed && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException("Browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
          + " (apt-get install chromium chromium-driver); .ci/run installs them");
    }
    assumeTrue(installed, "Skipped: install Debian's chromium and chromium-driver to run browser tests");
    try {
      Path profile = Files.createTempDirectory("danvan-chromium");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM);
      options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--disable-dev-shm-usage", "--window-size=1300,900", "--lang=vi-VN",
          "--user-data-dir=" + profile);
      // On Linux --lang does not reach the page: navigator.languages comes from the accept-language
      // preference, and the Camunda webapps pick their locale from its first entry.
      options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "vi-VN,vi"));
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().implicitlyWait(Duration.ZERO);
      return driver;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Keeps a screenshot of what an official sees under target/screenshots/ (a build artifact, never
   * committed): the screens the closing notes of a change describe.
   */
  public static void keep(WebDriver driver, String name) {
    try {
      Path dir = Files.createDirectories(Path.of("target", "screenshots"));
      Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Keeps a screenshot under target/ for the person reading a failed build. */
  public static void screenshot(WebDriver driver, String name) {
    try {
      Path dir = Files.createDirectories(Path.of("target", "browser-screenshots"));
      Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
