package io.ttscenes.api.store;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The session keys that share a chat's data. A chat's own session ({@code c:<chat>}) and its
 * members' sessions in the chat-scoped form {@code c:<chat>/u:<user>} belong to chat
 * {@code c:<chat>}: a store keeps them where one atomic step can reach the chat's data too (on
 * Redis, one hash tag {@code {c:<chat>}}). Any other key belongs to no chat.
 */
public final class ChatKeys {
  private static final Pattern CHAT = Pattern.compile("c:-?\\d+");
  private static final Pattern MEMBER = Pattern.compile("(c:-?\\d+)/u:(-?\\d+)");
  private static final Pattern LEGACY_MEMBER = Pattern.compile("u:(-?\\d+):c:(-?\\d+)");

  private ChatKeys() {}

  /** The chat-scoped session key of user {@code userId} in chat {@code chatId}: {@code c:<chat>/u:<user>}. */
  public static String member(long chatId, long userId) {
    return "c:" + chatId + "/u:" + userId;
  }

  /** Returns whether {@code key} is a chat's key {@code c:<id>}. */
  public static boolean isChat(String key) {
    return key.startsWith("c:") && CHAT.matcher(key).matches();
  }

  /** The chat ({@code c:<id>}) whose data session {@code key} may commit with, if any. */
  public static Optional<String> chatOf(String key) {
    // Every session is asked on every update; most keys are no chat's, and need no regex to say so.
    if (!key.startsWith("c:")) {
      return Optional.empty();
    }
    if (isChat(key)) {
      return Optional.of(key);
    }
    Matcher member = MEMBER.matcher(key);
    return member.matches() ? Optional.of(member.group(1)) : Optional.empty();
  }

  /**
   * The part of {@code key} after its chat, for a member key ({@code u:<user>} of
   * {@code c:<chat>/u:<user>}); empty for any other key.
   */
  public static Optional<String> memberPart(String key) {
    Matcher member = MEMBER.matcher(key);
    return member.matches() ? Optional.of(key.substring(member.end(1) + 1)) : Optional.empty();
  }

  /** The chat-scoped form of a user-in-chat key {@code u:<user>:c:<chat>}; empty for any other key. */
  public static Optional<String> scoped(String key) {
    Matcher legacy = LEGACY_MEMBER.matcher(key);
    return legacy.matches()
        ? Optional.of("c:" + legacy.group(2) + "/u:" + legacy.group(1)) : Optional.empty();
  }

  /** The user-in-chat key {@code u:<user>:c:<chat>} a chat-scoped member key had before; empty otherwise. */
  public static Optional<String> unscoped(String key) {
    Matcher member = MEMBER.matcher(key);
    return member.matches()
        ? Optional.of(key.substring(member.end(1) + 1) + ":" + member.group(1)) : Optional.empty();
  }
}
