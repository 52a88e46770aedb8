package vn.hoinghi.gateway;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Seeded generators of hostile input for the fuzz tests: well-formed messages and bodies built from the protocol's
 * JSON Schema (every command type, with ids taken from a real conference), and mutations of them — malformed JSON,
 * wrong types, missing and extra fields, huge strings around the limits, deep nesting, numbers out of range,
 * unicode oddities and invalid UTF-8 bytes. Not thread-safe: one per worker, each with its own seed.
 */
final class HostileInput {
  /** What a case does to an otherwise valid message. */
  enum Kind {
    MALFORMED, WRONG_TYPE, MISSING_FIELD, EXTRA_FIELD, HUGE_STRING, DEEP_NESTING, NUMBER_RANGE, UNICODE, INVALID_UTF8,
    /** A well-formed message; for a command, one the sender's role may not issue. */
    WRONG_ROLE
  }

  static final Kind[] KINDS = Kind.values();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = JsonMapper.builder().build();
  private static final ObjectWriter PLAIN = MAPPER.writer();
  /** Escapes every non-ASCII character as \\uXXXX: lone surrogates then reach the server as escapes. */
  private static final ObjectWriter ESCAPED = MAPPER.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII);
  static final String PLACEHOLDER = "__FUZZ_RAW__";

  private static final String[] ODD = {
      "\u0000", "a\u0000b", "\uD800", "\uDFFF", "x\uDC00\uD800y", "\uDBFF\uDFFF", "\u202Egnp.exe", "\u200F\u202B",
      "\u200B\u200C\u200D\u2060", "\uFEFF", "\uD83D\uDE00", "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67",
      "\uFFFE\uFFFF", "\u2028\u2029", "\uD835\uDD73\uD835\uDD94", "\u0085", "\t\r\n\b\f", "\u001B[31m",
      "<script>alert(1)</script>", "'; DROP TABLE events; --", "%00%ff", "\\u0000", "Đề nghị sửa “sáu tháng”",
      "\u0301\u0301\u0301\u0301", "\u0E01\u0E34\u0E4A\u0E01", "\uFDFD", "\u0600\u0601", "${jndi:ldap://x/a}"};
  private static final String[] RAW_NUMBERS = {
      "1e400", "-1e400", "1e-400", "9223372036854775808", "-9223372036854775809", "2147483648", "-2147483649",
      "123456789012345678901234567890123456", "-0", "0.0000000001", "NaN", "Infinity", "-Infinity", "-1", "1.5",
      "01", "+1", "0x10", "1e", "1.", ".5", "-", "1_000", "4294967296", "1E+308", "-0.0", "99999999999999999999"};
  private static final String[] GARBAGE_TAIL = {"}", "]", "x", "{}", ",", " null", "\u0000", "}}}}", "\"", "[1]", "//"};
  private static final String[] NOT_JSON = {
      "", " ", "undefined", "{'type':'ping'}", "{type:ping}", "/* c */{}", "\uFEFF{\"type\":\"ping\"}",
      "{\"type\":\"ping\",}", "{\"type\":\"ping\" \"t\":1}", "[", "nul", "tru", "{\"type\":\"ping\",\"type\":\"ping\"}",
      "{\"type\":\"p\\x41\"}", "{\"type\":\"\\u12\"}", "{\"type\":\"line\nbreak\"}", "{\"type\":\"ping\"}{}",
      "{\"type\":\"ping\"}]", "{{}}", "{\"\":}", "{\"type\"::\"ping\"}", "\"\\", "{\"a\":[}", "[1,,2]"};
  private static final String[] EXTRA_NAMES = {
      "extra", "__proto__", "constructor", "$where", "type2", "", " ", "\uFF34\uFF39\uFF30\uFF25", "admin", "actor",
      "role", "sudo", "\u0000", "\uD800", "id ", "Type"};
  private static final int[] HUGE_LENGTHS = {
      63, 64, 65, 199, 200, 201, 255, 256, 257, 999, 1000, 1001, 1999, 2000, 2001, 4095, 4096, 4097, 5000, 8191, 8192,
      8193, 10_000, 20_000, 32_000};
  private static final byte[][] BAD_UTF8 = {
      {(byte) 0xFF}, {(byte) 0xFE}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
      {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xED, (byte) 0xBF, (byte) 0xBF},
      {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0x80},
      {(byte) 0xC3}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xC3, (byte) 0x28},
      {0}};

  private final Random rnd;
  private final JsonObject defs;
  private final List<String> commandTypes;
  private final List<String> knownIds;
  private long counter;

  HostileInput(long seed, List<String> knownIds) {
    this.rnd = new Random(seed);
    this.defs = vn.hoinghi.wire.MessageValidator.schema().getJsonObject("$defs");
    List<String> types = new ArrayList<>();
    for (Object o : defs.getJsonObject("Command").getJsonArray("oneOf")) {
      String ref = ((JsonObject) o).getString("$ref");
      types.add(ref.substring(ref.lastIndexOf('/') + 1, ref.length() - "Command".length()));
    }
    this.commandTypes = List.copyOf(types);
    this.knownIds = knownIds.isEmpty() ? List.of("x-1") : List.copyOf(knownIds);
  }

  Random random() {
    return rnd;
  }

  List<String> commandTypes() {
    return commandTypes;
  }

  <T> T pick(T[] a) {
    return a[rnd.nextInt(a.length)];
  }

  <T> T pick(List<T> a) {
    return a.get(rnd.nextInt(a.size()));
  }

  String nextId(String prefix) {
    return prefix + "-" + (++counter);
  }

  // ------------------------------------------------------------------------------------ valid values from the schema

  /** A command of {@code type} with every field set to a plausible value (ids from the real conference). */
  ObjectNode command(String type) {
    return (ObjectNode) valid(defs.getJsonObject(type + "Command"), "command");
  }

  /** The command message envelope around {@code command}. */
  ObjectNode commandMessage(ObjectNode command) {
    ObjectNode m = F.objectNode();
    m.put("type", "command").put("id", nextId("fz"));
    m.set("command", command);
    return m;
  }

  JsonNode valid(JsonObject s, String name) {
    if (s.containsKey("const")) return MAPPER.valueToTree(s.getValue("const"));
    if (s.containsKey("$ref")) {
      String ref = s.getString("$ref");
      return valid(defs.getJsonObject(ref.substring(ref.lastIndexOf('/') + 1)), name);
    }
    if (s.containsKey("anyOf")) {
      JsonArray alts = s.getJsonArray("anyOf");
      for (Object a : alts) {
        if (!"null".equals(((JsonObject) a).getString("type"))) return valid((JsonObject) a, name);
      }
      return F.nullNode();
    }
    String type = s.getString("type", "string");
    switch (type) {
      case "object": {
        ObjectNode o = F.objectNode();
        JsonObject props = s.getJsonObject("properties", new JsonObject());
        for (String p : props.fieldNames()) o.set(p, valid(props.getJsonObject(p), p));
        return o;
      }
      case "array": {
        ArrayNode a = F.arrayNode();
        JsonObject items = s.getJsonObject("items", new JsonObject());
        int n = 1 + rnd.nextInt(2);
        for (int i = 0; i < n; i++) {
          JsonNode v = valid(items, name);
          if (!s.getBoolean("uniqueItems", false) || !contains(a, v)) a.add(v);
        }
        return a;
      }
      case "integer":
        return F.numberNode(name.toLowerCase().contains("seconds") ? 300 : rnd.nextInt(50));
      case "number":
        return F.numberNode(rnd.nextDouble() * 1e12);
      case "boolean":
        return F.booleanNode(rnd.nextBoolean());
      default:
        if (s.containsKey("enum")) return F.textNode(s.getJsonArray("enum").getString(rnd.nextInt(s.getJsonArray("enum").size())));
        if ("date-time".equals(s.getString("format"))) return F.textNode(Instant.now().plusSeconds(rnd.nextInt(86_400 * 30)).toString());
        if (name.endsWith("Id") || name.endsWith("Ids") || name.equals("code")) return F.textNode(pick(knownIds));
        return F.textNode("Góp ý " + rnd.nextInt(1000));
    }
  }

  private static boolean contains(ArrayNode a, JsonNode v) {
    for (JsonNode e : a) if (e.equals(v)) return true;
    return false;
  }

  // ------------------------------------------------------------------------------------ mutations

  /** {@code base} mutated by {@code kind}, as the bytes to send. */
  byte[] mutate(Kind kind, ObjectNode base) {
    ObjectNode msg = base.deepCopy();
    switch (kind) {
      case MALFORMED:
        return malformed(msg);
      case WRONG_TYPE: {
        Target t = target(msg);
        t.node.set(t.field, differentType(t.node.get(t.field)));
        return bytes(msg);
      }
      case MISSING_FIELD: {
        Target t = target(msg);
        t.node.remove(t.field);
        return bytes(msg);
      }
      case EXTRA_FIELD: {
        Target t = target(msg);
        t.node.set(pick(EXTRA_NAMES) + (rnd.nextInt(3) == 0 ? "" : "x"), anyValue());
        return bytes(msg);
      }
      case HUGE_STRING:
        return huge(msg);
      case DEEP_NESTING:
        return deep(msg);
      case NUMBER_RANGE: {
        Target t = target(msg);
        t.node.put(t.field, PLACEHOLDER);
        return raw(msg, pick(RAW_NUMBERS));
      }
      case UNICODE:
        return unicode(msg);
      case INVALID_UTF8:
        return invalidUtf8(msg);
      case WRONG_ROLE:
      default:
        return bytes(msg);
    }
  }

  private record Target(ObjectNode node, String field) {}

  /** A field to damage: mostly inside the innermost object (the command body), sometimes the envelope. */
  private Target target(ObjectNode msg) {
    List<ObjectNode> objects = new ArrayList<>();
    collect(msg, objects);
    ObjectNode o = rnd.nextInt(4) == 0 ? objects.get(rnd.nextInt(objects.size())) : objects.get(objects.size() > 1 ? 1 : 0);
    List<String> names = new ArrayList<>();
    o.fieldNames().forEachRemaining(names::add);
    if (names.isEmpty()) return new Target(o, "type");
    return new Target(o, pick(names));
  }

  private static void collect(JsonNode n, List<ObjectNode> out) {
    if (n instanceof ObjectNode o) {
      out.add(o);
      for (Iterator<JsonNode> it = o.elements(); it.hasNext(); ) collect(it.next(), out);
    } else if (n instanceof ArrayNode a) {
      for (JsonNode e : a) collect(e, out);
    }
  }

  private JsonNode differentType(JsonNode current) {
    JsonNodeType was = current == null ? JsonNodeType.MISSING : current.getNodeType();
    for (int i = 0; i < 20; i++) {
      JsonNode v = anyValue();
      if (v.getNodeType() != was && !v.isNull()) return v;
    }
    return F.arrayNode();
  }

  JsonNode anyValue() {
    switch (rnd.nextInt(9)) {
      case 0: return F.numberNode(rnd.nextInt(100) - 50);
      case 1: return F.numberNode(rnd.nextInt(1000) + 0.5);
      case 2: return F.textNode("s" + rnd.nextInt(100));
      case 3: return F.booleanNode(rnd.nextBoolean());
      case 4: return F.nullNode();
      case 5: return F.arrayNode();
      case 6: return F.objectNode();
      case 7: return F.arrayNode().add(1).add("a").add(F.objectNode());
      default: return F.objectNode().put("x", 1).set("y", F.arrayNode().add(true));
    }
  }

  private byte[] malformed(ObjectNode msg) {
    String text = new String(bytes(msg), StandardCharsets.UTF_8);
    switch (rnd.nextInt(6)) {
      case 0:
        return utf8(text.substring(0, rnd.nextInt(text.length())));
      case 1:
        return utf8(text + pick(GARBAGE_TAIL));
      case 2: {
        char[] c = text.toCharArray();
        for (int tries = 0; tries < 50; tries++) {
          int i = rnd.nextInt(c.length);
          char sw = switch (c[i]) { case '{' -> '['; case '[' -> '{'; case '}' -> ']'; case ']' -> '}'; default -> 0; };
          if (sw != 0) {
            c[i] = sw;
            break;
          }
        }
        return utf8(new String(c));
      }
      case 3: {
        int i = text.indexOf('"', rnd.nextInt(text.length()));
        if (i < 0) i = text.indexOf('"');
        return utf8(text.substring(0, i) + text.substring(i + 1));
      }
      case 4: {
        int i = rnd.nextInt(text.length() + 1);
        return utf8(text.substring(0, i) + ",:{}[]\"\\".charAt(rnd.nextInt(8)) + text.substring(i));
      }
      default:
        return utf8(pick(NOT_JSON));
    }
  }

  private byte[] huge(ObjectNode msg) {
    Target t = target(msg);
    char fill = rnd.nextInt(3) == 0 ? 'ệ' : 'x';
    int len;
    if (rnd.nextInt(5) == 0) {
      // Right at the message size limit: the whole frame 64 KiB minus 0..2 bytes, so it is still accepted.
      t.node.put(t.field, "");
      int rest = Gateway.MAX_WS_MESSAGE - bytes(msg).length - rnd.nextInt(3);
      fill = 'x';
      len = Math.max(0, rest);
    } else {
      len = HUGE_LENGTHS[rnd.nextInt(HUGE_LENGTHS.length)];
    }
    t.node.put(t.field, String.valueOf(fill).repeat(len));
    return bytes(msg);
  }

  private byte[] deep(ObjectNode msg) {
    int[] depths = {31, 32, 33, 64, 1000, 10_000};
    int d = depths[rnd.nextInt(depths.length)];
    boolean objects = rnd.nextBoolean() && d <= 10_000;
    String open = objects ? "{\"a\":" : "[";
    String close = objects ? "}" : "]";
    String nested = open.repeat(d) + "1" + close.repeat(d);
    if (rnd.nextInt(4) == 0) return utf8(open.repeat(d) + new String(bytes(msg), StandardCharsets.UTF_8) + close.repeat(d));
    Target t = target(msg);
    t.node.put(t.field, PLACEHOLDER);
    return raw(msg, nested);
  }

  private byte[] unicode(ObjectNode msg) {
    String odd = pick(ODD);
    if (rnd.nextInt(4) == 0) odd = odd.repeat(1 + rnd.nextInt(200));
    switch (rnd.nextInt(4)) {
      case 0: {
        Target t = target(msg);
        JsonNode v = t.node.remove(t.field);
        t.node.set(t.field + odd, v);
        break;
      }
      case 1:
        msg.put("type", msg.path("type").asText() + odd);
        break;
      default: {
        Target t = target(msg);
        t.node.put(t.field, "Góp ý " + odd + " cuối");
      }
    }
    return rnd.nextBoolean() ? escaped(msg) : bytes(msg);
  }

  private byte[] invalidUtf8(ObjectNode msg) {
    byte[] b = bytes(msg);
    byte[] bad = BAD_UTF8[rnd.nextInt(BAD_UTF8.length)];
    // Mostly inside a string value (after an opening quote), so the JSON stays well-formed around it.
    int at = rnd.nextInt(b.length + 1);
    if (rnd.nextInt(3) > 0) {
      for (int i = at; i < b.length; i++) {
        if (b[i] == '"') {
          at = i + 1;
          break;
        }
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + bad.length);
    out.write(b, 0, Math.min(at, b.length));
    out.writeBytes(bad);
    if (at < b.length) out.write(b, at, b.length - at);
    return out.toByteArray();
  }

  // ------------------------------------------------------------------------------------ encoding

  byte[] bytes(JsonNode n) {
    try {
      return PLAIN.writeValueAsString(n).getBytes(StandardCharsets.UTF_8);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private byte[] escaped(JsonNode n) {
    try {
      return ESCAPED.writeValueAsString(n).getBytes(StandardCharsets.US_ASCII);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The message with the placeholder string replaced by raw JSON text (numbers, nesting) the tree cannot hold. */
  private byte[] raw(ObjectNode msg, String rawJson) {
    String text = new String(bytes(msg), StandardCharsets.UTF_8);
    return utf8(text.replace("\"" + PLACEHOLDER + "\"", rawJson));
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
