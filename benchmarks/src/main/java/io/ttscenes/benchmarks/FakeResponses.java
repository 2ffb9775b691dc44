package io.ttscenes.benchmarks;

import java.nio.charset.StandardCharsets;

/** The bodies {@link FakeBotApi} answers with, written by hand so the server stays cheap. Stateless. */
final class FakeResponses {
  private FakeResponses() {}

  /** Returns the {@code GET /updates} answer for {@code batch}: its updates and next marker. */
  static byte[] page(UpdateFeed.Batch batch) {
    StringBuilder out = new StringBuilder(64 + batch.updates().size() * 400).append("{\"updates\":[");
    for (int i = 0; i < batch.updates().size(); i++) {
      out.append(i == 0 ? "" : ",").append(batch.updates().get(i));
    }
    return out.append("],\"marker\":").append(batch.marker()).append('}').toString()
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Returns the {@code POST /messages} answer: the bot's message {@code mid} in dialog {@code chat}. */
  static byte[] sent(long chat, String mid, String textJson) {
    return ("{\"message\":{\"sender\":{\"user_id\":1,\"name\":\"survey\",\"username\":\"survey_bot\","
        + "\"is_bot\":true,\"last_activity_time\":0},\"recipient\":{\"chat_id\":" + chat
        + ",\"chat_type\":\"dialog\",\"user_id\":" + chat + "},\"timestamp\":"
        + System.currentTimeMillis() + ",\"body\":{\"mid\":\"" + mid + "\",\"seq\":1,\"text\":"
        + textJson + "}}}").getBytes(StandardCharsets.UTF_8);
  }
}
