package vn.hoinghi.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Map;
import vn.hoinghi.domain.Command;
import vn.hoinghi.domain.Event;

/**
 * JSON for the domain's records. An event's or command's "type" is its stored name from {@link TypeNames}; its
 * body is the record's components. Stored events pass through {@link Upcasters#CURRENT} before they are read. Reading is strict: unknown fields, missing primitives, wrong
 * types and trailing tokens are errors, and the parser bounds nesting and sizes.
 */
public final class Codec {
  /** Deepest nesting accepted from a client; the protocol needs far less. */
  public static final int MAX_DEPTH = 32;
  /** Longest single string accepted from a client (a whole draft text fits). */
  public static final int MAX_STRING = 2 * 1024 * 1024;

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
      .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
      .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
      .serializationInclusion(JsonInclude.Include.NON_NULL)
      .build();

  static {
    MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxNestingDepth(MAX_DEPTH)
        .maxStringLength(MAX_STRING)
        .maxNumberLength(32)
        .build());
  }

  private static final Map<String, Class<? extends Event>> EVENTS = TypeNames.events();
  private static final Map<String, Class<? extends Command>> COMMANDS = TypeNames.commands();

  private Codec() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static Map<String, Class<? extends Event>> eventTypes() {
    return EVENTS;
  }

  public static Map<String, Class<? extends Command>> commandTypes() {
    return COMMANDS;
  }

  public static String typeOf(Event e) {
    return TypeNames.of(e.getClass());
  }

  public static String typeOf(Command c) {
    return TypeNames.of(c.getClass());
  }

  /** Any record or value as JSON text. */
  public static String encode(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
    }
  }

  /** The same as UTF-8 bytes, without a String between: how outbound frames are encoded ({@link ServerMessage}). */
  public static byte[] encodeBytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
    }
  }

  /** A stored event, read through today's {@link Upcasters#CURRENT}. */
  public static Event decodeEvent(String type, String json) {
    return decodeEvent(Upcasters.CURRENT, type, json);
  }

  /** A stored event, brought to today's shape by {@code upcasters} first, then read strictly. */
  public static Event decodeEvent(Upcasters upcasters, String type, String json) {
    Upcasters.Stored now = upcasters.upcast(type, json);
    Class<? extends Event> c = EVENTS.get(now.type());
    if (c == null) throw new IllegalArgumentException("unknown event type " + type);
    try {
      return MAPPER.readValue(now.json(), c);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot decode event " + type + ": " + e.getOriginalMessage(), e);
    }
  }

  /**
   * A command from untrusted input: {@code body} holds the record's fields (plus "type", ignored
   * here). Throws {@link WireError} with a message fit for the client.
   */
  public static Command decodeCommand(String type, JsonNode body) {
    Class<? extends Command> c = type == null ? null : COMMANDS.get(type);
    if (c == null) throw new WireError("UNKNOWN_COMMAND", "unknown command type \"" + abbreviate(type) + "\"");
    // The schema first: it names the offending field and refuses coercions Jackson would allow (7 → "7").
    if (body != null && body.isObject()) {
      JsonNode typed = body;
      if (!type.equals(body.path("type").textValue())) {
        // REST bodies name the command in the route, not in the body: the schema wants it in the object.
        typed = ((com.fasterxml.jackson.databind.node.ObjectNode) body).deepCopy().put("type", type);
      }
      MessageValidator.check(type + "Command", typed);
    }
    try {
      JsonNode fields = body;
      if (body != null && body.isObject() && body.has("type")) {
        fields = ((com.fasterxml.jackson.databind.node.ObjectNode) body.deepCopy()).without("type");
      }
      return MAPPER.treeToValue(fields, c);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      String m = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
      throw new WireError("INVALID_MESSAGE", "invalid " + type + ": " + abbreviate(m));
    }
  }

  /**
   * A command this server's gateway built and another node forwards (cluster): not checked against the client schema,
   * which refuses the fields the server fills in (an invite's code). The domain core still checks every field.
   */
  public static Command decodeForwardedCommand(String type, JsonNode body) {
    Class<? extends Command> c = type == null ? null : COMMANDS.get(type);
    if (c == null) throw new WireError("UNKNOWN_COMMAND", "unknown command type \"" + abbreviate(type) + "\"");
    try {
      JsonNode fields = body != null && body.isObject() && body.has("type")
          ? ((com.fasterxml.jackson.databind.node.ObjectNode) body.deepCopy()).without("type") : body;
      return MAPPER.treeToValue(fields, c);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      String m = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
      throw new WireError("INVALID_MESSAGE", "invalid " + type + ": " + abbreviate(m));
    }
  }

  /** Parses untrusted JSON text into a tree, bounded by the stream constraints. */
  public static JsonNode parse(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new WireError("MALFORMED_JSON", "malformed JSON: " + abbreviate(e.getOriginalMessage()));
    }
  }

  static String abbreviate(String s) {
    if (s == null) return "null";
    return s.length() <= 200 ? s : s.substring(0, 200) + "…";
  }
}
