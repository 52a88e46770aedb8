package vn.hoinghi.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import vn.hoinghi.wire.Codec;
import vn.hoinghi.wire.MessageValidator;
import vn.hoinghi.wire.WireError;

/**
 * The checks every text message from a client passes before its session acts on it: JSON within the codec's bounds,
 * an object with a known string {@code type}, valid against that type's schema definition. A failure is a
 * {@link WireError} whose code and detail the client is answered with.
 */
final class InboundCheck {
  private InboundCheck() {}

  /** The parsed message, checked; its {@code type} is one of hello, ping, token, command. */
  static JsonNode message(String text) {
    JsonNode msg = Codec.parse(text);
    if (!msg.isObject() || !msg.path("type").isTextual()) {
      throw new WireError("INVALID_MESSAGE", "a message is a JSON object with a string \"type\"");
    }
    String type = msg.get("type").asText();
    String definition = switch (type) {
      case "hello" -> "HelloMessage";
      case "ping" -> "PingMessage";
      case "token" -> "TokenMessage";
      case "command" -> null; // the envelope is checked by the session, the command against its own definition
      default -> "";
    };
    if ("".equals(definition)) {
      throw new WireError("UNKNOWN_TYPE", "unknown message type \"" + abbreviate(type) + "\"");
    }
    if (definition != null) MessageValidator.check(definition, msg);
    return msg;
  }

  /** Null when the message has no field but the allowed ones; otherwise what is wrong. */
  static String onlyFields(JsonNode msg, String... allowed) {
    Iterator<String> names = msg.fieldNames();
    while (names.hasNext()) {
      String n = names.next();
      boolean ok = false;
      for (String a : allowed) if (a.equals(n)) ok = true;
      if (!ok) return "unexpected field \"" + abbreviate(n) + "\"";
    }
    return null;
  }

  /** A client's text quoted back at most 64 characters long. */
  static String abbreviate(String s) {
    return s.length() <= 64 ? s : s.substring(0, 64) + "…";
  }
}
