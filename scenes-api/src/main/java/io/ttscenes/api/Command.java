package io.ttscenes.api;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A bot command parsed from message text such as {@code /Start@MyBot promo 42}: {@code name} is
 * lower-cased without the slash ({@code start}), {@code mention} the bot name after {@code @} or
 * empty, {@code args} the trimmed rest ({@code promo 42}, empty when none).
 */
public record Command(String name, String mention, String args) {
  public Command {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(mention, "mention");
    Objects.requireNonNull(args, "args");
  }

  /** Parses {@code text}; empty when it does not start with {@code /} followed by a name. */
  public static Optional<Command> parse(String text) {
    String trimmed = text.strip();
    if (trimmed.length() < 2 || trimmed.charAt(0) != '/') {
      return Optional.empty();
    }
    int space = indexOfWhitespace(trimmed);
    String head = trimmed.substring(1, space);
    String args = trimmed.substring(space).strip();
    int at = head.indexOf('@');
    String name = at < 0 ? head : head.substring(0, at);
    String mention = at < 0 ? "" : head.substring(at + 1);
    if (name.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Command(name.toLowerCase(Locale.ROOT), mention, args));
  }

  /** Returns whether this command is addressed to {@code botUsername} (or to no bot in particular). */
  public boolean isFor(Optional<String> botUsername) {
    return mention.isEmpty() || botUsername.map(mention::equalsIgnoreCase).orElse(true);
  }

  private static int indexOfWhitespace(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return text.length();
  }
}
