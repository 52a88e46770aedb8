package vn.hoinghi.wire;

import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates inbound messages against the protocol's JSON Schema (the same file the web client's
 * types are generated from), one definition at a time so that errors say exactly what is wrong.
 */
public final class MessageValidator {
  private static final JsonObject SCHEMA = load();
  private static final JsonSchemaOptions OPTIONS = new JsonSchemaOptions()
      .setDraft(Draft.DRAFT202012)
      .setBaseUri(ProtocolSchema.ID)
      .setOutputFormat(OutputFormat.Basic);
  private static final Map<String, Validator> VALIDATORS = new ConcurrentHashMap<>();

  private MessageValidator() {}

  private static JsonObject load() {
    try (InputStream in = MessageValidator.class.getClassLoader().getResourceAsStream(ProtocolSchema.RESOURCE)) {
      if (in == null) throw new IllegalStateException("missing class-path resource " + ProtocolSchema.RESOURCE);
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The schema text as shipped (for GET /api/protocol/schema). */
  public static JsonObject schema() {
    return SCHEMA;
  }

  public static boolean defines(String definition) {
    return SCHEMA.getJsonObject("$defs").containsKey(definition);
  }

  /**
   * Checks {@code value} (a JsonObject, JsonArray or scalar) against {@code #/$defs/<definition>};
   * throws a {@link WireError} naming the first problem and where it is.
   */
  public static void check(String definition, Object value) {
    Validator v = VALIDATORS.computeIfAbsent(definition, d -> {
      if (!defines(d)) throw new IllegalArgumentException("no schema definition " + d);
      JsonObject s = SCHEMA.copy();
      s.remove("oneOf");
      s.put("$ref", "#/$defs/" + d);
      return Validator.create(JsonSchema.of(s), OPTIONS);
    });
    OutputUnit out = v.validate(value);
    if (Boolean.TRUE.equals(out.getValid())) return;
    throw new WireError("INVALID_MESSAGE", describe(out));
  }

  private static String describe(OutputUnit out) {
    List<OutputUnit> errors = out.getErrors();
    OutputUnit first = errors == null || errors.isEmpty() ? out : errors.get(errors.size() - 1);
    String where = first.getInstanceLocation() == null || first.getInstanceLocation().isEmpty()
        ? "message" : first.getInstanceLocation();
    String what = first.getError() == null ? "does not match the protocol" : first.getError();
    String text = where + ": " + what;
    return text.length() <= 300 ? text : text.substring(0, 300) + "…";
  }
}
