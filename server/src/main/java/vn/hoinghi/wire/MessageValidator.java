package vn.hoinghi.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates inbound messages against the protocol's JSON Schema (the same file the web client's types are generated
 * from), one definition at a time so that errors say exactly what is wrong.
 *
 * <p>The validator is networknt's json-schema-validator, which works on the Jackson trees the gateway parses messages
 * into: no conversion per message, about 1 µs for a ballot where vertx-json-schema on a converted copy took about
 * 33 µs (docs/benchmarks.md) — at 15,000 ballots in a few seconds that was the largest item of the burst.
 */
public final class MessageValidator {
  private static final String TEXT = load();
  private static final JsonObject SCHEMA = new JsonObject(TEXT);
  private static final ObjectNode TREE = tree();
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private static final Map<String, Schema> VALIDATORS = new ConcurrentHashMap<>();

  private MessageValidator() {}

  private static String load() {
    try (InputStream in = MessageValidator.class.getClassLoader().getResourceAsStream(ProtocolSchema.RESOURCE)) {
      if (in == null) throw new IllegalStateException("missing class-path resource " + ProtocolSchema.RESOURCE);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode tree() {
    try {
      return (ObjectNode) Codec.mapper().readTree(TEXT);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the protocol schema is not JSON", e);
    }
  }

  /** The schema text as shipped (for GET /api/protocol/schema). */
  public static JsonObject schema() {
    return SCHEMA;
  }

  public static boolean defines(String definition) {
    return SCHEMA.getJsonObject("$defs").containsKey(definition);
  }

  private static Schema validator(String definition) {
    return VALIDATORS.computeIfAbsent(definition, d -> {
      if (!defines(d)) throw new IllegalArgumentException("no schema definition " + d);
      ObjectNode s = TREE.deepCopy();
      s.remove("oneOf");
      s.put("$ref", "#/$defs/" + d);
      return REGISTRY.getSchema(s);
    });
  }

  /**
   * Checks a parsed message against {@code #/$defs/<definition>}; throws a {@link WireError} naming the first problem
   * and where it is.
   */
  public static void check(String definition, JsonNode value) {
    Schema schema = validator(definition);
    List<Error> errors;
    try {
      errors = schema.validate(value);
    } catch (RuntimeException e) {
      // The validator could not judge a value (a number beyond double, read as Infinity, fails its enum check with
      // NumberFormatException): whatever it was, it is not a protocol message.
      throw new WireError("INVALID_MESSAGE", "message: a value the protocol cannot hold (" + e.getClass().getSimpleName() + ")");
    }
    if (errors.isEmpty()) return;
    throw new WireError("INVALID_MESSAGE", describe(errors.get(0)));
  }

  /** The same for a Vert.x value (a JsonObject, JsonArray or scalar): converted first, so not for hot paths. */
  public static void check(String definition, Object value) {
    Object plain = value instanceof JsonObject o ? o.getMap() : value instanceof JsonArray a ? a.getList() : value;
    JsonNode node;
    try {
      node = Codec.mapper().readTree(io.vertx.core.json.Json.encode(plain));
    } catch (JsonProcessingException e) {
      throw new WireError("INVALID_MESSAGE", "message: not JSON");
    }
    check(definition, node);
  }

  private static String describe(Error e) {
    String location = e.getInstanceLocation() == null ? "" : e.getInstanceLocation().toString();
    String where = location.isEmpty() || "$".equals(location) ? "message" : location;
    String what = e.getMessage() == null ? "does not match the protocol" : e.getMessage();
    String text = where + ": " + what;
    return text.length() <= 300 ? text : text.substring(0, 300) + "…";
  }
}
