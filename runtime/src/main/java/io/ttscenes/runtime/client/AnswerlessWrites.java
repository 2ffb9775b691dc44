package io.ttscenes.runtime.client;

import io.ttscenes.api.client.MessageTarget;
import io.ttscenes.api.model.CallbackAnswer;
import io.ttscenes.api.model.NewMessageBody;

/**
 * Optional capability of a {@link io.ttscenes.api.client.BotApi}: write calls made exactly as
 * their {@code BotApi} counterparts (same checks, retries and exceptions) whose answer is only
 * checked to be a JSON object instead of being read into its model. The runtime sends outbox calls
 * this way because it never looks at their answers; reading a full message per reply was a
 * measurable share of the CPU per update. Thread-safe as the implementing client.
 */
public interface AnswerlessWrites {

  /**
   * As {@code BotApi.sendMessage}, without reading the answer.
   *
   * @throws io.ttscenes.api.client.MalformedResponseException if the 2xx answer is not a JSON object
   */
  void sendMessageUnread(MessageTarget target, NewMessageBody body);

  /**
   * As {@link #sendMessageUnread(MessageTarget, NewMessageBody)}, but sends {@code bodyJson} as the
   * request body instead of writing {@code body} again ({@code body} is still checked against the
   * limits). {@code bodyJson} must be {@code body} written with the wire configuration
   * ({@code WireJson}): the runtime passes the text it already wrote into the outbox entry. The
   * default ignores {@code bodyJson}.
   *
   * @throws io.ttscenes.api.client.MalformedResponseException if the 2xx answer is not a JSON object
   */
  default void sendMessageUnread(MessageTarget target, NewMessageBody body, String bodyJson) {
    sendMessageUnread(target, body);
  }

  /**
   * As {@code BotApi.answerOnCallback}, without reading the answer.
   *
   * @throws io.ttscenes.api.client.MalformedResponseException if the 2xx answer is not a JSON object
   */
  void answerOnCallbackUnread(String callbackId, CallbackAnswer answer);
}
