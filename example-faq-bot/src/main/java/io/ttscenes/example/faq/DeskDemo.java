package io.ttscenes.example.faq;

import io.ttscenes.testkit.EmulatedUser;
import io.ttscenes.testkit.Emulator;
import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * The one-command demo of the desk: in the local emulator, a user (Alice) and an operator (Olga)
 * with the operators' group "Operators" that the bot is in, and the web chat opened once for each
 * side: Alice's dialog in one tab, the group as Olga in the other.
 *
 * @param userTab the web chat address showing Alice's dialog with the bot
 * @param operatorTab the web chat address showing the operators' group, acting as Olga
 */
record DeskDemo(URI userTab, URI operatorTab) {
  /** The operators' chat id of the demo when SUPPORT_CHAT_ID is not set. */
  static final long OPERATORS_CHAT = -1_000_000_000_001L;

  DeskDemo {
    Objects.requireNonNull(userTab, "userTab");
    Objects.requireNonNull(operatorTab, "operatorTab");
  }

  /** Creates the demo's people and the operators' group {@code chat} in {@code emulator}. */
  static DeskDemo prepare(Emulator emulator, long chat) {
    EmulatedUser alice = emulator.user("Alice");
    EmulatedUser olga = emulator.user("Olga");
    emulator.groupChat(chat, "Operators", olga).addBot(olga);
    String page = emulator.webChatUrl();
    return new DeskDemo(URI.create(page + "?user=" + alice.userId()),
        URI.create(page + "?group=" + chat + "&as=" + olga.userId()));
  }

  /** Prints both addresses and opens them in the desktop's browser when there is one. */
  void show() {
    System.out.println("Support desk demo: play the user in one tab and the operator in the other.\n"
        + "  User (Alice):     " + userTab + "\n"
        + "  Operator (Olga):  " + operatorTab);
    if (GraphicsEnvironment.isHeadless() || !Desktop.isDesktopSupported()
        || !Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
      return;
    }
    for (URI tab : List.of(userTab, operatorTab)) {
      try {
        Desktop.getDesktop().browse(tab);
      } catch (IOException | UnsupportedOperationException e) {
        System.out.println("  (could not open a browser: " + e.getMessage() + "; open the addresses above)");
        return;
      }
    }
  }
}
