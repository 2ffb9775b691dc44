package io.ttscenes.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Review of the group chat fixes: {@code GET /chats/{id}/members?user_ids=} builds its filter with
 * {@code Set.of}, which throws on a repeated id, so a list naming one member twice is answered 400
 * instead of listing that member.
 */
final class GroupFixesReviewTest extends EmulatorTest {
  @Test
  void membersByUserIdsListsAMemberNamedTwiceOnce() {
    EmulatedUser alice = emulator.user("Alice");
    EmulatedUser bob = emulator.user("Bob");
    EmulatedChat team = emulator.groupChat("Team", alice, bob);
    team.addBot(alice);

    BotApiClient.Reply reply = api.get("/chats/" + team.chatId() + "/members?user_ids="
        + bob.userId() + "," + bob.userId());

    assertEquals(200, reply.status(), reply.json().toString());
    List<Long> ids = new ArrayList<>();
    for (JsonNode member : reply.json().path("members")) {
      ids.add(member.path("user_id").asLong());
    }
    assertEquals(List.of(bob.userId()), ids);
  }
}
