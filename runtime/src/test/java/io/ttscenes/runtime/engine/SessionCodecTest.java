package io.ttscenes.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ttscenes.api.Bot;
import io.ttscenes.api.Scene;
import io.ttscenes.runtime.json.WireJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class SessionCodecTest {
  record Profile(String name, String nickname, List<Integer> scores, Map<String, Object> extra) {}

  private final ObjectMapper mapper = WireJson.create();
  private final Bot bot = Bot.builder("codec")
      .sessionData(Profile.class, () -> new Profile("new", null, List.of(), Map.of()))
      .root(r -> r.onText(ctx -> { }))
      .build();
  private final SessionCodec codec = new SessionCodec(bot, mapper);

  @Test
  void encodingWritesTheSameJsonAsGoingThroughTreesAndReadsBack() throws Exception {
    Profile profile = new Profile("Ann", null, List.of(3, 1), Map.of("nested", Map.of("k", 1.5)));
    List<SessionState.HistoryEntry> history = new ArrayList<>(List.of(
        new SessionState.HistoryEntry("survey", "q1", mapper.valueToTree(Map.of("answer", "yes")), null)));
    Jobs jobs = Jobs.none();
    jobs.put("nudge", Instant.ofEpochMilli(1_700_000_000_123L), mapper.valueToTree(Map.of("step", 2)));
    Session session = new Session(null, null, null, profile, history, jobs, 7L, 70L);

    String json = codec.encode(session);

    String viaTrees = mapper.writeValueAsString(new SessionState(null, null, null,
        mapper.valueToTree(profile), history, null, jobs.stored(), 1L, 7L, 70L, null, null, null, null));
    assertEquals(viaTrees, json);
    Session read = codec.decode("u:7:c:70", json);
    assertEquals(profile, read.sessionData);
    assertEquals(history, read.history);
    assertEquals(jobs.stored(), read.jobs.stored());
    assertEquals(70L, read.chat);
  }

  record Answers(String q1, String q2) {}

  private final Bot wizardBot = Bot.builder("codec-wizard")
      .sessionData(Profile.class, () -> new Profile("new", null, List.of(), Map.of()))
      .scene(Scene.builder("survey", Answers.class)
          .step("q1", s -> s.onText(ctx -> { }))
          .step("q2", s -> s.onText(ctx -> { }))
          .build())
      .root(r -> r.onText(ctx -> { }))
      .build();
  private final SessionCodec wizardCodec = new SessionCodec(wizardBot, mapper);

  @Test
  void aTextCutInsideAnEmojiSurvivesAStoreThatKeepsUtf8() {
    String cut = "cut \uD83D\uDE00\uD83D";
    Session session = new Session(null, null, null, new Profile(cut, null, List.of(), Map.of()), List.of(),
        Jobs.none(), 7L, 70L);

    String json = codec.encode(session);
    String throughUtf8 = new String(json.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);

    assertEquals(json, throughUtf8, "the encoded session is plain UTF-8 text");
    assertEquals(cut, ((Profile) codec.decode("u:7:c:70", throughUtf8).sessionData).name());
  }

  @Test
  void aSessionInAWizardStepReadsBackWithEveryField() {
    Profile profile = new Profile("Ann", "A", List.of(2), Map.of());
    Jobs jobs = Jobs.none();
    jobs.put(Jobs.TIMEOUT, Instant.ofEpochMilli(1_700_000_000_123L), null);
    jobs.put("remind", Instant.ofEpochMilli(1_700_000_000_456L), mapper.valueToTree("text"));
    Session session = new Session(wizardBot.scene("survey").orElseThrow(), "q2", new Answers("yes", null),
        profile, List.of(new SessionState.HistoryEntry("menu", null, null, null)), jobs, 7L, 70L);

    Session read = wizardCodec.decode("u:7:c:70", wizardCodec.encode(session));

    assertEquals("survey", read.scene.id());
    assertEquals("q2", read.step);
    assertEquals(new Answers("yes", null), read.data);
    assertEquals(profile, read.sessionData);
    assertEquals(session.history, read.history);
    assertEquals(jobs.stored(), read.jobs.stored());
    assertEquals(Optional.of(Instant.ofEpochMilli(1_700_000_000_123L)), read.jobs.wake());
    assertEquals(7L, read.user);
    assertEquals(70L, read.chat);
  }

  @Test
  void aDeadlineStoredBeforeJobsExistedReadsAsTheSceneTimeoutOnBothPaths() {
    String stored = "{\"scene\":\"survey\",\"step\":\"q1\",\"data\":{\"q1\":null,\"q2\":null},"
        + "\"deadline\":1700000000123}";
    String storedOutOfOrder = "{\"deadline\":1700000000123,\"data\":{\"q1\":null,\"q2\":null},"
        + "\"step\":\"q1\",\"scene\":\"survey\"}";

    for (String json : List.of(stored, storedOutOfOrder)) {
      Session read = wizardCodec.decode("k", json);
      assertEquals(Optional.of(Instant.ofEpochMilli(1_700_000_000_123L)),
          read.jobs.get(Jobs.TIMEOUT).map(ScheduledJob::dueAt), json);
    }
  }

  @Test
  void aCampaignAndThePlacesItReachedReadBackOnBothPaths() {
    Session session = new Session(wizardBot.scene("survey").orElseThrow(), "q1", new Answers("yes", null),
        new Profile("Ann", null, List.of(), Map.of()), List.of(), Jobs.none(), 7L, 70L);
    session.campaign = "promo";
    session.reached.addAll(List.of("survey/q1", "menu"));
    String onePass = wizardCodec.encode(session);
    // The data before its scene: not the one-pass reader's plain case, so read through trees.
    String trees = "{\"data\":{\"q1\":\"yes\"},\"scene\":\"survey\",\"step\":\"q1\","
        + "\"campaign\":\"promo\",\"reached\":[\"survey/q1\",\"menu\"]}";

    for (String json : List.of(onePass, trees)) {
      Session read = wizardCodec.decode("k", json);
      assertEquals("promo", read.campaign, json);
      assertEquals(List.of("survey/q1", "menu"), List.copyOf(read.reached),
          "a place reached before is not reached (and counted) again: " + json);
    }
  }

  @Test
  void storedJsonInAnotherFieldOrderOrWithAMissingSessionReadsTheSame() {
    Session read = wizardCodec.decode("k",
        "{\"data\":{\"q1\":\"no\"},\"step\":\"q1\",\"extra\":[1,{}],\"scene\":\"survey\",\"chat\":5}");

    assertEquals("survey", read.scene.id());
    assertEquals("q1", read.step);
    assertEquals(new Answers("no", null), read.data);
    assertEquals(new Profile("new", null, List.of(), Map.of()), read.sessionData, "the initial session data");
    assertEquals(5L, read.chat);

    Bot plain = Bot.builder("codec-plain").root(r -> r.onText(ctx -> { })).build();
    Session withoutSessionType = new SessionCodec(plain, mapper).decode("k",
        "{\"session\":{\"name\":\"Ann\",\"chat\":1},\"chat\":9,\"user\":2}");
    assertNull(withoutSessionType.sessionData);
    assertEquals(9L, withoutSessionType.chat, "fields after an unused session value are read");
    assertEquals(2L, withoutSessionType.user);
  }

  @Test
  void aPlainSessionWithoutACampaignIsTakenByTheOnePassReader() {
    Session session = new Session(wizardBot.scene("survey").orElseThrow(), "q1", new Answers("yes", null),
        new Profile("Ann", null, List.of(), Map.of()), List.of(), Jobs.none(), 7L, 70L);
    String json = wizardCodec.encode(session);

    Optional<Session> read = new OnePassSessionReader(wizardBot, wizardCodec.mapper(),
        new VersionedData(wizardCodec.mapper())).read("k", json);

    assertEquals(Optional.of(new Answers("yes", null)), read.map(s -> s.data), json);
  }

  // The tree path reads a non-text scene as unreadable and starts over at the root, marked so the
  // turn tells the user; the one-pass reader must leave it to that path: neither throw (asking a bot
  // whose scenes are a Map.copyOf for scene null did) nor read it as no scene and go on silently.
  @Test
  void aStoredSceneThatIsNotTextStartsOverAtTheRootInsteadOfThrowing() {
    for (String json : List.of("{\"scene\":{},\"chat\":4}", "{\"scene\":[\"survey\"],\"chat\":4}")) {
      Session read = assertDoesNotThrow(() -> wizardCodec.decode("k", json), json);
      assertNull(read.scene, json);
      assertEquals(new FlowEvent.SessionReset(FlowEvent.ROOT, "unreadable"), read.reset, json);
    }
  }

  // The tree path's SessionState refuses a null history entry (List.copyOf) and resets the
  // session; the one-pass reader must not keep it for back() to throw on later.
  @Test
  void aNullHistoryEntryIsNotKeptForBackToThrowOn() {
    Session read = wizardCodec.decode("k",
        "{\"scene\":\"survey\",\"step\":\"q1\",\"data\":{\"q1\":\"x\"},\"history\":[null]}");

    assertFalse(read.history.contains(null), "history read: " + read.history);
  }

  // The tree path's SessionState refuses a null place reached (List.copyOf) and resets the
  // session; the one-pass reader must leave it to that path rather than keep the null.
  @Test
  void aNullPlaceReachedIsNotKept() {
    for (String json : List.of("{\"campaign\":\"promo\",\"reached\":[null],\"chat\":4}",
        "{\"scene\":\"survey\",\"step\":\"q1\",\"data\":{\"q1\":\"x\"},\"campaign\":\"promo\","
            + "\"reached\":[\"survey/q1\",null]}")) {
      Session read = assertDoesNotThrow(() -> wizardCodec.decode("k", json), json);

      assertFalse(read.reached.contains(null), "reached read: " + read.reached);
    }
  }

  @Test
  void whatNoLongerFitsReturnsToTheRootOrTheFirstStepAsBefore() {
    Profile initial = new Profile("new", null, List.of(), Map.of());
    Session unknownScene = wizardCodec.decode("k", "{\"scene\":\"gone\",\"data\":{},\"user\":3}");
    assertNull(unknownScene.scene);
    assertEquals(3L, unknownScene.user);
    Session badData = wizardCodec.decode("k", "{\"scene\":\"survey\",\"step\":\"q1\",\"data\":[1]}");
    assertNull(badData.scene);
    assertNull(badData.data);
    Session noData = wizardCodec.decode("k", "{\"scene\":\"survey\",\"step\":\"q1\"}");
    assertNull(noData.scene);
    Session removedStep = wizardCodec.decode("k", "{\"scene\":\"survey\",\"step\":\"q9\",\"data\":{}}");
    assertEquals("q1", removedStep.step);
    Session badSession = wizardCodec.decode("k", "{\"session\":\"not a profile\",\"chat\":4}");
    assertEquals(initial, badSession.sessionData);
    assertEquals(4L, badSession.chat);
    Session unreadable = wizardCodec.decode("k", "{\"scene\":");
    assertNull(unreadable.scene);
    assertEquals(initial, unreadable.sessionData);
  }
}
