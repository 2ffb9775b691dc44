package io.ttscenes.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What TamTam answered to a recorded message call that carried a continuation (see
 * {@link Context#then(String, Object)}): the message's id, its chat and its time. For a send or a
 * forward these are the new message's; for an edit, the edited message's id, no chat (TamTam's
 * answer names none) and the time the edit was accepted.
 *
 * @param messageId the message's {@code mid}
 * @param chatId the chat the message is in, when TamTam named it
 * @param time when TamTam stamped the message (for an edit: when it was accepted)
 */
public record Sent(String messageId, Optional<Long> chatId, Instant time) {
  /** Checks that no component is null. */
  public Sent {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(chatId, "chatId");
    Objects.requireNonNull(time, "time");
  }
}
