package io.ttscenes.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ttscenes.api.Bot;
import io.ttscenes.api.store.Commit;
import io.ttscenes.api.store.CommitResult;
import io.ttscenes.api.store.ForwardingSessionStore;
import io.ttscenes.api.store.OutboxEntry;
import io.ttscenes.api.store.SessionStore;
import io.ttscenes.api.store.StoreUnavailableException;
import io.ttscenes.testkit.kit.BotTester;
import io.ttscenes.testkit.kit.TestUser;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 16 item 11 on a real Redis: a commit whose reply is lost is sent once when it is this
 * instance's own, and not at all when another instance committed the same event meanwhile.
 */
final class LostCommitReplyRedisTest {
  @RegisterExtension static final RedisServerExtension REDIS = RedisServerExtension.any();
  private static final AtomicInteger BOTS = new AtomicInteger();
  private static final ObjectMapper JSON = new ObjectMapper();

  record Counter(int count) {}

  private static Bot counterBot() {
    return Bot.builder("lost-reply").sessionData(Counter.class, () -> new Counter(0))
        .root(r -> r.onText(ctx -> {
          int next = ctx.session(Counter.class).count() + 1;
          ctx.setSession(new Counter(next)).reply("count " + next);
        })).build();
  }

  @Test
  void aCommitThatLandedButWhoseReplyWasLostIsSentOnce() {
    try (LosingStore store = new LosingStore(); BotTester tester = tester(store)) {
      TestUser ann = tester.user("Ann");
      ann.sends("one").expectReply("count 1");
      store.next.set(commit -> {
        store.real().commit(commit);
        return commit;
      });

      ann.sends("two").expectReply("count 2");
      ann.sends("three").expectReply("count 3");
    }
  }

  @Test
  void aCommitAnotherInstanceMadeWhileThisOnesFailedIsNotSentByThisOne() {
    try (LosingStore store = new LosingStore(); BotTester tester = tester(store)) {
      TestUser ann = tester.user("Ann");
      ann.sends("one").expectReply("count 1");
      store.next.set(commit -> {
        // The webhook retry reached instance B, which committed this event (its entry sends
        // nothing here: B answers it) while this instance's commit never got through.
        store.real().commit(new Commit(commit.key(), commit.expectedVersion(), commit.data(),
            commit.outbox().map(LostCommitReplyRedisTest::instanceB), commit.updateId(), commit.ttl()));
        return commit;
      });

      ann.sends("two");
      ann.sends("three").expectReply("count 3");
    }
  }

  private static BotTester tester(SessionStore store) {
    return BotTester.builder(counterBot()).store(store).build().start();
  }

  private static OutboxEntry instanceB(OutboxEntry ours) {
    try {
      ObjectNode payload = (ObjectNode) JSON.readTree(ours.payload());
      payload.put("owner", "instance-b").putArray("calls");
      return new OutboxEntry(ours.id(), JSON.writeValueAsString(payload));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The real Redis store; the armed next commit with an outbox runs its action and then fails as if the reply were lost. */
  private static final class LosingStore extends ForwardingSessionStore implements AutoCloseable {
    final AtomicReference<UnaryOperator<Commit>> next = new AtomicReference<>();

    LosingStore() {
      super(RedisSessionStore.create(RedisConfig.fromUrl(REDIS.url()).newBuilder()
          .botName("lost-reply-" + BOTS.incrementAndGet()).build()));
    }

    SessionStore real() {
      return delegate();
    }

    @Override
    public CommitResult commit(Commit commit) {
      UnaryOperator<Commit> action = commit.outbox().isPresent() ? next.getAndSet(null) : null;
      if (action != null) {
        action.apply(commit);
        throw new StoreUnavailableException("commit: connection reset, reply lost (test)", null);
      }
      return super.commit(commit);
    }

    @Override
    public void close() {
      ((RedisSessionStore) delegate()).close();
    }
  }
}
