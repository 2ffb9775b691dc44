package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A command the bot advertises to users.
 *
 * @param name the command name, 1-64 chars
 * @param description an optional description; may be null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BotCommand(
    String name,
    String description) {
  /** A command with a description. */
  public static BotCommand of(String name, String description) {
    return new BotCommand(name, description);
  }
}
