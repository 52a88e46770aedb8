package vn.hoinghi.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * A value of type {@code T} already encoded as JSON, written as it is. A committed event's frame is encoded once and
 * then placed, unchanged, in every "events" message that carries it; the schema still sees a {@code T}.
 */
@JsonSerialize(using = Encoded.Writer.class)
public record Encoded<T>(String json) {
  public Encoded {
    if (json == null || json.isEmpty()) throw new IllegalArgumentException("encoded JSON is empty");
  }

  @Override
  public String toString() {
    return json;
  }

  static final class Writer extends StdSerializer<Encoded<?>> {
    @SuppressWarnings({"unchecked", "rawtypes"})
    Writer() {
      super((Class) Encoded.class);
    }

    @Override
    public void serialize(Encoded<?> value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeRawValue(value.json());
    }
  }
}
