package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * Request body of {@code PATCH /me}: only non-null fields are changed.
 *
 * @param name new visible name; may be null
 * @param description new description; may be null
 * @param commands new command list; null keeps the commands, an empty list removes them
 * @param photo new bot photo; may be null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BotPatch(
    String name,
    String description,
    List<BotCommand> commands,
    PhotoAttachmentRequestPayload photo) {
  /** Copies collections so the record stays immutable; null stays null (see above). */
  public BotPatch {
    commands = commands == null ? null : Lists.copy(commands);
  }
}
