package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A button that creates a chat on its first click; the bot becomes its admin.
 *
 * @param text the visible text
 * @param chatTitle title of the chat to create
 * @param chatDescription its description; may be null
 * @param startPayload payload sent to the bot when the chat is created; may be null
 * @param uuid button id, reuse it when editing the message; may be null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChatButton(
    String text,
    @JsonProperty("chat_title") String chatTitle,
    @JsonProperty("chat_description") String chatDescription,
    @JsonProperty("start_payload") String startPayload,
    Integer uuid) implements Button {
  /** Always {@code "chat"}: the wire discriminator of this type. */
  @Override
  @JsonProperty("type")
  public String type() {
    return "chat";
  }

  /** A chat button creating a chat titled {@code chatTitle}. */
  public static ChatButton of(String text, String chatTitle) {
    return new ChatButton(text, chatTitle, null, null, null);
  }
}
