package io.ttscenes.example.faq.desk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ttscenes.api.Context;
import io.ttscenes.api.Handlers;
import io.ttscenes.api.OutgoingMessage;
import io.ttscenes.api.Scene;
import io.ttscenes.api.SessionRef;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
  private static final Pattern CHUNK = Pattern.compile("[0-9]+|[^0-9]+");

  /** One open ticket, listed since {@code opened}; operator "" while nobody took it. */
  record Entry(String id, String name, String operator, Instant opened) {
    Entry {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(opened, "opened");
    }
  }

  /** Oldest first, then by the numbers in the id (SUP-9 before SUP-10), never by the id's text. */
  static final Comparator<Entry> OLDEST_FIRST = Comparator.comparing(Entry::opened)
      .thenComparing(Entry::id, DeskIndex::byNumbers);

  /** An operator's reply to a post whose mid the desk does not know yet, held until {@code until}. */
  record Waiting(Signals.ReplyTo reply, Instant until) {}

  /**
   * The desk's scene data.
   *
   * @param open open tickets by id
   * @param posts ticket id by the mid of its posts in the operators' chat (closed ones too, up to
   *     {@link #MAX_POSTS}, so a late reply to one is told that it is closed)
   * @param waiting replies to posts not known yet (their continuation is on its way), each under
   *     its post's mid and a number ({@code mid#n}): operators may reply to one post more than once
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

    /** Lists a ticket, or updates its operator: it keeps the time it was first listed. */
    Index listed(Signals.Listed listed, Instant now) {
      Map<String, Entry> next = new LinkedHashMap<>(open);
      Instant opened = Optional.ofNullable(open.get(listed.id())).map(Entry::opened).orElse(now);
      next.put(listed.id(), new Entry(listed.id(), listed.name(), listed.operator(), opened));
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
      return new Index(open, next, waiting).withoutWaiting(waitingFor(posted.mid()).keySet());
    }

    Index waits(Signals.ReplyTo reply, Instant until) {
      Map<String, Waiting> next = new LinkedHashMap<>(waiting);
      int n = 0;
      while (next.containsKey(reply.mid() + "#" + n)) {
        n++;
      }
      next.put(reply.mid() + "#" + n, new Waiting(reply, until));
      return new Index(open, posts, next);
    }

    /** The open tickets, oldest first (see {@link #OLDEST_FIRST}). */
    List<Entry> openOldestFirst() {
      return open.values().stream().sorted(OLDEST_FIRST).toList();
    }

    /** The held replies to post {@code mid}, by their keys in {@link #waiting}, oldest first. */
    Map<String, Waiting> waitingFor(String mid) {
      Map<String, Waiting> found = new LinkedHashMap<>();
      oldestFirst(held -> held.reply().mid().equals(mid)).forEach(key -> found.put(key, waiting.get(key)));
      return found;
    }

    /** The keys of the held replies that pass {@code which}, in the order they came. */
    List<String> oldestFirst(Predicate<Waiting> which) {
      return waiting.entrySet().stream().filter(held -> which.test(held.getValue()))
          .sorted(Comparator.comparing((Map.Entry<String, Waiting> held) -> held.getValue().until())
              .thenComparing(held -> held.getKey().length()).thenComparing(Map.Entry::getKey))
          .map(Map.Entry::getKey).toList();
    }

    Index withoutWaiting(Collection<String> keys) {
      Map<String, Waiting> next = new LinkedHashMap<>(waiting);
      next.keySet().removeAll(keys);
      return new Index(open, posts, next);
    }
  }

  private final long chat;
  private final OperatorsLanguage language;

  DeskIndex(long chat, OperatorsLanguage language) {
    this.chat = chat;
    this.language = language;
  }

  Scene<Index> scene() {
    return Scene.builder(ID, Index.class)
        .sessionTtl(TTL)
        // Version 2 added Entry.opened: entries listed before it count as the oldest.
        .dataVersion(2)
        .migrate(1, DeskIndex::withOpenedTimes)
        .onSignal(Signals.Listed.class, (ctx, listed) -> ctx.setData(ctx.data().listed(listed, ctx.now())))
        .onSignal(Signals.Unlisted.class, (ctx, gone) -> ctx.setData(ctx.data().unlisted(gone.id())))
        .onSignal(Signals.Posted.class, this::posted)
        .onScheduled(UNROUTED, this::unrouted)
        .onSignal(Signals.ListOpen.class, (ctx, ask) -> ctx.sendToChat(chat,
            OutgoingMessage.text(listing(ctx, ask.locale(), ctx.data()))))
        .onSignal(Signals.ReplyTo.class, this::route)
        .build();
  }

  /** The first signal to the desk enters its scene with an empty index, then is handled there. */
  void outside(Handlers g) {
    g.onSignal(Signals.Listed.class, (ctx, listed) -> ctx.enter(ID, Index.empty().listed(listed, ctx.now())))
        .onSignal(Signals.Unlisted.class, (ctx, gone) -> ctx.enter(ID, Index.empty()))
        .onSignal(Signals.Posted.class, (ctx, posted) -> ctx.enter(ID, Index.empty().posted(posted)))
        .onSignal(Signals.ListOpen.class, (ctx, ask) -> ctx.enter(ID, Index.empty())
            .sendToChat(chat, OutgoingMessage.text(listing(ctx, ask.locale(), Index.empty()))))
        .onSignal(Signals.ReplyTo.class, (ctx, reply) -> ctx.enter(ID, Index.empty().waits(reply,
            ctx.now().plus(HOLD))).schedule(UNROUTED, HOLD, ""));
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
      ctx.signal(SupportDesk.ticket(id.get()), new Signals.Answer(reply.operator(), reply.text(), reply.attachments(),
          reply.locale()));
    } else {
      ctx.sendToChat(chat, OutgoingMessage.text(language.in(ctx, reply.locale(), "desk.op.closed-nothing-sent",
          reply.operator(), id.get())));
    }
  }

  /** A post's mid arrives: remember it, and pass on the replies that were waiting for it. */
  private void posted(Context<Index> ctx, Signals.Posted posted) {
    Collection<Waiting> held = ctx.data().waitingFor(posted.mid()).values();
    ctx.setData(ctx.data().posted(posted));
    held.forEach(waiting -> route(ctx, waiting.reply()));
  }

  /** Replies held past {@link #HOLD} answered no post of a ticket: tell their operators. */
  private void unrouted(Context<Index> ctx) {
    List<String> due = ctx.data().oldestFirst(held -> !held.until().isAfter(ctx.now()));
    due.forEach(key -> ctx.sendToChat(chat, notATicket(ctx, ctx.data().waiting().get(key).reply())));
    Index left = ctx.data().withoutWaiting(due);
    ctx.setData(left);
    left.waiting().values().stream().map(Waiting::until).min(Instant::compareTo)
        .ifPresent(next -> ctx.schedule(UNROUTED, next, ""));
  }

  private OutgoingMessage notATicket(Context<?> ctx, Signals.ReplyTo reply) {
    return OutgoingMessage.text(language.in(ctx, reply.locale(), "desk.op.not-a-ticket", reply.operator()));
  }

  /** The open tickets, oldest first, in the language of tag {@code locale}. */
  private String listing(Context<?> ctx, String locale, Index index) {
    if (index.open().isEmpty()) {
      return language.in(ctx, locale, "desk.op.none-open");
    }
    List<String> lines = new ArrayList<>();
    lines.add(language.in(ctx, locale, "desk.op.open", index.open().size()));
    index.openOldestFirst().forEach(entry -> lines.add(entry.operator().isEmpty()
        ? language.in(ctx, locale, "desk.op.open-waiting", entry.id(), entry.name())
        : language.in(ctx, locale, "desk.op.open-taken", entry.id(), entry.name(), entry.operator())));
    return String.join("\n", lines);
  }

  /** Version 1 of the index to version 2: every open entry gets {@code opened}, the epoch. */
  static ObjectNode withOpenedTimes(ObjectNode index) {
    JsonNode open = index.path("open");
    open.forEach(entry -> {
      if (entry instanceof ObjectNode fields && !fields.has("opened")) {
        fields.put("opened", Instant.EPOCH.toString());
      }
    });
    return index;
  }

  /** Compares ids by their runs of digits as numbers and the rest as text: SUP-7-9 before SUP-7-10. */
  static int byNumbers(String a, String b) {
    Matcher left = CHUNK.matcher(a);
    Matcher right = CHUNK.matcher(b);
    while (left.find() && right.find()) {
      String x = left.group();
      String y = right.group();
      boolean numbers = Character.isDigit(x.charAt(0)) && Character.isDigit(y.charAt(0));
      int order = numbers ? new BigInteger(x).compareTo(new BigInteger(y)) : x.compareTo(y);
      if (order != 0) {
        return order;
      }
    }
    return Integer.compare(a.length(), b.length());
  }

  static SessionRef ref() {
    return SessionRef.named(ID);
  }
}
