package io.ttscenes.example.faq.desk;

import io.ttscenes.api.Context;
import io.ttscenes.api.Handlers;
import io.ttscenes.api.OutgoingMessage;
import io.ttscenes.api.Scene;
import io.ttscenes.api.Updates;
import io.ttscenes.api.model.Attachment;
import io.ttscenes.api.model.AttachmentRequest;
import io.ttscenes.api.model.LinkedMessage;
import io.ttscenes.api.model.Message;
import io.ttscenes.api.model.MessageLinkType;
import io.ttscenes.api.model.Update;
import io.ttscenes.api.model.User;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What operators do in their group chat: Take and Close under a ticket's post, a TamTam reply to
 * a post (the answer), plain messages after Take (answers to the taken ticket) and {@code /open}.
 * Everything else said there is the operators' own talk and gets no reply. Each operator's own
 * session in the chat remembers the ticket they took (the scene {@link #SCENE}) and the language
 * their presses reported, in which the desk answers them ({@link OperatorsLanguage}).
 */
final class OperatorsChat {
  static final String SCENE = "desk-operator";

  /** An operator's session data while they handle a ticket. */
  record Operating(String ticket) {
    Operating {
      Objects.requireNonNull(ticket, "ticket");
    }
  }

  private final long chat;
  private final OperatorsLanguage language;

  OperatorsChat(long chat, OperatorsLanguage language) {
    this.chat = chat;
    this.language = language;
  }

  /** The operator's scene holds which ticket they took; the chat's handlers (global) act on it. */
  static Scene<Operating> scene() {
    return Scene.builder(SCENE, Operating.class).build();
  }

  void handlers(Handlers g) {
    g.on(this::inChat, this::handle)
        .onSignal(Signals.NotTaken.class, (ctx, refused) -> {
          if (ctx.sceneId().filter(SCENE::equals).isPresent() && ctx.data() instanceof Operating operating
              && operating.ticket().equals(refused.id())) {
            ctx.back();
          }
        })
        .onCallbackPrefix("desk:", (ctx, rest) ->
            ctx.answer(ctx.t("desk.operators-only")));
  }

  private boolean inChat(Update update) {
    return Updates.chatId(update).filter(id -> id == chat).isPresent();
  }

  private void handle(Context<?> ctx) {
    Optional<String> callback = Updates.callbackPayload(ctx.update());
    Optional<Message> message = Updates.message(ctx.update());
    if (callback.isPresent()) {
      pressed(ctx, callback.get());
    } else if (message.isEmpty() || ctx.text().isBlank() && Updates.attachments(ctx.update()).isEmpty()) {
      return; // members joining, titles changing: nothing for the desk
    } else if (ctx.text().strip().equals("/open")) {
      ctx.signal(SupportDesk.INDEX, new Signals.ListOpen(OperatorsLanguage.of(ctx)));
    } else if (replyTo(message.get()).isPresent()) {
      String mid = replyTo(message.get()).get().message().mid();
      passedOn(ctx).ifPresent(attachments -> ctx.signal(SupportDesk.INDEX,
          new Signals.ReplyTo(mid, name(ctx), ctx.text(), attachments, OperatorsLanguage.of(ctx))));
    } else if (ctx.sceneId().filter(SCENE::equals).isPresent()
        && ctx.data() instanceof Operating operating) {
      passedOn(ctx).ifPresent(attachments -> ctx.signal(SupportDesk.ticket(operating.ticket()),
          new Signals.Answer(name(ctx), ctx.text(), attachments, OperatorsLanguage.of(ctx))));
    }
  }

  /**
   * The operator's attachments as the user will get them (see {@code AttachmentRequest.resend}:
   * media and files, stickers, locations, contacts, shares); the operator is told of any that
   * cannot be passed on (keyboards, kinds the API has no request for). Empty when
   * nothing is left to send (no text, no attachment that can be passed): the user gets no answer
   * that is only the operator's name.
   */
  private Optional<List<AttachmentRequest>> passedOn(Context<?> ctx) {
    List<Attachment> sent = Updates.attachments(ctx.update());
    List<AttachmentRequest> passed = sent.stream().map(AttachmentRequest::resend).flatMap(Optional::stream).toList();
    boolean nothing = ctx.text().isBlank() && passed.isEmpty();
    if (passed.size() < sent.size()) {
      ctx.sendToChat(chat, OutgoingMessage.text(language.t(ctx, "desk.op.not-passed", name(ctx),
          sent.size() - passed.size(), nothing ? "nothing" : "rest")));
    }
    return nothing ? Optional.empty() : Optional.of(passed);
  }

  private void pressed(Context<?> ctx, String payload) {
    if (payload.startsWith(TicketScene.TAKE)) {
      String id = payload.substring(TicketScene.TAKE.length());
      // Only the ticket knows whether it is still open; a closed one says so in the chat and sends
      // NotTaken back, which returns this session to what it held before (back()).
      ctx.signal(SupportDesk.ticket(id), new Signals.Take(name(ctx), ctx.self(), OperatorsLanguage.of(ctx)))
          .answer(language.t(ctx, "desk.op.taking", id)).enter(SCENE, new Operating(id));
    } else if (payload.startsWith(TicketScene.CLOSE)) {
      String id = payload.substring(TicketScene.CLOSE.length());
      ctx.signal(SupportDesk.ticket(id), new Signals.Close(name(ctx), OperatorsLanguage.of(ctx)))
          .answer(language.t(ctx, "desk.op.closing", id));
      if (ctx.sceneId().isPresent() && ctx.data() instanceof Operating operating
          && operating.ticket().equals(id)) {
        ctx.leave();
      }
    } else {
      ctx.answer(language.t(ctx, "desk.op.not-desk-button"));
    }
  }

  private static Optional<LinkedMessage> replyTo(Message message) {
    return Optional.ofNullable(message.link())
        .filter(link -> link.type() == MessageLinkType.REPLY && link.message() != null);
  }

  static String name(Context<?> ctx) {
    return ctx.user().map(User::name).orElseGet(() -> ctx.t("desk.op.someone"));
  }
}
