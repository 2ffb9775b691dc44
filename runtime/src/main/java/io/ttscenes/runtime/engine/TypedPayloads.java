package io.ttscenes.runtime.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ttscenes.api.LinkSigner;
import io.ttscenes.api.PayloadTag;
import io.ttscenes.api.Stale;
import io.ttscenes.api.client.ApiLimits;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wire form of typed payloads. A button: {@code ~tag.version.screen:[components]}, or
 * {@code ~tag.version.screen#id} when that would pass the 1024-character limit and the components
 * are kept in the session. A start link: {@code ~tag.version.base64url[.signature]}, refused when
 * over the 128 characters a deep link carries. Decoding tells a value from a stale payload and why.
 */
final class TypedPayloads {
  /** A deep link's payload is dropped by TamTam, not passed on, beyond this many characters. */
  static final int START_PAYLOAD_MAX = ApiLimits.DEEP_LINK_PAYLOAD_MAX;

  private static final Pattern BUTTON = Pattern.compile("~([A-Za-z0-9_-]{1,16})\\.(\\d{1,9})\\.([0-9a-z]{1,9})([:#])(.*)",
      Pattern.DOTALL);
  private static final Pattern START = Pattern.compile("~([A-Za-z0-9_-]{1,16})\\.(\\d{1,9})\\.([A-Za-z0-9_-]*)(?:\\.([A-Za-z0-9_-]{11}))?");
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  /** What a typed payload decoded to: the value, or why it is refused. */
  sealed interface Decoded {}

  record Value(Object value) implements Decoded {}

  record Refused(Stale.Reason reason) implements Decoded {}

  private final PayloadCodec codec;

  TypedPayloads(PayloadCodec codec) {
    this.codec = codec;
  }

  /** The button payload of {@code data} for the session's current screen. */
  String button(ObjectNode extras, Object data) {
    PayloadTag tag = PayloadTag.of(data.getClass());
    String head = tag.prefix() + tag.version() + "." + Integer.toString(Extras.stamp(extras), 36);
    String body = codec.write(data);
    String inline = head + ":" + body;
    if (inline.codePointCount(0, inline.length()) <= ApiLimits.CALLBACK_PAYLOAD_MAX) {
      return inline;
    }
    // The kept body carries its tag: an id is only good for the type it was kept for.
    return head + "#" + Extras.keep(extras, tag.prefix() + body);
  }

  Decoded decodeButton(ObjectNode extras, String payload, Map<String, Class<?>> types) {
    Matcher m = BUTTON.matcher(payload);
    Class<?> type = m.matches() ? types.get(m.group(1)) : null;
    if (type == null) {
      return new Refused(Stale.Reason.INVALID);
    }
    if (Integer.parseInt(m.group(2)) != PayloadTag.of(type).version()) {
      return new Refused(Stale.Reason.OLDER_VERSION);
    }
    if (!m.group(3).equals(Integer.toString(Extras.screen(extras), 36))) {
      return new Refused(Stale.Reason.OLDER_SCREEN);
    }
    Optional<String> body = m.group(4).equals(":") ? Optional.of(m.group(5)) : kept(extras, m.group(5), type);
    if (body.isEmpty()) {
      return new Refused(Stale.Reason.EXPIRED);
    }
    return codec.read(body.get(), type).<Decoded>map(Value::new).orElse(new Refused(Stale.Reason.INVALID));
  }

  /** The body kept behind {@code id}; one kept for another type is returned as unreadable. */
  private static Optional<String> kept(ObjectNode extras, String id, Class<?> type) {
    String prefix = PayloadTag.of(type).prefix();
    return Extras.kept(extras, id).map(kept -> kept.startsWith(prefix) ? kept.substring(prefix.length()) : "");
  }

  /**
   * The start payload of {@code data}, signed when {@code signer} is present. Throws
   * {@link IllegalArgumentException} when it would be longer than a deep link carries.
   */
  String start(Object data, Optional<LinkSigner> signer) {
    PayloadTag tag = PayloadTag.of(data.getClass());
    String unsigned = tag.prefix() + tag.version() + "."
        + B64.encodeToString(codec.write(data).getBytes(StandardCharsets.UTF_8));
    String payload = signer.map(s -> unsigned + "." + s.sign(unsigned)).orElse(unsigned);
    if (payload.length() > START_PAYLOAD_MAX) {
      throw new IllegalArgumentException("start payload of " + data + " is " + payload.length()
          + " chars; TamTam drops deep-link payloads over " + START_PAYLOAD_MAX);
    }
    return payload;
  }

  Decoded decodeStart(String payload, Map<String, Class<?>> types, Optional<LinkSigner> signer) {
    Matcher m = START.matcher(payload);
    Class<?> type = m.matches() ? types.get(m.group(1)) : null;
    if (type == null) {
      return new Refused(Stale.Reason.INVALID);
    }
    String unsigned = payload.substring(0, m.end(3));
    if (signer.isPresent() && (m.group(4) == null || !signer.get().verifies(unsigned, m.group(4)))) {
      return new Refused(Stale.Reason.INVALID);
    }
    if (Integer.parseInt(m.group(2)) != PayloadTag.of(type).version()) {
      return new Refused(Stale.Reason.OLDER_VERSION);
    }
    try {
      String body = new String(Base64.getUrlDecoder().decode(m.group(3)), StandardCharsets.UTF_8);
      return codec.read(body, type).<Decoded>map(Value::new).orElse(new Refused(Stale.Reason.INVALID));
    } catch (IllegalArgumentException e) {
      return new Refused(Stale.Reason.INVALID);
    }
  }
}
