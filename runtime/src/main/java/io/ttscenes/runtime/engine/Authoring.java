package io.ttscenes.runtime.engine;

import io.ttscenes.api.Bot;
import io.ttscenes.api.PayloadTag;
import io.ttscenes.api.Stale;
import io.ttscenes.api.Updates;
import io.ttscenes.api.model.BotStartedUpdate;
import io.ttscenes.api.model.Update;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's side of the authoring blocks: before routing, decodes a typed button or start link
 * and sends a stale or invalid one to the bot's stale handler (so the current step never sees it);
 * keeps the session's locale; makes typed buttons and start links. One per bot, thread-safe.
 */
final class Authoring {
  private static final Logger LOG = LoggerFactory.getLogger(Authoring.class);

  private final Bot bot;
  private final TypedPayloads payloads;
  private final Supplier<Optional<String>> username;

  Authoring(Bot bot, PayloadCodec codec, Supplier<Optional<String>> username) {
    this.bot = bot;
    this.payloads = new TypedPayloads(codec);
    this.username = username;
  }

  /** Gives {@code ctx} this bot's authoring blocks and records the locale its update reports. */
  SessionContext attach(SessionContext ctx) {
    ctx.authoring(this);
    if (bot.messages().isPresent()) {
      ctx.update().userLocale().filter(tag -> !tag.isBlank())
          .ifPresent(tag -> Extras.reportedLocale(ctx.session().extras, tag));
    }
    return ctx;
  }

  /**
   * Decodes the update's typed payload into {@code ctx}; when it is stale or invalid, runs the
   * stale handler instead and returns true (the update is then handled, not routed).
   */
  boolean refused(SessionContext ctx) {
    Update update = ctx.update();
    Optional<TypedPayloads.Decoded> decoded = Optional.empty();
    Stale.Kind kind = Stale.Kind.BUTTON;
    Optional<String> button = Updates.callbackPayload(update).filter(p -> p.startsWith(PayloadTag.MARK));
    Optional<String> start = update instanceof BotStartedUpdate
        ? Updates.startPayload(update).filter(p -> p.startsWith(PayloadTag.MARK)) : Optional.empty();
    if (button.isPresent()) {
      decoded = Optional.of(payloads.decodeButton(ctx.session().extras, button.get(), bot.callbackTypes()));
    } else if (start.isPresent()) {
      kind = Stale.Kind.START_LINK;
      decoded = Optional.of(payloads.decodeStart(start.get(), bot.startTypes(), bot.linkSigner()));
    }
    if (decoded.isEmpty()) {
      return false;
    }
    if (decoded.get() instanceof TypedPayloads.Value value) {
      ctx.typedValue(value.value());
      return false;
    }
    Stale stale = new Stale(kind, ((TypedPayloads.Refused) decoded.get()).reason(), button.or(() -> start).get());
    LOG.debug("stale {} ({}): {}", kind, stale.reason(), stale.payload());
    bot.staleHandler().handle(ctx, stale);
    return true;
  }

  String button(Session session, Object data) {
    return payloads.button(session.extras, data);
  }

  /**
   * The deep link carrying {@code data}, in the schema's form {@code https://tt.me/<bot>/start/<payload>}.
   * Throws {@link IllegalStateException} when the bot's username is not known yet.
   */
  String startLink(Object data) {
    String name = username.get().orElseThrow(() -> new IllegalStateException("bot '" + bot.name()
        + "' has no known username for its links; set Bot.Builder.username or let the runtime read GET /me"));
    return "https://tt.me/" + name + "/start/" + payloads.start(data, bot.linkSigner());
  }
}
