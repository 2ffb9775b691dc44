package io.ttscenes.api;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs typed start-link payloads with HMAC-SHA256 so a referral or invite code cannot be forged:
 * the signature is the first 8 bytes of the MAC (11 base64url characters), enough against guessing
 * within a link's 128 characters. Immutable and thread-safe.
 */
public final class LinkSigner {
  private static final int SIGNATURE_BYTES = 8;
  private static final int MIN_SECRET_BYTES = 16;

  private final SecretKeySpec key;

  private LinkSigner(byte[] secret) {
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  /**
   * A signer with {@code secret} (UTF-8). Throws {@link IllegalArgumentException} when it has
   * fewer than 16 bytes, too short to keep links unforgeable.
   */
  public static LinkSigner of(String secret) {
    byte[] bytes = Objects.requireNonNull(secret, "secret").getBytes(StandardCharsets.UTF_8);
    if (bytes.length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException("start link secret has " + bytes.length
          + " bytes; it needs at least " + MIN_SECRET_BYTES);
    }
    return new LinkSigner(bytes);
  }

  /** Returns the signature of {@code text} (11 base64url characters). */
  public String sign(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] full = mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
      byte[] cut = new byte[SIGNATURE_BYTES];
      System.arraycopy(full, 0, cut, 0, SIGNATURE_BYTES);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(cut);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }

  /** Returns whether {@code signature} is this signer's for {@code text} (compared in constant time). */
  public boolean verifies(String text, String signature) {
    return MessageDigest.isEqual(sign(text).getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public String toString() {
    return "LinkSigner[HmacSHA256, secret hidden]";
  }
}
