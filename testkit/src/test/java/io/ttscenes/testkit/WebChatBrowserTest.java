package io.ttscenes.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Drives the web chat in a real headless Chromium against a scripted bot. */
final class WebChatBrowserTest {
  private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");

  private Emulator emulator;
  private ScriptedBot bot;
  private ChromeDriver browser;
  private Path profile;

  @BeforeEach
  void start() throws IOException {
    assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "the browser test needs " + CHROMIUM + " and " + CHROMEDRIVER
            + "; install them with: apt-get install -y chromium chromium-driver");
    emulator = Emulator.start(0);
    bot = new ScriptedBot(emulator);
    profile = Files.createTempDirectory("emulator-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--window-size=1100,760", "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
  }

  @AfterEach
  void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (bot != null) {
      bot.close();
    }
    if (emulator != null) {
      emulator.close();
    }
  }

  @Test
  void personChatsWithTheBotAndPressesAButton() throws IOException {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    browser.get(emulator.webChatUrl());

    browser.findElement(By.id("new-user-name")).sendKeys("Alice");
    browser.findElement(By.id("create-user")).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.id("send")));
    browser.findElement(By.id("composer-text")).sendKeys("/start");
    browser.findElement(By.id("send")).click();
    By yes = By.xpath("//div[contains(@class,'bot')]//div[@class='kb']//button[text()='Yes']");
    wait.until(ExpectedConditions.elementToBeClickable(yes));
    assertEquals(List.of("Welcome"), texts(".msg.bot .text b"));
    click(wait, yes);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "You said yes"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".toast")));

    assertEquals(List.of("/start", "Welcome! Ready?", "You said yes"), texts(".msg .text"));
    assertEquals("Got it", text(By.cssSelector(".toast")));
    assertEquals("Alice", text(By.cssSelector("#users li.active")));
    new BotApiClient(emulator).post("/messages?chat_id=" + emulator.users().get(0).chatId(),
        BotApiClient.json("text", "<i>kept</i> <img src=x onerror=alert(1)>", "format", "html"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "<img src=x"));
    assertEquals("kept", text(By.cssSelector(".msg.bot .text i")));
    assertEquals(0, browser.findElements(By.cssSelector("#messages img")).size());
    File shot = browser.getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), Paths.get("target", "webchat.png"), StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void personEditsAndDeletesTheirOwnMessage() {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    EmulatedUser carol = emulator.user("Carol");
    BotMessage typo = carol.sendText("Helo");
    browser.get(emulator.webChatUrl());
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//ul[@id='users']/li[text()='Carol']")))
        .click();

    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".msg.user .own-actions .edit")));
    click(wait, By.cssSelector(".msg.user .own-actions .edit"));
    wait.until(ExpectedConditions.alertIsPresent()).sendKeys("Hello");
    browser.switchTo().alert().accept();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "You changed it to: Hello"));
    assertEquals(0, browser.findElements(By.cssSelector(".msg.bot .own-actions")).size(),
        "the bot's messages are not the user's to change");
    click(wait, By.cssSelector(".msg.user .own-actions .delete"));
    wait.until(ExpectedConditions.alertIsPresent()).accept();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "You deleted " + typo.mid()));

    assertEquals(List.of("You changed it to: Hello", "You deleted " + typo.mid()), texts(".msg .text"));
    assertEquals(List.of("You changed it to: Hello", "You deleted " + typo.mid()),
        carol.messages().stream().map(BotMessage::text).toList());
  }

  @Test
  void deepLinkContactButtonAndConstructorWork() throws IOException {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    emulator.user("Bob");
    browser.get(emulator.webChatUrl());
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//ul[@id='users']/li[text()='Bob']")))
        .click();
    wait.until(ExpectedConditions.elementToBeClickable(By.id("send")));

    browser.findElement(By.id("deep-link-payload")).sendKeys("promo-7");
    browser.findElement(By.id("deep-link-start")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Started with promo-7"));
    click(wait, By.xpath("//div[@class='kb']//button[text()='Share phone']"));
    wait.until(ExpectedConditions.alertIsPresent()).sendKeys("+15550002222");
    browser.switchTo().alert().accept();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Thanks, +15550002222"));
    browser.findElement(By.id("open-constructor")).click();
    browser.findElement(By.id("constructor-input")).sendKeys("pizza");
    browser.findElement(By.cssSelector("#constructor-form button[type=submit]")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("constructor-preview"), "Preview: pizza"));

    assertEquals("Looks good?", text(By.id("constructor-hint")));
    assertTrue(text(By.id("messages")).contains("Contact: Bob +15550002222"));
    File shot = browser.getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), Paths.get("target", "webchat-constructor.png"), StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void twoPeopleTalkToTheBotInAGroupTheyCreated() throws IOException {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    emulator.user("Alice");
    emulator.user("Bob");
    emulator.user("Carol");
    browser.get(emulator.webChatUrl());
    wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//div[@id='new-group-members']/label[contains(.,'Bob')]/input"))).click();
    new Select(browser.findElement(By.id("new-group-owner"))).selectByVisibleText("Alice");
    browser.findElement(By.id("new-group-title")).sendKeys("Team <img src=x onerror=alert(1)>");
    browser.findElement(By.id("create-group")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Hello, everyone!"));

    say(wait, "/start");
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//div[contains(@class,'bot')]//button[text()='Yes']")));
    new Select(browser.findElement(By.id("acting-member"))).selectByVisibleText("Bob");
    say(wait, "hi from Bob");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Heard Bob: hi from Bob"));
    click(wait, By.xpath("//div[contains(@class,'bot')]//button[text()='Yes']"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Bob said yes"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".toast")));
    assertEquals("To Bob: Got it", text(By.cssSelector(".toast")),
        "in a group the notification names whom it went to");
    new Select(browser.findElement(By.id("add-member-user"))).selectByVisibleText("Carol");
    browser.findElement(By.id("add-member")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Bob added Carol"));

    assertEquals(List.of("Alice created the group \u201cTeam <img src=x onerror=alert(1)>\u201d",
        "Alice added the bot", "Hello, everyone!", "/start", "Welcome! Ready?", "hi from Bob",
        "Heard Bob: hi from Bob", "Bob said yes", "Bob added Carol"), texts(".system, .msg .text"));
    assertEquals(List.of("Alice"), texts(".msg.other .sender"),
        "acting as Bob, Alice's message is another member's and carries her name");
    assertEquals(List.of("hi from Bob"), texts(".msg.user .text"));
    assertEquals("Team <img src=x onerror=alert(1)>", text(By.cssSelector("#groups li.active")));
    assertEquals(0, browser.findElements(By.cssSelector("img")).size(), "the title is text, not markup");
    File shot = browser.getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), Paths.get("target", "webchat-group.png"), StandardCopyOption.REPLACE_EXISTING);
  }

  private void say(WebDriverWait wait, String text) {
    browser.findElement(By.id("composer-text")).sendKeys(text);
    browser.findElement(By.id("send")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), text));
  }

  /**
   * Clicks what {@code locator} finds once it is clickable, finding it again when the page redrew
   * it between the find and the click (the chat re-renders its messages as they arrive).
   */
  private void click(WebDriverWait wait, By locator) {
    wait.ignoring(StaleElementReferenceException.class).until(driver -> {
      driver.findElement(locator).click();
      return true;
    });
  }

  /** The text of what {@code locator} finds, read again if the page redrew it while it was read. */
  private String text(By locator) {
    return new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
        .until(driver -> driver.findElement(locator).getText());
  }

  /** The texts of what {@code css} finds, read again if the page redrew them while they were read. */
  private List<String> texts(String css) {
    return new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
        .until(driver -> driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList());
  }
}
