package io.ttscenes.testkit.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.testkit.EmulatedUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The graph and funnel pages, and the web chat's links to them, in a real headless Chromium. */
final class AdminPagesBrowserTest {
  private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");
  private static final Duration WAIT = Duration.ofSeconds(20);

  private AdminBot bot;
  private ChromeDriver browser;

  @BeforeEach
  void start() throws IOException {
    assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "the browser test needs " + CHROMIUM + " and " + CHROMEDRIVER
            + "; install them with: apt-get install -y chromium chromium-driver");
    bot = AdminBot.start();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--window-size=1200,900",
        "--user-data-dir=" + Files.createTempDirectory("admin-chromium"));
    browser = new ChromeDriver(new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build(), options);
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (bot != null) {
      bot.close();
    }
  }

  @Test
  void graphPageDrawsEveryScenePlaceAndTheCampaigns() throws IOException {
    walk(bot.emulator.user("Ann"), "promo", 2);
    browser.get(bot.admin + "/graph");
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#graph svg g.node")));

    String drawn = browser.findElements(By.cssSelector("#graph svg g.node")).stream()
        .map(WebElement::getText).collect(Collectors.joining("\n"));
    for (String node : List.of("root", "global handlers", "name", "email", "confirm", "scene help",
        "deep link promo", "deep link partner")) {
      assertTrue(drawn.contains(node), "the graph shows '" + node + "' among:\n" + drawn);
    }
    String edges = browser.findElements(By.cssSelector("#graph svg .edgeLabel")).stream()
        .map(WebElement::getText).collect(Collectors.joining("|"));
    assertTrue(edges.contains("1 starts"), "the promo start is drawn: " + edges);
    assertTrue(edges.contains("seen 1"), "seen moves are drawn: " + edges);
    screenshot("graph.png");
  }

  @Test
  void funnelPageShowsABarPerStepWithItsUsers() throws IOException {
    walk(bot.emulator.user("Ann"), "promo", 3);
    walk(bot.emulator.user("Bob"), "promo", 1);
    walk(bot.emulator.user("Cid"), "partner", 2);
    browser.get(bot.admin + "/funnels");

    Map<String, String> promo = bars("promo");
    assertEquals(Map.of("started", "2", "signup/name", "2", "signup/email", "2", "signup/confirm", "1"), promo);
    assertEquals(Map.of("started", "1", "signup/name", "1", "signup/email", "1", "signup/confirm", "1"),
        bars("partner"));
    String drop = browser.findElement(By.cssSelector("section[data-campaign='promo']")).getText();
    assertTrue(drop.contains("-1, -50%"), "the drop-off from email to confirm is shown: " + drop);
    screenshot("funnels.png");
  }

  @Test
  void webChatLinksToTheBotsGraphAndFunnels() {
    bot.emulator.linkAdmin(bot.admin);
    browser.get(bot.emulator.webChatUrl());
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    WebElement graph = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("graph-link")));
    assertEquals(bot.admin + "/graph", graph.getAttribute("href"));
    assertEquals(bot.admin + "/funnels", browser.findElement(By.id("funnels-link")).getAttribute("href"));
    graph.click();
    List<String> tabs = List.copyOf(browser.getWindowHandles());
    browser.switchTo().window(tabs.get(tabs.size() - 1));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#graph svg g.node")));
  }

  /** Starts with {@code campaign} and answers {@code answers} steps, waiting for each prompt. */
  private void walk(EmulatedUser user, String campaign, int answers) {
    user.startWithPayload(campaign);
    user.awaitMessage(WAIT);
    for (int i = 0; i < answers; i++) {
      user.sendText("answer " + i);
      user.awaitMessage(WAIT);
    }
  }

  /** The funnel bars of {@code campaign}: place -> users. */
  private Map<String, String> bars(String campaign) {
    return browser.findElements(By.cssSelector("section[data-campaign='" + campaign + "'] rect.bar")).stream()
        .collect(Collectors.toMap(bar -> bar.getAttribute("data-place"), bar -> bar.getAttribute("data-users")));
  }

  private void screenshot(String name) throws IOException {
    Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), Paths.get("target", name),
        StandardCopyOption.REPLACE_EXISTING);
  }
}
