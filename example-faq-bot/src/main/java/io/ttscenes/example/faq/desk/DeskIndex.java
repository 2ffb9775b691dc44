package io.ttscenes.example.faq.desk;

import io.ttscenes.api.Context;
import io.ttscenes.api.Handlers;
import io.ttscenes.api.OutgoingMessage;
import io.ttscenes.api.Scene;
import io.ttscenes.api.SessionRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The named session {@code desk}: the open tickets (for the operators' {@code /open}) and which
 * message in the operators' chat belongs to which ticket, so that an operator's reply to a post
 * finds its ticket. Tickets keep it current with signals.
 */
final class DeskIndex {
  static final String ID = "desk";
  /** Longer than any ticket lives, so an idle desk never forgets an open ticket. */
  static final Duration TTL = Duration.ofDays(30);
  /** How long a reply to a post the desk does not know waits for the post's continuation. */
  static final Duration HOLD = Duration.ofMinutes(1);
  static final int MAX_POSTS = 5000;
  private static final String UNROUTED = "unrouted";

  /** One open ticket; operator "" while nobody took it. */
  record Entry(String id, String name, String operator) {}

  /** An operator's reply to a post whose mid the desk does not know yet, held until {@code until}. */
  record Waiting(Signals.ReplyTo reply, Instant until) {}

  /**
   * The desk's scene data.
   *
   * @param open open tickets by id
   * @param posts ticket id by the mid of its posts in the operators' chat (closed ones too, up to
   *     {@link #MAX_POSTS}, so a late reply to one is told that it is closed)
   * @param waiting replies by mid to posts not known yet (their continuation is on its way)
   */
  record Index(Map<String, Entry> open, Map<String, String> posts, Map<String, Waiting> waiting) {
    Index {
      open = Map.copyOf(Objects.requireNonNull(open, "open"));
      posts = Map.copyOf(Objects.requireNonNull(posts, "posts"));
      waiting = Map.copyOf(Objects.requireNonNull(waiting, "waiting"));
    }

    static Index empty() {
      return new Index(Map.of(), Map.of(), Map.of());
    }

    Index listed(Signals.Listed listed) {
      Map<String, Entry> next = new LinkedHashMap<>(open);
      next.put(listed.id(), new Entry(listed.id(), listed.name(), listed.operator()));
      return new Index(next, posts, waiting);
    }

    Index unlisted(String id) {
      Map<String, Entry> next = new LinkedHashMap<>(open);
      next.remove(id);
      Map<String, String> kept = new LinkedHashMap<>(posts);
      if (kept.size() > MAX_POSTS) {
        kept.values().removeIf(ticket -> !next.containsKey(ticket));
      }
      return new Index(next, kept, waiting);
    }

    Index posted(Signals.Posted posted) {
      Map<String, String> next = new LinkedHashMap<>(posts);
      next.put(posted.mid(), posted.id());
      Map<String, Waiting> still = new LinkedHashMap<>(waiting);
      still.remove(posted.mid());
      return new Index(open, next, still);
    }

    Index waits(Signals.ReplyTo reply, Instant until) {
      Map<String, Waiting> next = new LinkedHashMap<>(waiting);
      next.put(reply.mid(), new Waiting(reply, until));
      return new Index(open, posts, next);
    }

    Index withoutWaiting(Collection<String> mids) {
      Map<String, Waiting> next = new LinkedHashMap<>(waiting);
      next.keySet().removeAll(mids);
      return new Index(open, posts, next);
    }
  }

  private final long chat;

  DeskIndex(long chat) {
    this.chat = chat;
  }

  Scene<Index> scene() {
    return Scene.builder(ID, Index.class)
        .sessionTtl(TTL)
        .onSignal(Signals.Listed.class, (ctx, listed) -> ctx.setData(ctx.data().listed(listed)))
        .onSignal(Signals.Unlisted.class, (ctx, gone) -> ctx.setData(ctx.data().unlisted(gone.id())))
        .onSignal(Signals.Posted.class, this::posted)
        .onScheduled(UNROUTED, this::unrouted)
        .onSignal(Signals.ListOpen.class, (ctx, ask) -> list(ctx))
        .onSignal(Signals.ReplyTo.class, this::route)
        .build();
  }

  /** The first signal to the desk enters its scene with an empty index, then is handled there. */
  void outside(Handlers g) {
    g.onSignal(Signals.Listed.class, (ctx, listed) -> ctx.enter(ID, Index.empty().listed(listed)))
        .onSignal(Signals.Unlisted.class, (ctx, gone) -> ctx.enter(ID, Index.empty()))
        .onSignal(Signals.Posted.class, (ctx, posted) -> ctx.enter(ID, Index.empty().posted(posted)))
        .onSignal(Signals.ListOpen.class, (ctx, ask) -> ctx.enter(ID, Index.empty())
            .sendToChat(chat, OutgoingMessage.text(listing(Index.empty()))))
        .onSignal(Signals.ReplyTo.class, (ctx, reply) -> ctx.enter(ID, Index.empty().waits(reply,
            ctx.now().plus(HOLD))).schedule(UNROUTED, HOLD, ""));
  }

  private void list(Context<Index> ctx) {
    ctx.sendToChat(chat, OutgoingMessage.text(listing(ctx.data())));
  }

  private void route(Context<Index> ctx, Signals.ReplyTo reply) {
    Optional<String> id = Optional.ofNullable(ctx.data().posts().get(reply.mid()));
    if (id.isEmpty()) {
      // Maybe the post's continuation has not reached the desk yet: hold the reply a little.
      ctx.setData(ctx.data().waits(reply, ctx.now().plus(HOLD)));
      if (ctx.scheduled(UNROUTED).isEmpty()) {
        ctx.schedule(UNROUTED, HOLD, "");
      }
    } else if (ctx.data().open().containsKey(id.get())) {
      ctx.signal(SupportDesk.ticket(id.get()), new Signals.Answer(reply.operator(), reply.text()));
    } else {
      ctx.sendToChat(chat, OutgoingMessage.text(reply.operator() + ": ticket " + id.get()
          + " is closed; nothing was sent to the user."));
    }
  }

  /** A post's mid arrives: remember it, and pass on a reply that was waiting for it. */
  private void posted(Context<Index> ctx, Signals.Posted posted) {
    Waiting held = ctx.data().waiting().get(posted.mid());
    ctx.setData(ctx.data().posted(posted));
    if (held != null) {
      route(ctx, held.reply());
    }
  }

  /** Replies held past {@link #HOLD} answered no post of a ticket: tell their operators. */
  private void unrouted(Context<Index> ctx) {
    List<String> due = ctx.data().waiting().values().stream().filter(w -> !w.until().isAfter(ctx.now()))
        .map(w -> w.reply().mid()).toList();
    due.forEach(mid -> ctx.sendToChat(chat, notATicket(ctx.data().waiting().get(mid).reply())));
    Index left = ctx.data().withoutWaiting(due);
    ctx.setData(left);
    left.waiting().values().stream().map(Waiting::until).min(Instant::compareTo)
        .ifPresent(next -> ctx.schedule(UNROUTED, next, ""));
  }

  private static OutgoingMessage notATicket(Signals.ReplyTo reply) {
    return OutgoingMessage.text(reply.operator() + ": that message is not an open ticket, so your "
        + "reply went to nobody. Send /open to see the open tickets.");
  }

  static String listing(Index index) {
    if (index.open().isEmpty()) {
      return "No open tickets.";
    }
    List<String> lines = new ArrayList<>();
    lines.add("Open tickets (" + index.open().size() + "):");
    index.open().values().stream().sorted((a, b) -> a.id().compareTo(b.id())).forEach(entry ->
        lines.add(entry.id() + " from " + entry.name() + ": "
            + (entry.operator().isEmpty() ? "waiting" : "taken by " + entry.operator())));
    return String.join("\n", lines);
  }

  static SessionRef ref() {
    return SessionRef.named(ID);
  }
}
