package io.ttscenes.api;

import io.ttscenes.api.model.MessageCreatedUpdate;
import io.ttscenes.api.model.Update;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The building blocks of route conditions: commands, typed text and regex matches. */
final class Conditions {
  private Conditions() {}

  static Optional<Command> command(Update update, Optional<String> bot) {
    return typedText(update).flatMap(Command::parse).filter(command -> command.isFor(bot));
  }

  static Optional<String> typedText(Update update) {
    return update instanceof MessageCreatedUpdate ? Updates.text(update) : Optional.empty();
  }

  static Optional<RouteMatch> plain(boolean matches) {
    return matches ? Optional.of(RouteMatch.PLAIN) : Optional.empty();
  }

  static Optional<RouteMatch> fullMatch(Pattern pattern, Optional<String> value) {
    if (value.isEmpty()) {
      return Optional.empty();
    }
    Matcher matcher = pattern.matcher(value.get());
    return matcher.matches() ? RouteMatch.ofRegex(matcher.toMatchResult()) : Optional.empty();
  }

  static String commandName(String name) {
    String bare = name.startsWith("/") ? name.substring(1) : name;
    if (bare.isEmpty() || bare.chars().anyMatch(Character::isWhitespace) || bare.contains("@")) {
      throw new IllegalArgumentException("command name '" + name
          + "' must be one word without spaces or '@' (the bot name is matched separately)");
    }
    return bare.toLowerCase(Locale.ROOT);
  }
}
