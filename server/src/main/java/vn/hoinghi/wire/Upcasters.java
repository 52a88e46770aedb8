package vn.hoinghi.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Brings a stored event written by an older version to today's shape before it is decoded: the log is never rewritten,
 * so a change of an event's name or fields that old logs cannot be read under is made here, as a {@link Step} from the
 * old name to the new one with a function over the JSON body. Steps apply in order, each at most once per event, so a
 * name renamed twice is read through both steps.
 *
 * <p>Today's list is empty: every name ever stored still decodes as it is (the golden log test replays a log written by
 * the version that introduced this class). Fields added to an event since are optional and need no step.
 */
public final class Upcasters {

  /** The steps the server reads stored events through. */
  public static final Upcasters CURRENT = new Upcasters(List.of());

  /** A stored event: its name and JSON body. */
  public record Stored(String type, String json) {}

  /**
   * Reads events stored as {@code fromType} as {@code toType} (the same name when only the body changes), the body
   * passed through {@code body}.
   */
  public record Step(String fromType, String toType, UnaryOperator<ObjectNode> body) {
    public Step {
      Objects.requireNonNull(fromType);
      Objects.requireNonNull(toType);
      Objects.requireNonNull(body);
    }
  }

  private final List<Step> steps;

  public Upcasters(List<Step> steps) {
    this.steps = List.copyOf(steps);
  }

  public Stored upcast(String type, String json) {
    String t = type;
    ObjectNode body = null;
    for (Step s : steps) {
      if (!s.fromType().equals(t)) continue;
      if (body == null) body = parse(t, json);
      body = s.body().apply(body);
      t = s.toType();
    }
    return body == null ? new Stored(type, json) : new Stored(t, Codec.encode(body));
  }

  private static ObjectNode parse(String type, String json) {
    try {
      JsonNode n = Codec.mapper().readTree(json);
      if (n instanceof ObjectNode o) return o;
      throw new IllegalArgumentException("cannot upcast event " + type + ": its body is not an object");
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot upcast event " + type + ": " + e.getOriginalMessage(), e);
    }
  }
}
