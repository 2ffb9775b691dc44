package io.ttscenes.example.votesurvey;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.testkit.kit.BotTester;
import io.ttscenes.testkit.kit.TestChat;
import io.ttscenes.testkit.kit.TestUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Runs the README's survey and group vote ({@link Survey}, {@link Vote}, shown there verbatim) in the kit. */
final class ReadmeBotsKitTest {

  @Test
  void surveyWithBackButtonEmailPromptAndSummary() {
    try (BotTester bot = BotTester.of(Survey.bot()).start()) {
      TestUser alice = bot.user("alice");
      alice.sends("/survey").expectReply("Do you like tea?").expectKeyboard("Yes", "No")
          .presses("Yes").expectReply("Your colour?").expectKeyboard("Red", "Blue", "Back")
          .presses("Back").expectReply("Do you like tea?")
          .presses("No").expectReply("Your colour?")
          .presses("Blue").expectReply("Your e-mail?").expectKeyboard("Back")
          .pressesUnder("Your colour?", "Back").expectNotification("This button has expired.")
          .expectReply("Your e-mail?")
          .sends("alice at example").expectReply("That does not look like an e-mail address; please try again.")
          .sends("alice@example.com").expectReply("Thanks! Tea: no, colour: Blue, e-mail: alice@example.com")
          .expectNoMoreReplies();
    }
  }

  @Test
  void groupVoteCountsEachMemberOnceAndIgnoresAnOldPollsButtons() {
    try (BotTester bot = BotTester.of(Vote.bot()).start()) {
      TestUser alice = bot.user("alice");
      TestUser bob = bot.user("bob");
      TestUser carol = bot.user("carol");
      TestChat chat = bot.groupChat("Office", alice, bob, carol);
      chat.as(alice).sends("/poll Lunch? | Pizza | Sushi")
          .expectReply("Lunch? Pizza 0, Sushi 0").expectKeyboard("Pizza", "Sushi");
      chat.as(bob).presses("Pizza").expectNotification("You voted Pizza").expectEdit("Lunch? Pizza 1, Sushi 0");
      chat.as(carol).presses("Sushi").expectNotification("You voted Sushi").expectEdit("Lunch? Pizza 1, Sushi 1");
      chat.as(bob).presses("Sushi").expectNotification("You voted Sushi").expectEdit("Lunch? Pizza 0, Sushi 2");

      chat.as(alice).sends("/poll Dinner? | Soup | Salad").expectReply("Dinner? Soup 0, Salad 0");
      chat.as(bob).pressesUnder("Lunch? Pizza 0, Sushi 2", "Pizza").expectNotification("This button has expired.");
      chat.as(carol).presses("Soup").expectNotification("You voted Soup").expectEdit("Dinner? Soup 1, Salad 0");
      chat.as(alice).sends("/close").expectReply("Closed: Soup 1, Salad 0").expectNoMoreReplies();
    }
  }

  @Test
  void readmeShowsBothBotsVerbatimWithinTheirLineBudgets() throws IOException {
    Path root = repositoryRoot();
    String readme = Files.readString(root.resolve("README.md"));
    checkShown(root, readme, "Survey.java", 25);
    checkShown(root, readme, "Vote.java", 35);
  }

  private static void checkShown(Path root, String readme, String file, int budget) throws IOException {
    String path = "example-vote-survey/src/main/java/io/ttscenes/example/votesurvey/" + file;
    String source = Files.readString(root.resolve(path));
    String shown = source.substring(source.indexOf('\n', source.indexOf("package ")) + 1).strip();
    assertTrue(readme.contains("```java\n" + shown + "\n```"),
        "README.md must show " + path + " (without its package line) in a java code block");
    String handlers = source.substring(source.indexOf("public static Bot bot()"));
    long lines = handlers.lines().filter(line -> !line.isBlank()).count() - 1; // the class's closing brace
    assertTrue(lines <= budget, file + " has " + lines + " lines of handler code; the README promises <= " + budget);
  }

  private static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve("README.md")) && Files.exists(dir.resolve("example-vote-survey"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no repository root with README.md above " + Path.of("").toAbsolutePath());
  }
}
