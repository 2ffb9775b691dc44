package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A TamTam user. Unknown fields the server adds (MAX sends {@code first_name},
 * {@code last_name}) are ignored.
 *
 * @param userId the user's identifier
 * @param name the visible name (deprecated in MAX in favour of first/last name)
 * @param username the unique public name; may be null
 * @param isBot whether the user is a bot
 * @param lastActivityTime last activity, Unix time in milliseconds
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record User(
    @JsonProperty("user_id") long userId,
    String name,
    String username,
    @JsonProperty("is_bot") boolean isBot,
    @JsonProperty("last_activity_time") long lastActivityTime) {
}
