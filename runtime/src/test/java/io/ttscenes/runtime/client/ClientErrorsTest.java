package io.ttscenes.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.client.ApiRejectedException;
import io.ttscenes.api.client.ApiUnavailableException;
import io.ttscenes.api.client.MessageTarget;
import io.ttscenes.api.model.NewMessageBody;
import io.ttscenes.api.model.UploadedInfo;
import io.ttscenes.api.model.VideoAttachmentRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a bot author sees from the public client when the API fails. */
final class ClientErrorsTest {
  private final ApiServer api = new ApiServer();

  ClientErrorsTest() throws Exception {}

  @AfterEach
  void stop() {
    api.close();
  }

  private static NewMessageBody withVideo() {
    return NewMessageBody.of("clip", null,
        List.of(new VideoAttachmentRequest(new UploadedInfo("video-token"))));
  }

  @Test
  void messageWithAnUnprocessedAttachmentIsSentOnceItIsReady() throws Exception {
    api.reply(400, "{\"code\":\"attachment.not.ready\",\"message\":\"\"}");
    api.reply(400, "{\"code\":\"attachment.not.ready\",\"message\":\"\"}");
    api.reply("{\"message\":{\"timestamp\":1,\"body\":{\"mid\":\"mid.9\",\"seq\":1}}}");
    OkHttpBotApi client = api.client().build();

    String mid = client.sendMessage(MessageTarget.chat(5), withVideo()).message().body().mid();

    assertEquals("mid.9", mid);
    assertEquals(3, api.server.getRequestCount());
    assertEquals(List.of(200L, 400L), api.time.sleepMillis());
  }

  @Test
  void attachmentDeadlineIsConfigurable() {
    for (int i = 0; i < 5; i++) {
      api.reply(400, "{\"code\":\"attachment.not.ready\",\"message\":\"\"}");
    }
    OkHttpBotApi client = api.client()
        .retryPolicy(RetryPolicy.defaults().withAttachmentReadyTimeout(Duration.ofSeconds(1)))
        .build();

    ApiUnavailableException e = assertThrows(ApiUnavailableException.class,
        () -> client.sendMessage(MessageTarget.chat(5), withVideo()));

    // 200 + 400 fit in one second, the next 800 would not.
    assertEquals(List.of(200L, 400L), api.time.sleepMillis());
    assertTrue(e.getMessage().endsWith("the attachment was not ready after 1000 ms (3 attempts)"),
        e.getMessage());
  }

  @Test
  void sendMessageIsNotRepeatedAfterAnInternalError() {
    api.reply(500, "{\"code\":\"internal.error\",\"message\":\"oops\"}");
    api.reply("{\"message\":{\"timestamp\":1}}");
    OkHttpBotApi client = api.client().build();

    ApiUnavailableException e = assertThrows(ApiUnavailableException.class,
        () -> client.sendMessage(MessageTarget.chat(5), NewMessageBody.text("once")));

    assertEquals(1, api.server.getRequestCount());
    assertEquals("internal.error", e.code());
    assertEquals("sendMessage failed: HTTP 500 internal.error: oops; not retried because POST "
        + "is not idempotent", e.getMessage());
  }

  @Test
  void tooManyRequestsWaitsWhatTheServerAsks() {
    api.server.enqueue(new mockwebserver3.MockResponse.Builder().code(429)
        .setHeader("Retry-After", "2")
        .body("{\"code\":\"too.many.requests\",\"message\":\"\"}").build());
    api.reply("{\"message\":{\"timestamp\":1}}");
    OkHttpBotApi client = api.client().build();

    client.sendMessage(MessageTarget.chat(5), NewMessageBody.text("hi"));

    assertEquals(List.of(2000L), api.time.sleepMillis());
  }

  @Test
  void wrongTokenIsRejectedAtOnce() {
    api.reply(401, "{\"code\":\"verify.token\",\"message\":\"Invalid access_token\"}");
    OkHttpBotApi client = api.client().build();

    ApiRejectedException e = assertThrows(ApiRejectedException.class, client::getMyInfo);

    assertEquals(401, e.status());
    assertEquals("getMyInfo failed: HTTP 401 verify.token: Invalid access_token", e.getMessage());
    assertEquals(List.of(), api.time.sleepMillis());
  }
}
