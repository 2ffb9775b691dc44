package io.ttscenes.testkit.kit;

import io.ttscenes.testkit.ChatEvent;
import java.util.List;
import java.util.stream.Collectors;

/** Short descriptions of what the bot did, for failure messages. */
final class Events {
  private Events() {}

  static String describe(List<ChatEvent> events) {
    return events.stream().map(Events::describe).collect(Collectors.joining(", ", "[", "]"));
  }

  static String describe(ChatEvent event) {
    if (event instanceof ChatEvent.MessageSent sent) {
      return "reply " + new Reply(sent.message());
    } else if (event instanceof ChatEvent.MessageEdited edited) {
      return "edit " + new Reply(edited.message());
    } else if (event instanceof ChatEvent.Notification notification) {
      return "notification \"" + notification.text() + "\"";
    } else if (event instanceof ChatEvent.MessageDeleted deleted) {
      return "deleted " + deleted.mid();
    } else if (event instanceof ChatEvent.ActionShown action) {
      return "action " + action.action();
    } else if (event instanceof ChatEvent.ConstructorAnswered answered) {
      return new ConstructorReply(answered.sessionId(), answered.answer()).toString();
    }
    return event.toString();
  }
}
