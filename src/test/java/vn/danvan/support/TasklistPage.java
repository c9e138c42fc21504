package vn.danvan.support;

import java.time.LocalDate;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What an official does with the real Tasklist in a browser test: log in and out, type into a
 * Camunda Form field by its label, pick a form-js option by its label, click like a person.
 */
public final class TasklistPage {

  private final WebDriver browser;
  private final WebDriverWait wait;
  private final int port;

  public TasklistPage(WebDriver browser, WebDriverWait wait, int port) {
    this.browser = browser;
    this.wait = wait;
    this.port = port;
  }

  public void logIn(String user) {
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    By name = By.cssSelector("input[placeholder='Tên đăng nhập']");
    WebElement box;
    try {
      box = new WebDriverWait(browser, java.time.Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(name));
    } catch (org.openqa.selenium.TimeoutException stillShowingTheLastSession) {
      // the page kept the view of the session whose cookies were just deleted: load it again, as a person would
      browser.navigate().refresh();
      box = visible(name);
    }
    box.sendKeys(user);
    browser.findElement(By.cssSelector("input[placeholder='Mật khẩu']")).sendKeys("demo");
    click(By.cssSelector("button[type='submit']"));
    visible(By.partialLinkText("Việc của tôi"));
  }

  public void logOut() {
    browser.manage().deleteAllCookies();
  }

  /** Types into the input that follows the field's label (with or without the required mark). */
  public void type(String label, String text) {
    visible(By.xpath("//label[normalize-space()='" + label + "*' or normalize-space()='" + label + "']/following::input[1]"))
        .sendKeys(text);
  }

  /**
   * Types {@code date} into a form-js date box in the format its placeholder shows (the browser's
   * locale decides it), then leaves the box, which is when form-js reads what was typed.
   */
  public void typeDate(String label, LocalDate date) {
    WebElement box = visible(By.xpath("//label[normalize-space()='" + label + "*' or normalize-space()='" + label
        + "']/following::input[1]"));
    String format = box.getDomAttribute("placeholder").toLowerCase(java.util.Locale.ROOT);
    String text = format.replace("yyyy", String.valueOf(date.getYear()))
        .replace("mm", String.format("%02d", date.getMonthValue())).replace("dd", String.format("%02d", date.getDayOfMonth()));
    box.sendKeys(text);
    box.sendKeys(Keys.TAB);
  }

  /** form-js renders a select as its own dropdown: open it, then pick the option by its label. */
  public void choose(String label, String option) {
    click(By.xpath("//label[starts-with(normalize-space(),'" + label + "')]/following::*[contains(@class,'fjs-input-group')][1]"));
    List<WebElement> options = wait.until(ExpectedConditions.presenceOfAllElementsLocatedBy(
        By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and normalize-space()='" + option + "']")));
    options.get(0).click();
  }

  public WebElement visible(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /** Clicks like a person: scrolled into view first (long forms push buttons under the modal's edge). */
  public void click(By by) {
    WebElement element = wait.until(ExpectedConditions.elementToBeClickable(by));
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    try {
      element.click();
    } catch (ElementClickInterceptedException covered) {
      ((JavascriptExecutor) browser).executeScript("arguments[0].click();", element);
    }
  }
}
