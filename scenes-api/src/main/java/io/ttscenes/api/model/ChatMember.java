package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A member of a chat with its membership details (extends {@code UserWithPhoto}).
 *
 * @param userId the user's identifier
 * @param name the visible name (deprecated in MAX in favour of first/last name)
 * @param username the unique public name; may be null
 * @param isBot whether the user is a bot
 * @param lastActivityTime last activity, Unix time in milliseconds
 * @param description the user's description; may be null
 * @param avatarUrl URL of the avatar; may be null
 * @param fullAvatarUrl URL of the bigger avatar; may be null
 * @param lastAccessTime last activity in the chat
 * @param isOwner whether the member owns the chat
 * @param isAdmin whether the member is an admin
 * @param joinTime when the member joined
 * @param permissions admin permissions; empty for non-admins; values this version
 *     does not know are {@link ChatAdminPermission#UNKNOWN}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChatMember(
    @JsonProperty("user_id") long userId,
    String name,
    String username,
    @JsonProperty("is_bot") boolean isBot,
    @JsonProperty("last_activity_time") long lastActivityTime,
    String description,
    @JsonProperty("avatar_url") String avatarUrl,
    @JsonProperty("full_avatar_url") String fullAvatarUrl,
    @JsonProperty("last_access_time") long lastAccessTime,
    @JsonProperty("is_owner") boolean isOwner,
    @JsonProperty("is_admin") boolean isAdmin,
    @JsonProperty("join_time") long joinTime,
    List<ChatAdminPermission> permissions) {
  /** Copies collections so the record stays immutable; a missing list becomes empty. */
  public ChatMember {
    permissions = Lists.copy(permissions);
  }

  /** The plain {@link User} part of this object, for code that only needs identity and name. */
  public User asUser() {
    return new User(userId, name, username, isBot, lastActivityTime);
  }
}
