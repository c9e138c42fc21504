package vn.danvan.support;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A browser test on the running application: Debian's chromium for each test ({@link Browser}),
 * waits of 30 s, and the {@link TasklistPage} that logs in and fills forms like an official.
 */
public abstract class BrowserTest extends RunningApplicationTest {

  protected WebDriver browser;
  protected WebDriverWait wait;
  protected TasklistPage page;

  @BeforeEach
  void openBrowser() {
    browser = Browser.start();
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    page = new TasklistPage(browser, wait, port);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }
}
