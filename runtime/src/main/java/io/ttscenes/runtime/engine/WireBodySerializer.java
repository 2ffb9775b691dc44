package io.ttscenes.runtime.engine;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.WritableTypeId;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * Writes a {@link Effect.Send} as Jackson would, except that a body the outbox already wrote
 * ({@link Effect.Send#wireBody()}) is copied in as it is instead of being written again. Stateless
 * and thread-safe.
 */
final class WireBodySerializer extends StdSerializer<Effect.Send> {
  WireBodySerializer() {
    super(Effect.Send.class);
  }

  @Override
  public void serialize(Effect.Send send, JsonGenerator json, SerializerProvider provider) throws IOException {
    json.writeStartObject(send);
    writeFields(send, json, provider);
    json.writeEndObject();
  }

  @Override
  public void serializeWithType(Effect.Send send, JsonGenerator json, SerializerProvider provider,
      TypeSerializer types) throws IOException {
    WritableTypeId typeId = types.writeTypePrefix(json, types.typeId(send, JsonToken.START_OBJECT));
    writeFields(send, json, provider);
    types.writeTypeSuffix(json, typeId);
  }

  private static void writeFields(Effect.Send send, JsonGenerator json, SerializerProvider provider)
      throws IOException {
    provider.defaultSerializeField("target", send.target(), json);
    json.writeFieldName("body");
    if (send.wireBody() != null) {
      json.writeRawValue(send.wireBody());
    } else {
      provider.defaultSerializeValue(send.body(), json);
    }
    if (send.then() != null) {
      provider.defaultSerializeField("then", send.then(), json);
    }
  }
}
