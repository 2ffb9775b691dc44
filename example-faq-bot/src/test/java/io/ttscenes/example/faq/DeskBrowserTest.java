package io.ttscenes.example.faq;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.example.faq.desk.SupportDesk;
import io.ttscenes.runtime.BotLauncher;
import io.ttscenes.testkit.Emulator;
import io.ttscenes.testkit.EmulatorApiProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The one-command demo in a real headless Chromium: the user in one tab, the operator in the other. */
final class DeskBrowserTest {
  private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");

  private BotLauncher.Launched launched;
  private ChromeDriver browser;
  private Path profile;

  @BeforeEach
  void start() throws IOException {
    assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "the browser test needs " + CHROMIUM + " and " + CHROMEDRIVER
            + "; install them with: apt-get install -y chromium chromium-driver");
    launched = BotLauncher.start(FaqBot.create(FaqCatalog.shop(), SupportDesk.of(DeskDemo.OPERATORS_CHAT)),
        Map.of("EMULATOR_PORT", "0"));
    profile = Files.createTempDirectory("desk-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--window-size=1100,760", "--user-data-dir=" + profile);
    browser = new ChromeDriver(new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build(), options);
  }

  @AfterEach
  void stop() throws IOException {
    if (browser != null) {
      // What the last tab showed, for a failure's post-mortem.
      Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), Paths.get("target", "desk-last-tab.png"),
          StandardCopyOption.REPLACE_EXISTING);
      browser.quit();
    }
    if (launched != null) {
      launched.close();
    }
  }

  @Test
  void aUserAndAnOperatorWorkATicketThroughInTwoTabs() throws IOException {
    Emulator emulator = EmulatorApiProvider.emulator(launched.localApi().orElseThrow()).orElseThrow();
    DeskDemo demo = DeskDemo.prepare(emulator, DeskDemo.OPERATORS_CHAT);
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    String user = browser.getWindowHandle();
    browser.get(demo.userTab().toString());
    write(wait, "/support");
    waitFor(wait, "Please describe your problem");
    write(wait, "My parcel is late");
    waitFor(wait, "is open. An operator will answer here");

    String operator = browser.switchTo().newWindow(WindowType.TAB).getWindowHandle();
    browser.get(demo.operatorTab().toString());
    click(wait, By.xpath("//div[contains(@class,'msg') and "
        + "contains(., 'from Alice')]//div[@class='kb']//button[text()='Take']"));
    waitFor(wait, "is taken by Olga: write here to answer Alice.");
    write(wait, "It ships tomorrow.");

    browser.switchTo().window(user);
    waitFor(wait, "Olga (support): It ships tomorrow.");
    write(wait, "Thanks! Can I change the address?");

    browser.switchTo().window(operator);
    click(wait, By.xpath("//div[contains(@class,'msg') and "
        + "contains(., 'Alice adds')]//button[@class='reply']"));
    assertTrue(browser.findElement(By.id("replying-text")).getText().contains("Alice adds"));
    write(wait, "Yes, until it ships.");
    click(wait, By.xpath("(//div[contains(@class,'msg') and "
        + "contains(., 'Alice adds')]//div[@class='kb']//button[text()='Close'])[last()]"));
    waitFor(wait, "is closed by Olga.");

    browser.switchTo().window(user);
    waitFor(wait, "Olga (support): Yes, until it ships.");
    click(wait, By.xpath("//div[contains(@class,'msg') and "
        + "contains(., 'How did we do?')]//div[@class='kb']//button[text()='5']"));
    waitFor(wait, "You rated ticket SUP-");
    browser.switchTo().window(operator);
    waitFor(wait, "Alice rated ticket SUP-");
  }

  /** The page redraws its messages on every change: find the element again until the click lands. */
  private static void click(WebDriverWait wait, By element) {
    wait.ignoring(StaleElementReferenceException.class).until(browser -> {
      WebElement found = ExpectedConditions.elementToBeClickable(element).apply(browser);
      if (found == null) {
        return false;
      }
      found.click();
      return true;
    });
  }

  private void write(WebDriverWait wait, String text) {
    wait.until(ExpectedConditions.elementToBeClickable(By.id("send")));
    browser.findElement(By.id("composer-text")).sendKeys(text);
    browser.findElement(By.id("send")).click();
  }

  private static void waitFor(WebDriverWait wait, String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), text));
  }
}
