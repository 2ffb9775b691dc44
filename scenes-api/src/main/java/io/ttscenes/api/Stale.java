package io.ttscenes.api;

import java.util.Objects;

/**
 * A typed button or start link the bot refused to hand to a handler, and why. Stale buttons come
 * from an earlier screen (another scene or step, or before {@link Context#expireButtons()}) or an
 * older release; a payload that does not decode at all, or a start link whose signature does not
 * verify, is {@link Reason#INVALID}.
 *
 * @param kind what carried the payload
 * @param reason why it was refused
 * @param payload the payload as it arrived
 */
public record Stale(Kind kind, Reason reason, String payload) {
  /** Checks that every component is present. */
  public Stale {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(payload, "payload");
  }

  /** What carried the refused payload. */
  public enum Kind {
    /** A pressed button (message or constructor keyboard). */
    BUTTON,
    /** A start link ({@code bot_started} payload). */
    START_LINK
  }

  /** Why a payload was refused. */
  public enum Reason {
    /** The button belongs to an earlier screen of this session. */
    OLDER_SCREEN,
    /** The payload was made for another version of its record. */
    OLDER_VERSION,
    /** Its data was kept in the session behind an id that is gone. */
    EXPIRED,
    /** Unknown tag, a body that does not decode, or a bad signature: forged or damaged. */
    INVALID
  }
}
