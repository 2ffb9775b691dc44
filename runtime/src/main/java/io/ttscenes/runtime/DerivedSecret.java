package io.ttscenes.runtime;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook secret a bot uses when {@code WEBHOOK_SECRET} is not given: an HMAC-SHA256 of a fixed
 * label keyed with the bot token. Only the token's holder can compute it, it stays the same across
 * restarts (TamTam retries to the URL it was given), and it changes when the token is revoked.
 */
final class DerivedSecret {
  private static final String LABEL = "ttscenes webhook secret v1";

  private DerivedSecret() {}

  /** 256 bits derived from {@code token}, as 43 base64url characters (valid in a path and for MAX). */
  static String of(String token) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal(LABEL.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      // Every Java platform must provide HmacSHA256.
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
