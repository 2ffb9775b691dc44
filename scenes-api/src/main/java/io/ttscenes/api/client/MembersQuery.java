package io.ttscenes.api.client;

import java.util.List;

/**
 * Parameters of {@link BotApi#getMembers}: a page of {@code count} (1..100) members of a chat
 * after {@code marker} (null: first page), or, when {@code userIds} is not empty, the membership
 * of those users only (the API then ignores count and marker).
 */
public record MembersQuery(long chatId, List<Long> userIds, Long marker, int count) {
  /** Validates the page size; {@code userIds} null is read as empty. */
  public MembersQuery {
    userIds = userIds == null ? List.of() : List.copyOf(userIds);
    ApiLimits.checkPageCount("getMembers", count);
  }

  /** The first page of 20 members. */
  public static MembersQuery firstPage(long chatId) {
    return new MembersQuery(chatId, List.of(), null, 20);
  }

  /** The membership of the given users. */
  public static MembersQuery users(long chatId, List<Long> userIds) {
    return new MembersQuery(chatId, userIds, null, 20);
  }

  /** This query for the page after {@code nextMarker}. */
  public MembersQuery after(Long nextMarker) {
    return new MembersQuery(chatId, userIds, nextMarker, count);
  }

  /** This query with another page size. */
  public MembersQuery count(int maxMembers) {
    return new MembersQuery(chatId, userIds, marker, maxMembers);
  }
}
