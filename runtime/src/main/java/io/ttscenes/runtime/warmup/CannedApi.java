package io.ttscenes.runtime.warmup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ttscenes.runtime.client.OkHttpBotApi;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;

/**
 * The rehearsal's Bot API: a real {@link OkHttpBotApi} (the same request building, JSON writing,
 * retry loop and answer reading as the bot's own client) whose OkHttp client answers every call
 * from an interceptor without opening a connection. Its address is on {@code .invalid}, a name
 * that never resolves, and its token is not the bot's, so nothing can reach TamTam even by
 * mistake. It remembers the callback payloads of the last keyboard sent to each chat, so a
 * rehearsal can press a button the bot really offered. Thread-safe.
 */
final class CannedApi implements Interceptor {
  static final String ADDRESS = "http://warm-up.invalid/";
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final String OK = "{\"success\":true}";

  private final ObjectMapper mapper;
  private final AtomicReference<String> nextPage = new AtomicReference<>();
  private final Map<Long, List<String>> buttons = new ConcurrentHashMap<>();
  private final AtomicInteger calls = new AtomicInteger();
  private final OkHttpBotApi api;

  CannedApi(ObjectMapper mapper) {
    this.mapper = mapper;
    OkHttpClient http = new OkHttpClient.Builder().addInterceptor(this).build();
    this.api = OkHttpBotApi.builder("warm-up-token").baseUrl(ADDRESS).httpClient(http).mapper(mapper)
        .requestsPerSecond(1_000_000).build();
  }

  /** The client to give the rehearsal's dispatcher. */
  OkHttpBotApi api() {
    return api;
  }

  /** Makes {@code page} (a long-poll page's JSON) the answer to the next {@code GET /updates}. */
  void answerNextPoll(String page) {
    nextPage.set(page);
  }

  /** The callback payloads of the last keyboard sent to {@code chat}, first button first. */
  List<String> buttons(long chat) {
    return buttons.getOrDefault(chat, List.of());
  }

  /** How many calls were answered. */
  int calls() {
    return calls.get();
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    calls.incrementAndGet();
    String path = request.url().encodedPath();
    String answer = OK;
    if (path.endsWith("/updates")) {
      String page = nextPage.getAndSet(null);
      answer = page != null ? page : SampleUpdates.page(List.of(), 0);
    } else if (path.endsWith("/messages") && "POST".equals(request.method())) {
      answer = sent(request);
    }
    return new Response.Builder().request(request).protocol(Protocol.HTTP_1_1).code(200).message("OK")
        .body(ResponseBody.create(answer, JSON)).build();
  }

  /** Reads the message as written, keeps its buttons and answers as TamTam would. */
  private String sent(Request request) throws IOException {
    Buffer body = new Buffer();
    if (request.body() != null) {
      request.body().writeTo(body);
    }
    JsonNode message = mapper.readTree(body.readUtf8());
    String chat = request.url().queryParameter("chat_id");
    String user = request.url().queryParameter("user_id");
    long to = Long.parseLong(chat != null ? chat : user != null ? user : "0");
    buttons.put(to, callbackPayloads(message));
    return "{\"message\":{\"recipient\":{\"chat_id\":" + to + ",\"chat_type\":\"dialog\",\"user_id\":" + to
        + "},\"timestamp\":" + System.currentTimeMillis() + ",\"body\":{\"mid\":\"mid.warm-up.sent."
        + calls.get() + "\",\"seq\":1,\"text\":\"\"},\"sender\":{\"user_id\":1,\"name\":\"bot\",\"is_bot\":true}}}";
  }

  private static List<String> callbackPayloads(JsonNode message) {
    List<String> payloads = new ArrayList<>();
    for (JsonNode attachment : message.path("attachments")) {
      for (JsonNode row : attachment.path("payload").path("buttons")) {
        for (JsonNode button : row) {
          if ("callback".equals(button.path("type").asText()) && button.hasNonNull("payload")) {
            payloads.add(button.get("payload").asText());
          }
        }
      }
    }
    return payloads;
  }
}
