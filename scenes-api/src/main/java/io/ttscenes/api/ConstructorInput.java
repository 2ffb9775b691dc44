package io.ttscenes.api;

import io.ttscenes.api.model.ConstructedMessageBody;
import io.ttscenes.api.model.MessageConstructionRequest;
import io.ttscenes.api.model.MessageConstructorInput;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the user did in a constructor session, read from a {@code message_construction_request}
 * so a handler never casts the update: the texts typed (in order), the payload of the pressed
 * button, and the {@code data} the bot's last answer asked to get back.
 *
 * @param texts the texts of the messages typed, empty when a button was pressed or the session opened
 * @param pressed the pressed button's payload, empty when text was typed
 * @param data the state the bot's previous answer set, empty on the first request
 */
public record ConstructorInput(List<String> texts, Optional<String> pressed, Optional<String> data) {
  /** Copies the texts; every component must be present. */
  public ConstructorInput {
    texts = List.copyOf(texts);
    Objects.requireNonNull(pressed, "pressed");
    Objects.requireNonNull(data, "data");
  }

  /** Reads the input of {@code request}. */
  public static ConstructorInput of(MessageConstructionRequest request) {
    List<String> texts = request.input() instanceof MessageConstructorInput typed
        ? typed.messages().stream().map(ConstructedMessageBody::text).filter(Objects::nonNull).toList()
        : List.of();
    return new ConstructorInput(texts, Updates.callbackPayload(request),
        Optional.ofNullable(request.data()).filter(data -> !data.isEmpty()));
  }

  /** Returns the first text typed, when text was typed. */
  public Optional<String> text() {
    return texts.isEmpty() ? Optional.empty() : Optional.of(texts.get(0));
  }

  /** Returns whether this is the session's opening: nothing typed and nothing pressed. */
  public boolean opened() {
    return texts.isEmpty() && pressed.isEmpty();
  }
}
