package io.ttscenes.runtime.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;

/**
 * The id of a signal or a continuation's outcome: the recording session's key, the dedupe id of
 * the event whose handler recorded it and the effect's index in that event's outbox. The same in
 * every re-run, resend and recovery of the event, so its target keeps and handles it once. Written
 * as {@code <key>#<dedupe id>#<index>} ({@link #toString()}), the inbox id in the store. When the
 * event was itself a signal or a continuation, its dedupe id holds that effect's id, so a signal
 * passed on through several sessions would gain a key per hop: such a dedupe id is written as its
 * SHA-256 digest instead ({@code h:<43 base64url chars>}), which keeps every id bounded.
 */
record EffectId(String sessionKey, DedupeId dedupeId, int index) {
  EffectId {
    Objects.requireNonNull(sessionKey, "sessionKey");
    Objects.requireNonNull(dedupeId, "dedupeId");
    if (index < 0) {
      throw new IllegalArgumentException("effect index " + index + " is negative");
    }
  }

  @Override
  public String toString() {
    return sessionKey + "#" + bounded(dedupeId) + "#" + index;
  }

  private static String bounded(DedupeId dedupeId) {
    String written = dedupeId.toString();
    if (!dedupeId.namesAnEffect()) {
      return written;
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(written.getBytes(StandardCharsets.UTF_8));
      return "h:" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256.
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
