package io.ttscenes.runtime.client;

import static io.ttscenes.api.client.ApiLimits.checkLength;
import static io.ttscenes.api.client.ApiLimits.checkMaxItems;
import static io.ttscenes.api.client.ApiLimits.checkMaxLength;

import io.ttscenes.api.client.ApiLimits;
import io.ttscenes.api.model.AttachmentRequest;
import io.ttscenes.api.model.BotCommand;
import io.ttscenes.api.model.BotPatch;
import io.ttscenes.api.model.Button;
import io.ttscenes.api.model.CallbackAnswer;
import io.ttscenes.api.model.CallbackButton;
import io.ttscenes.api.model.ChatButton;
import io.ttscenes.api.model.ChatPatch;
import io.ttscenes.api.model.ConstructedMessageBody;
import io.ttscenes.api.model.ConstructorAnswer;
import io.ttscenes.api.model.InlineKeyboardAttachmentRequest;
import io.ttscenes.api.model.Intent;
import io.ttscenes.api.model.LinkButton;
import io.ttscenes.api.model.MessageLinkType;
import io.ttscenes.api.model.NewMessageBody;
import io.ttscenes.api.model.TextFormat;
import java.util.List;
import java.util.Objects;

/**
 * Checks request bodies against {@link ApiLimits} before anything is sent, so a bot author gets an
 * {@link IllegalArgumentException} naming the value instead of a 400 from the server. The client
 * runs them before each request; the engine runs the message, callback-answer and
 * constructor-answer checks when a handler records the call, so a bad value fails in the handler
 * (reaching its exception handlers) rather than after the commit. Stateless and thread-safe.
 */
public final class RequestChecks {
  private RequestChecks() {}

  /** Checks a message body: text length, enum values, attachments and keyboards. */
  public static void message(NewMessageBody body) {
    if (body.text() != null) {
      ApiLimits.checkMessageText(body.text());
    }
    sendable("message format", body.format() == TextFormat.UNKNOWN);
    sendable("message link type",
        body.link() != null && body.link().type() == MessageLinkType.UNKNOWN);
    attachments(body.attachments());
  }

  /**
   * A value this version read as UNKNOWN (a newer server's enum value) has no wire form of its own
   * and would go out as "unknown"; refuse it here rather than have the server reject the request.
   */
  public static void sendable(String field, boolean unknown) {
    if (unknown) {
      throw new IllegalArgumentException(field + " is UNKNOWN; it cannot be sent");
    }
  }

  /** Checks that a message id to edit or delete is not blank. */
  public static void messageId(String messageId) {
    nonBlank("message id", messageId);
  }

  /** Returns {@code value} after checking that it is not null or blank. */
  static String nonBlank(String field, String value) {
    Objects.requireNonNull(value, field);
    if (value.isBlank()) {
      throw new IllegalArgumentException(field + " is blank");
    }
    return value;
  }

  /** Checks a callback answer's message, when it has one. */
  public static void callbackAnswer(CallbackAnswer answer) {
    if (answer.message() != null) {
      message(answer.message());
    }
  }

  /** Checks a constructor answer: its data, messages and keyboard. */
  public static void constructorAnswer(ConstructorAnswer answer) {
    if (answer.data() != null) {
      ApiLimits.checkConstructorData(answer.data());
    }
    for (ConstructedMessageBody body : answer.messages()) {
      if (body.text() != null) {
        ApiLimits.checkMessageText(body.text());
      }
      sendable("message format", body.format() == TextFormat.UNKNOWN);
      attachments(body.attachments());
    }
    if (answer.keyboard() != null) {
      keyboard(answer.keyboard().buttons());
    }
  }

  static void botPatch(BotPatch patch) {
    if (patch.name() != null) {
      checkLength("bot name", patch.name(), 1, ApiLimits.BOT_NAME_MAX);
    }
    if (patch.description() != null) {
      checkMaxLength("bot description", patch.description(), ApiLimits.BOT_DESCRIPTION_MAX);
    }
    if (patch.commands() != null) {
      checkMaxItems("bot commands", patch.commands(), ApiLimits.BOT_COMMANDS_MAX);
      for (BotCommand command : patch.commands()) {
        checkLength("bot command name", text(command.name()), 1, ApiLimits.BOT_COMMAND_NAME_MAX);
        if (command.description() != null) {
          checkLength("bot command description", command.description(), 1,
              ApiLimits.BOT_COMMAND_DESCRIPTION_MAX);
        }
      }
    }
  }

  static void chatPatch(ChatPatch patch) {
    if (patch.title() != null) {
      checkLength("chat title", patch.title(), 1, ApiLimits.CHAT_TITLE_MAX);
    }
  }

  static void keyboard(List<List<Button>> rows) {
    for (List<Button> row : rows) {
      for (Button button : row) {
        button(button);
      }
    }
  }

  private static void attachments(List<AttachmentRequest> attachments) {
    if (attachments == null) {
      return;
    }
    for (AttachmentRequest attachment : attachments) {
      if (attachment instanceof InlineKeyboardAttachmentRequest keyboard
          && keyboard.payload() != null) {
        keyboard(keyboard.payload().buttons());
      }
    }
  }

  private static void button(Button button) {
    ApiLimits.checkButtonText(text(button.text()));
    if (button instanceof CallbackButton callback) {
      if (callback.payload() != null) {
        ApiLimits.checkCallbackPayload(callback.payload());
      }
      sendable("callback button intent", callback.intent() == Intent.UNKNOWN);
    } else if (button instanceof LinkButton link && link.url() != null) {
      ApiLimits.checkLinkUrl(link.url());
    } else if (button instanceof ChatButton chat) {
      optional("chat button title", chat.chatTitle(), ApiLimits.CHAT_BUTTON_TITLE_MAX);
      optional("chat button description", chat.chatDescription(),
          ApiLimits.CHAT_BUTTON_DESCRIPTION_MAX);
      optional("chat button start payload", chat.startPayload(),
          ApiLimits.CHAT_BUTTON_START_PAYLOAD_MAX);
    }
  }

  private static void optional(String field, String value, int max) {
    if (value != null) {
      checkMaxLength(field, value, max);
    }
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }
}
