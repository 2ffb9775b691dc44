package io.ttscenes.api.client;

import java.util.Collection;

/**
 * The limits the TamTam Bot API documents (schema v0.5.6), as constants and as checks that throw
 * {@link IllegalArgumentException} naming the field, its size and the limit, e.g. {@code "callback
 * payload is 1031 chars; the limit is 1024"}. Lengths are counted in characters (Unicode code
 * points, so an emoji is one), as the schema's {@code maxLength} counts them; not in Java's UTF-16
 * units. Stateless and thread-safe.
 */
public final class ApiLimits {
  /** Maximum message text length ({@code NewMessageBody.text}). */
  public static final int MESSAGE_TEXT_MAX = 4000;
  /** Minimum visible button text length. */
  public static final int BUTTON_TEXT_MIN = 1;
  /** Maximum visible button text length. */
  public static final int BUTTON_TEXT_MAX = 128;
  /** Maximum callback button payload length. */
  public static final int CALLBACK_PAYLOAD_MAX = 1024;
  /** Maximum link button URL length. */
  public static final int LINK_URL_MAX = 2048;
  /** Maximum title of the chat a chat button creates. */
  public static final int CHAT_BUTTON_TITLE_MAX = 200;
  /** Maximum description of the chat a chat button creates. */
  public static final int CHAT_BUTTON_DESCRIPTION_MAX = 400;
  /** Maximum start payload of a chat button. */
  public static final int CHAT_BUTTON_START_PAYLOAD_MAX = 512;
  /** Maximum constructor session {@code data} length. */
  public static final int CONSTRUCTOR_DATA_MAX = 8192;
  /**
   * Maximum deep-link payload length; TamTam omits a longer payload and starts the bot without
   * one. (The schema's {@code maxLength} 512 on {@code BotStartedUpdate.payload} is the field's
   * size, not this limit.)
   */
  public static final int DEEP_LINK_PAYLOAD_MAX = 128;
  /** Maximum number of bot commands. */
  public static final int BOT_COMMANDS_MAX = 32;
  /** Maximum bot command name length (minimum 1). */
  public static final int BOT_COMMAND_NAME_MAX = 64;
  /** Maximum bot command description length (minimum 1). */
  public static final int BOT_COMMAND_DESCRIPTION_MAX = 128;
  /** Maximum bot name length (minimum 1). */
  public static final int BOT_NAME_MAX = 64;
  /** Maximum bot description length. */
  public static final int BOT_DESCRIPTION_MAX = 16000;
  /** Maximum chat title length (minimum 1). */
  public static final int CHAT_TITLE_MAX = 200;
  /** Maximum page size of getChats, getMembers and getMessages (minimum 1). */
  public static final int PAGE_COUNT_MAX = 100;
  /** Maximum number of updates per getUpdates call (minimum 1). */
  public static final int UPDATES_LIMIT_MAX = 1000;
  /** Maximum long-polling timeout in seconds (minimum 0). */
  public static final int POLL_TIMEOUT_MAX_SECONDS = 90;

  private ApiLimits() {}

  /** The length of {@code value} as the limits count it: in characters (code points). */
  public static int length(String value) {
    return value.codePointCount(0, value.length());
  }

  /**
   * Checks that {@code value} has at most {@code max} chars.
   *
   * @throws IllegalArgumentException "{field} is {n} chars; the limit is {max}"
   */
  public static String checkMaxLength(String field, String value, int max) {
    // The UTF-16 length bounds the character count from above: only a longer string needs counting.
    if (value.length() > max && length(value) > max) {
      throw new IllegalArgumentException(
          field + " is " + length(value) + " chars; the limit is " + max);
    }
    return value;
  }

  /**
   * Checks that {@code value} has {@code min..max} chars.
   *
   * @throws IllegalArgumentException "{field} is {n} chars; it must be {min}..{max}"
   */
  public static String checkLength(String field, String value, int min, int max) {
    int length = length(value);
    if (length < min || length > max) {
      throw new IllegalArgumentException(
          field + " is " + length + " chars; it must be " + min + ".." + max);
    }
    return value;
  }

  /**
   * Checks that {@code value} lies in {@code min..max}.
   *
   * @throws IllegalArgumentException "{field} is {value}; it must be {min}..{max}"
   */
  public static int checkRange(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          field + " is " + value + "; it must be " + min + ".." + max);
    }
    return value;
  }

  /**
   * Checks that {@code items} has at most {@code max} elements.
   *
   * @throws IllegalArgumentException "{field} has {n} items; the limit is {max}"
   */
  public static <C extends Collection<?>> C checkMaxItems(String field, C items, int max) {
    if (items.size() > max) {
      throw new IllegalArgumentException(
          field + " has " + items.size() + " items; the limit is " + max);
    }
    return items;
  }

  /** Checks a message text against {@link #MESSAGE_TEXT_MAX}. */
  public static String checkMessageText(String text) {
    return checkMaxLength("message text", text, MESSAGE_TEXT_MAX);
  }

  /** Checks a button's visible text against {@link #BUTTON_TEXT_MIN}..{@link #BUTTON_TEXT_MAX}. */
  public static String checkButtonText(String text) {
    return checkLength("button text", text, BUTTON_TEXT_MIN, BUTTON_TEXT_MAX);
  }

  /** Checks a callback button payload against {@link #CALLBACK_PAYLOAD_MAX}. */
  public static String checkCallbackPayload(String payload) {
    return checkMaxLength("callback payload", payload, CALLBACK_PAYLOAD_MAX);
  }

  /** Checks a link button URL against {@link #LINK_URL_MAX}. */
  public static String checkLinkUrl(String url) {
    return checkMaxLength("link button url", url, LINK_URL_MAX);
  }

  /** Checks constructor session data against {@link #CONSTRUCTOR_DATA_MAX}. */
  public static String checkConstructorData(String data) {
    return checkMaxLength("constructor data", data, CONSTRUCTOR_DATA_MAX);
  }

  /** Checks a deep-link payload against {@link #DEEP_LINK_PAYLOAD_MAX}. */
  public static String checkDeepLinkPayload(String payload) {
    return checkMaxLength("deep-link payload", payload, DEEP_LINK_PAYLOAD_MAX);
  }

  /** Checks a page size ({@code count}) of an operation against 1..{@link #PAGE_COUNT_MAX}. */
  public static int checkPageCount(String operation, int count) {
    return checkRange(operation + " count", count, 1, PAGE_COUNT_MAX);
  }
}
