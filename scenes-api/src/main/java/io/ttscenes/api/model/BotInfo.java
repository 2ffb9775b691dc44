package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The bot itself, as returned by {@code GET /me} (extends {@code UserWithPhoto}).
 *
 * @param userId the user's identifier
 * @param name the visible name (deprecated in MAX in favour of first/last name)
 * @param username the unique public name; may be null
 * @param isBot whether the user is a bot
 * @param lastActivityTime last activity, Unix time in milliseconds
 * @param description the user's description; may be null
 * @param avatarUrl URL of the avatar; may be null
 * @param fullAvatarUrl URL of the bigger avatar; may be null
 * @param commands commands the bot supports; empty when none
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BotInfo(
    @JsonProperty("user_id") long userId,
    String name,
    String username,
    @JsonProperty("is_bot") boolean isBot,
    @JsonProperty("last_activity_time") long lastActivityTime,
    String description,
    @JsonProperty("avatar_url") String avatarUrl,
    @JsonProperty("full_avatar_url") String fullAvatarUrl,
    List<BotCommand> commands) {
  /** Copies collections so the record stays immutable; a missing list becomes empty. */
  public BotInfo {
    commands = Lists.copy(commands);
  }

  /** The plain {@link User} part of this object, for code that only needs identity and name. */
  public User asUser() {
    return new User(userId, name, username, isBot, lastActivityTime);
  }
}
