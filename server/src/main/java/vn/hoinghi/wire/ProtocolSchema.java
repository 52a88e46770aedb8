package vn.hoinghi.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import vn.hoinghi.domain.Command;
import vn.hoinghi.domain.ConferenceView;
import vn.hoinghi.domain.Event;
import vn.hoinghi.domain.Nullable;

/**
 * The one machine-readable definition of the WebSocket protocol: a JSON Schema (2020-12) generated from records —
 * the domain's (commands, events, the snapshot view) and the server's messages ({@link ServerMessage}) — plus the
 * four client envelopes defined here — and the bodies of the REST answers ({@link RestBody}), which only the client's
 * types use. The server validates every inbound message against it; the web client
 * generates its TypeScript types from it. The generated file is committed as
 * {@code protocol/hoinghi-protocol.schema.json}; a test fails when it differs from what this class
 * produces, so the two cannot drift. Regenerate with:
 * {@code mvn -q -pl server compile exec:java -Dexec.mainClass=vn.hoinghi.wire.ProtocolSchema -Dexec.args=protocol/hoinghi-protocol.schema.json} (from the repository root)
 */
public final class ProtocolSchema {
  public static final String ID = "https://hoinghi.vn/protocol/v1/schema.json";
  public static final String RESOURCE = "protocol/hoinghi-protocol.schema.json";
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /**
   * Command fields the server fills in and a client may not send: the gateway draws an invite's code (docs/security.md),
   * so a client-chosen code is refused by the schema, on the WebSocket and over REST alike.
   */
  private static final Map<Class<?>, java.util.Set<String>> SERVER_CHOSEN =
      Map.of(Command.IssueInvite.class, java.util.Set.of("code"));

  private final ObjectNode defs = F.objectNode();
  private final Map<String, Class<?>> records = new TreeMap<>();
  private final Deque<Class<?>> pending = new ArrayDeque<>();
  private final Set<Class<?>> sentByClients = sentByClients();

  private ProtocolSchema() {}

  public static void main(String[] args) throws Exception {
    String json = generate();
    if (args.length == 0) {
      System.out.println(json);
    } else {
      Path out = Path.of(args[0]);
      Files.createDirectories(out.toAbsolutePath().getParent());
      Files.writeString(out, json, StandardCharsets.UTF_8);
      System.out.println("wrote " + out.toAbsolutePath());
    }
  }

  /** The schema as pretty-printed JSON text, deterministic (sorted definitions). */
  public static String generate() {
    return new ProtocolSchema().build();
  }

  private String build() {
    ObjectNode root = F.objectNode();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.put("$id", ID);
    root.put("title", "HoiNghiProtocol");
    root.put("description", "Hội Nghị WebSocket protocol v1 (subprotocol hoinghi.v1), and the bodies of the REST answers "
        + "(RestBody). Generated from the server's records by vn.hoinghi.wire.ProtocolSchema; do not edit by hand. "
        + "See docs/protocol.md and docs/api.md.");

    // Commands: one definition per record, with its "type" as a constant.
    ArrayNode commands = F.arrayNode();
    for (Map.Entry<String, Class<? extends Command>> e : Codec.commandTypes().entrySet()) {
      ObjectNode def = recordSchema(e.getValue(), Mode.COMMAND);
      ((ObjectNode) def.get("properties")).set("type", F.objectNode().put("const", e.getKey()));
      ((ArrayNode) def.get("required")).insert(0, "type");
      defs.set(e.getKey() + "Command", def);
      commands.add(ref(e.getKey() + "Command"));
    }
    defs.set("Command", F.objectNode().set("oneOf", commands));

    // Events: the frame of each ({seq, type, at, data}).
    ArrayNode events = F.arrayNode();
    for (Map.Entry<String, Class<? extends Event>> e : Codec.eventTypes().entrySet()) {
      // The feed sends DraftVersionImported without the document the log keeps (docs/protocol.md, "The draft text").
      Class<?> data = e.getValue() == Event.DraftVersionImported.class
          ? vn.hoinghi.domain.ConferenceView.DraftImported.class : e.getValue();
      defs.set(e.getKey() + "Event", recordSchema(data, modeOf(data)));
      ObjectNode frame = object(false);
      props(frame).set("seq", F.objectNode().put("type", "integer").put("minimum", 1));
      props(frame).set("type", F.objectNode().put("const", e.getKey()));
      props(frame).set("at", dateTime());
      props(frame).set("data", ref(e.getKey() + "Event"));
      required(frame, "seq", "type", "at", "data");
      defs.set(e.getKey() + "EventFrame", frame);
      events.add(ref(e.getKey() + "EventFrame"));
    }
    defs.set("EventFrame", F.objectNode().set("oneOf", events));
    enqueue(ConferenceView.class);
    clientEnvelopes();
    serverMessages();
    restBodies();
    while (!pending.isEmpty()) {
      Class<?> c = pending.poll();
      if (!defs.has(c.getSimpleName())) defs.set(c.getSimpleName(), recordSchema(c, modeOf(c)));
    }

    root.set("oneOf", F.arrayNode().add(ref("ClientMessage")).add(ref("ServerMessage")));
    ObjectNode sorted = F.objectNode();
    new TreeMap<String, Object>(toMap(defs)).keySet().forEach(k -> sorted.set(k, defs.get(k)));
    root.set("$defs", sorted);
    try {
      return Codec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> toMap(ObjectNode o) {
    Map<String, Object> m = new TreeMap<>();
    o.fieldNames().forEachRemaining(n -> m.put(n, n));
    return m;
  }

  /** The messages a client sends (commands are defined from their records above). */
  private void clientEnvelopes() {
    ObjectNode hello = message("hello");
    props(hello).set("token", F.objectNode().put("type", "string").put("maxLength", 8192));
    props(hello).set("conferenceId", F.objectNode().put("type", "string").put("maxLength", 64));
    props(hello).set("resumeAfter", nullable(F.objectNode().put("type", "integer").put("minimum", 0)));
    props(hello).set("client", F.objectNode().put("type", "string").put("maxLength", 200));
    defs.set("HelloMessage", hello);

    ObjectNode command = message("command");
    props(command).set("id", F.objectNode().put("type", "string").put("pattern", "^[A-Za-z0-9._:-]{1,64}$"));
    props(command).set("command", ref("Command"));
    required(command, "id", "command");
    defs.set("CommandMessage", command);

    ObjectNode ping = message("ping");
    props(ping).set("t", F.objectNode().put("type", "number"));
    defs.set("PingMessage", ping);

    ObjectNode token = message("token");
    props(token).set("token", F.objectNode().put("type", "string").put("maxLength", 8192));
    required(token, "token");
    defs.set("TokenMessage", token);

    defs.set("ClientMessage", F.objectNode().set("oneOf", F.arrayNode().add(ref("HelloMessage"))
        .add(ref("CommandMessage")).add(ref("PingMessage")).add(ref("TokenMessage"))));
  }

  /**
   * The messages the server sends, from the {@link ServerMessage} records: each definition is named after its record
   * and has its {@code type} constant first; {@code ServerMessage} is the one-of over them.
   */
  private void serverMessages() {
    ArrayNode all = F.arrayNode();
    for (Class<?> c : ServerMessage.class.getPermittedSubclasses()) {
      JsonTypeName name = c.getAnnotation(JsonTypeName.class);
      if (name == null) throw new IllegalStateException(c.getSimpleName() + " has no @JsonTypeName: its \"type\"");
      ObjectNode def = recordSchema(c, Mode.PRECISE);
      ObjectNode fields = F.objectNode().set("type", F.objectNode().put("const", name.value()));
      fields.setAll(props(def));
      def.set("properties", fields);
      ((ArrayNode) def.get("required")).insert(0, "type");
      records.put(c.getSimpleName(), c);
      defs.set(c.getSimpleName(), def);
      all.add(ref(c.getSimpleName()));
    }
    defs.set("ServerMessage", F.objectNode().set("oneOf", all));
  }

  /**
   * The bodies of the REST answers, from the {@link RestBody} records: each definition is named after its record;
   * {@code RestBody} is the one-of over them (no route answers it as such: the client names the body it expects).
   */
  private void restBodies() {
    ArrayNode all = F.arrayNode();
    for (Class<?> c : RestBody.class.getPermittedSubclasses()) {
      enqueue(c);
      all.add(ref(c.getSimpleName()));
    }
    defs.set("RestBody", F.objectNode().set("oneOf", all));
  }

  /** Every error code the server sends, with the retryable ones listed for clients that resend. */
  private void errorCodes() {
    ObjectNode codes = enumOf(ErrorCode.class);
    ArrayNode retryable = F.arrayNode();
    for (ErrorCode c : ErrorCode.values()) if (c.retryable()) retryable.add(c.name());
    codes.set("x-retryable", retryable);
    defs.set("ErrorCode", codes);
  }

  private static ObjectNode message(String type) {
    ObjectNode o = object(false);
    props(o).set("type", F.objectNode().put("const", type));
    required(o, "type");
    return o;
  }

  private static ObjectNode object(boolean open) {
    ObjectNode o = F.objectNode().put("type", "object");
    o.set("properties", F.objectNode());
    o.set("required", F.arrayNode());
    o.put("additionalProperties", open);
    return o;
  }

  private static ObjectNode props(ObjectNode o) {
    return (ObjectNode) o.get("properties");
  }

  private static void required(ObjectNode o, String... names) {
    for (String n : names) ((ArrayNode) o.get("required")).add(n);
  }

  private static ObjectNode ref(String name) {
    return F.objectNode().put("$ref", "#/$defs/" + name);
  }

  private static ObjectNode string() {
    return F.objectNode().put("type", "string");
  }

  private static ObjectNode integer() {
    return F.objectNode().put("type", "integer");
  }

  private static ObjectNode dateTime() {
    return F.objectNode().put("type", "string").put("format", "date-time");
  }

  private static ObjectNode nullable(ObjectNode s) {
    return F.objectNode().set("anyOf", F.arrayNode().add(s).add(F.objectNode().put("type", "null")));
  }

  private static ObjectNode enumOf(Class<?> e) {
    ArrayNode values = F.arrayNode();
    for (Object c : e.getEnumConstants()) values.add(wireName((Enum<?>) c));
    return F.objectNode().put("type", "string").set("enum", values);
  }

  /** A constant as the codec writes it: its name, or the name its {@link JsonProperty} gives. */
  private static String wireName(Enum<?> c) {
    try {
      JsonProperty p = c.getDeclaringClass().getField(c.name()).getAnnotation(JsonProperty.class);
      return p == null ? c.name() : p.value();
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException(e);
    }
  }

  private void enqueue(Class<?> c) {
    Class<?> named = records.get(c.getSimpleName());
    if (named != null && named != c) {
      throw new IllegalStateException("two records named " + c.getSimpleName() + " in the protocol: " + named.getName()
          + " and " + c.getName() + " (a definition is named by its simple name)");
    }
    if (named == null) {
      records.put(c.getSimpleName(), c);
      pending.add(c);
    }
  }

  /**
   * How a record's components become properties. {@code COMMAND} and {@code LOOSE} (records a client may send, even
   * inside a command): primitives required, references optional and nullable, so that a missing field is refused by
   * the domain with its typed error. {@code PRECISE} (what only the server sends): every component required and not
   * null, except those marked {@link Nullable}: optional and nullable (the codec omits nulls), or required and nullable
   * when always written.
   */
  private enum Mode { COMMAND, LOOSE, PRECISE }

  private Mode modeOf(Class<?> record) {
    return sentByClients.contains(record) ? Mode.LOOSE : Mode.PRECISE;
  }

  private ObjectNode recordSchema(Class<?> record, Mode mode) {
    ObjectNode o = object(false);
    for (RecordComponent rc : record.getRecordComponents()) {
      if (mode == Mode.COMMAND && SERVER_CHOSEN.getOrDefault(record, java.util.Set.of()).contains(rc.getName())) continue;
      if (rc.getAccessor().isAnnotationPresent(JsonUnwrapped.class)) {
        // Its fields are written in place, all of them or (when it is null) none.
        ObjectNode inner = recordSchema(rc.getType(), mode);
        props(o).setAll(props(inner));
        if (!rc.isAnnotationPresent(Nullable.class)) ((ArrayNode) o.get("required")).addAll((ArrayNode) inner.get("required"));
        continue;
      }
      ObjectNode s = typeSchema(rc.getGenericType());
      if (rc.getType().isPrimitive()) {
        props(o).set(rc.getName(), s);
        required(o, rc.getName());
      } else if (mode != Mode.PRECISE) {
        props(o).set(rc.getName(), nullable(s));
      } else if (!rc.isAnnotationPresent(Nullable.class)) {
        props(o).set(rc.getName(), s);
        required(o, rc.getName());
      } else if (alwaysWritten(rc)) {
        props(o).set(rc.getName(), nullable(s));
        required(o, rc.getName());
      } else {
        // Omitted when null; typed "absent or null" so that a client may keep its own "no value" as null.
        props(o).set(rc.getName(), nullable(s));
      }
    }
    return o;
  }

  /** A component written even when null, overriding the codec's rule of omitting nulls. */
  private static boolean alwaysWritten(RecordComponent rc) {
    // Jackson's annotations do not target record components: javac puts them on the accessor.
    JsonInclude include = rc.getAccessor().getAnnotation(JsonInclude.class);
    return include != null && include.value() == JsonInclude.Include.ALWAYS;
  }

  /** The records a client may send: the command records and every record inside them. */
  private static Set<Class<?>> sentByClients() {
    Set<Class<?>> out = new HashSet<>();
    Deque<Type> todo = new ArrayDeque<>();
    for (Class<?> c : Codec.commandTypes().values()) for (RecordComponent rc : c.getRecordComponents()) todo.add(rc.getGenericType());
    while (!todo.isEmpty()) {
      Type t = todo.poll();
      if (t instanceof ParameterizedType p) {
        todo.addAll(java.util.Arrays.asList(p.getActualTypeArguments()));
      } else if (t instanceof Class<?> c && c.isRecord() && out.add(c)) {
        for (RecordComponent rc : c.getRecordComponents()) todo.add(rc.getGenericType());
      }
    }
    return out;
  }

  private ObjectNode typeSchema(Type t) {
    if (t instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      Type[] args = p.getActualTypeArguments();
      if (raw == Encoded.class) return typeSchema(args[0]);
      if (Collection.class.isAssignableFrom(raw)) {
        ObjectNode a = F.objectNode().put("type", "array");
        a.set("items", typeSchema(args[0]));
        if (java.util.Set.class.isAssignableFrom(raw)) a.put("uniqueItems", true);
        return a;
      }
      if (Map.class.isAssignableFrom(raw)) {
        ObjectNode m = F.objectNode().put("type", "object");
        m.set("additionalProperties", typeSchema(args[1]));
        return m;
      }
      throw new IllegalStateException("unsupported generic type " + t);
    }
    Class<?> c = (Class<?>) t;
    if (c == String.class) return string();
    if (c == int.class || c == Integer.class || c == long.class || c == Long.class) return integer();
    if (c == boolean.class || c == Boolean.class) return F.objectNode().put("type", "boolean");
    if (c == double.class || c == Double.class) return F.objectNode().put("type", "number");
    if (c == Instant.class) return dateTime();
    if (c == EventFrame.class) return ref("EventFrame");
    if (c == ErrorCode.class) {
      if (!defs.has("ErrorCode")) errorCodes();
      return ref("ErrorCode");
    }
    if (c.isEnum()) return enumOf(c);
    if (c.isRecord()) {
      enqueue(c);
      return ref(c.getSimpleName());
    }
    throw new IllegalStateException("unsupported type " + c + " in the protocol");
  }
}
