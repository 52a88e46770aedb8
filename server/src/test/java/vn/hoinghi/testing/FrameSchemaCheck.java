package vn.hoinghi.testing;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import vn.hoinghi.wire.MessageValidator;
import vn.hoinghi.wire.WireError;

/**
 * Every frame a {@link TestClient} receives is checked against the protocol schema's {@code ServerMessage} (the file
 * the web client's types are generated from), and a test that saw a frame outside it fails when it ends. Registered
 * for every test class by JUnit's extension autodetection (src/test/resources/META-INF/services).
 */
public final class FrameSchemaCheck implements AfterEachCallback {
  private static final ConcurrentLinkedQueue<String> VIOLATIONS = new ConcurrentLinkedQueue<>();
  /** Each server message's {@code type} → its definition, read from the schema's {@code ServerMessage}. */
  private static final Map<String, String> DEFINITIONS = definitions();

  private static Map<String, String> definitions() {
    JsonObject defs = MessageValidator.schema().getJsonObject("$defs");
    Map<String, String> out = new HashMap<>();
    for (Object o : defs.getJsonObject("ServerMessage").getJsonArray("oneOf")) {
      String name = ((JsonObject) o).getString("$ref").substring("#/$defs/".length());
      JsonObject type = defs.getJsonObject(name).getJsonObject("properties").getJsonObject("type");
      out.put(type.getString("const"), name);
    }
    return out;
  }

  /** Checks one received frame; a violation is kept for the running test. */
  public static void received(JsonObject frame) {
    String definition = DEFINITIONS.get(frame.getString("type", ""));
    try {
      if (definition == null) throw new WireError("INVALID_MESSAGE", "no server message of type " + frame.getValue("type"));
      MessageValidator.check(definition, frame);
    } catch (WireError e) {
      if (VIOLATIONS.size() < 20) {
        String text = frame.encode();
        VIOLATIONS.add((definition == null ? "" : definition + ": ") + e.getMessage() + " in " + text.substring(0, Math.min(300, text.length())));
      }
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    List<String> seen = new ArrayList<>(VIOLATIONS);
    VIOLATIONS.clear();
    if (!seen.isEmpty()) {
      throw new AssertionError("frames outside the protocol schema's ServerMessage:\n  " + String.join("\n  ", seen));
    }
  }
}
