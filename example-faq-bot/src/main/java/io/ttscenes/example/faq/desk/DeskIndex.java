package io.ttscenes.example.faq.desk;

import io.ttscenes.api.Context;
import io.ttscenes.api.Handlers;
import io.ttscenes.api.OutgoingMessage;
import io.ttscenes.api.Scene;
import io.ttscenes.api.SessionRef;
import java.time.Duration;
import java.util.ArrayList;
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

  /** One open ticket; operator "" while nobody took it. */
  record Entry(String id, String name, String operator) {}

  /**
   * The desk's scene data.
   *
   * @param open open tickets by id, oldest first
   * @param posts ticket id by the mid of its posts in the operators' chat
   */
  record Index(Map<String, Entry> open, Map<String, String> posts) {
    Index {
      open = Map.copyOf(Objects.requireNonNull(open, "open"));
      posts = Map.copyOf(Objects.requireNonNull(posts, "posts"));
    }

    static Index empty() {
      return new Index(Map.of(), Map.of());
    }

    Index listed(Signals.Listed listed) {
      Map<String, Entry> next = new LinkedHashMap<>(open);
      next.put(listed.id(), new Entry(listed.id(), listed.name(), listed.operator()));
      return new Index(next, posts);
    }

    Index unlisted(String id) {
      Map<String, Entry> next = new LinkedHashMap<>(open);
      next.remove(id);
      Map<String, String> left = new LinkedHashMap<>(posts);
      left.values().removeIf(id::equals);
      return new Index(next, left);
    }

    Index posted(Signals.Posted posted) {
      if (!open.containsKey(posted.id())) {
        return this;
      }
      Map<String, String> next = new LinkedHashMap<>(posts);
      next.put(posted.mid(), posted.id());
      return new Index(open, next);
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
        .onSignal(Signals.Posted.class, (ctx, posted) -> ctx.setData(ctx.data().posted(posted)))
        .onSignal(Signals.ListOpen.class, (ctx, ask) -> list(ctx))
        .onSignal(Signals.ReplyTo.class, this::route)
        .build();
  }

  /** The first signal to the desk enters its scene with an empty index, then is handled there. */
  void outside(Handlers g) {
    g.onSignal(Signals.Listed.class, (ctx, listed) -> ctx.enter(ID, Index.empty().listed(listed)))
        .onSignal(Signals.Unlisted.class, (ctx, gone) -> ctx.enter(ID, Index.empty()))
        .onSignal(Signals.Posted.class, (ctx, posted) -> ctx.enter(ID, Index.empty()))
        .onSignal(Signals.ListOpen.class, (ctx, ask) -> ctx.enter(ID, Index.empty())
            .sendToChat(chat, OutgoingMessage.text(listing(Index.empty()))))
        .onSignal(Signals.ReplyTo.class, (ctx, reply) -> ctx.enter(ID, Index.empty())
            .sendToChat(chat, notATicket(reply)));
  }

  private void list(Context<Index> ctx) {
    ctx.sendToChat(chat, OutgoingMessage.text(listing(ctx.data())));
  }

  private void route(Context<Index> ctx, Signals.ReplyTo reply) {
    Optional<String> id = Optional.ofNullable(ctx.data().posts().get(reply.mid()));
    id.ifPresentOrElse(
        ticket -> ctx.signal(SupportDesk.ticket(ticket), new Signals.Answer(reply.operator(), reply.text())),
        () -> ctx.sendToChat(chat, notATicket(reply)));
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
