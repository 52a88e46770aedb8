package vn.hoinghi.wire;

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
import java.util.Map;
import java.util.TreeMap;
import vn.hoinghi.domain.Command;
import vn.hoinghi.domain.ConferenceView;
import vn.hoinghi.domain.Event;

/**
 * The one machine-readable definition of the WebSocket protocol: a JSON Schema (2020-12)
 * generated from the domain's records (commands, events, the snapshot view) plus the envelopes
 * defined here. The server validates every inbound message against it; the web client generates
 * its TypeScript types from it. The generated file is committed as
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
    root.put("description", "Hội Nghị WebSocket protocol v1 (subprotocol hoinghi.v1). Generated from the server's "
        + "records by vn.hoinghi.wire.ProtocolSchema; do not edit by hand. See docs/protocol.md.");

    // Commands: one definition per record, with its "type" as a constant.
    ArrayNode commands = F.arrayNode();
    for (Map.Entry<String, Class<? extends Command>> e : Codec.commandTypes().entrySet()) {
      ObjectNode def = recordSchema(e.getValue(), true);
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
      defs.set(e.getKey() + "Event", recordSchema(data, false));
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
    while (!pending.isEmpty()) {
      Class<?> c = pending.poll();
      if (!defs.has(c.getSimpleName())) defs.set(c.getSimpleName(), recordSchema(c, false));
    }
    envelopes();

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

  /** Messages of the protocol itself: client → server and server → client. */
  private void envelopes() {
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

    ObjectNode server = message("server");
    for (String f : new String[] {"server", "version", "store", "protocol"}) props(server).set(f, string());
    required(server, "server", "version", "store", "protocol");
    defs.set("ServerGreeting", server);

    ObjectNode welcome = message("welcome");
    props(welcome).set("conferenceId", string());
    props(welcome).set("organizer", F.objectNode().put("type", "boolean"));
    props(welcome).set("serverTime", dateTime());
    props(welcome).set("tokenExpiresAt", dateTime());
    props(welcome).set("participantId", string());
    props(welcome).set("name", string());
    props(welcome).set("endpointId", nullable(string()));
    props(welcome).set("roles", F.objectNode().put("type", "array").set("items", enumOf(vn.hoinghi.domain.Role.class)));
    required(welcome, "conferenceId", "organizer", "serverTime", "tokenExpiresAt", "roles");
    defs.set("WelcomeMessage", welcome);

    ObjectNode snapshot = message("snapshot");
    props(snapshot).set("upTo", F.objectNode().put("type", "integer").put("minimum", 0));
    props(snapshot).set("serverTime", dateTime());
    props(snapshot).set("state", ref("ConferenceView"));
    required(snapshot, "upTo", "serverTime", "state");
    defs.set("SnapshotMessage", snapshot);

    ObjectNode eventsMsg = message("events");
    props(eventsMsg).set("upTo", F.objectNode().put("type", "integer").put("minimum", 0));
    props(eventsMsg).set("events", F.objectNode().put("type", "array").set("items", ref("EventFrame")));
    required(eventsMsg, "upTo", "events");
    defs.set("EventsMessage", eventsMsg);

    ObjectNode counts = object(false);
    for (String f : new String[] {"agree", "disagree", "other", "total"}) props(counts).set(f, integer());
    props(counts).set("collective", F.objectNode().put("type", "boolean"));
    props(counts).set("alternatives", F.objectNode().put("type", "object").set("additionalProperties", integer()));
    required(counts, "agree", "disagree", "other", "total");
    defs.set("TallyCounts", counts);
    ObjectNode articleTally = object(false);
    props(articleTally).set("articleId", string());
    for (String f : new String[] {"agree", "disagree", "other", "total"}) props(articleTally).set(f, integer());
    props(articleTally).set("byEndpoint", F.objectNode().put("type", "object").set("additionalProperties", ref("TallyCounts")));
    props(articleTally).set("alternatives", F.objectNode().put("type", "object").set("additionalProperties", integer()));
    required(articleTally, "articleId", "agree", "disagree", "other", "total");
    defs.set("ArticleTally", articleTally);
    ObjectNode tally = message("tally");
    props(tally).set("voteId", string());
    props(tally).set("status", enumOf(vn.hoinghi.domain.VoteStatus.class));
    props(tally).set("asOf", integer());
    props(tally).set("articles", F.objectNode().put("type", "array").set("items", ref("ArticleTally")));
    required(tally, "voteId", "status", "asOf", "articles");
    defs.set("TallyMessage", tally);

    ObjectNode endpointPresence = object(false);
    props(endpointPresence).set("endpointId", string());
    props(endpointPresence).set("online", F.objectNode().put("type", "boolean"));
    props(endpointPresence).set("connections", integer());
    props(endpointPresence).set("participants", integer());
    required(endpointPresence, "endpointId", "online", "connections", "participants");
    defs.set("EndpointPresence", endpointPresence);
    ObjectNode presence = message("presence");
    props(presence).set("at", dateTime());
    props(presence).set("endpointsOnline", integer());
    props(presence).set("endpointsTotal", integer());
    props(presence).set("connections", integer());
    props(presence).set("endpoints", F.objectNode().put("type", "array").set("items", ref("EndpointPresence")));
    props(presence).set("participantsOnline", F.objectNode().put("type", "array").set("items", string()));
    required(presence, "at", "endpointsOnline", "endpointsTotal", "connections");
    defs.set("PresenceMessage", presence);

    ObjectNode ack = message("ack");
    props(ack).set("id", string());
    props(ack).set("firstSeq", integer());
    props(ack).set("lastSeq", integer());
    props(ack).set("duplicate", F.objectNode().put("type", "boolean"));
    required(ack, "id", "firstSeq", "lastSeq", "duplicate");
    defs.set("AckMessage", ack);

    ObjectNode text = object(false);
    props(text).set("vi", string());
    props(text).set("en", string());
    required(text, "vi", "en");
    defs.set("BilingualText", text);
    ObjectNode error = message("error");
    props(error).set("id", string());
    props(error).set("code", ref("ErrorCode"));
    props(error).set("message", ref("BilingualText"));
    // Every code the server sends (ErrorCode), with the retryable ones listed for clients that resend.
    ObjectNode codes = enumOf(ErrorCode.class);
    ArrayNode retryable = F.arrayNode();
    for (ErrorCode c : ErrorCode.values()) if (c.retryable()) retryable.add(c.name());
    codes.set("x-retryable", retryable);
    defs.set("ErrorCode", codes);
    props(error).set("details", F.objectNode().put("type", "array").set("items", string()));
    required(error, "code", "message");
    defs.set("ErrorMessage", error);

    ObjectNode pong = message("pong");
    props(pong).set("t", F.objectNode().put("type", "number"));
    props(pong).set("serverTime", dateTime());
    required(pong, "serverTime");
    defs.set("PongMessage", pong);

    ObjectNode accepted = message("tokenAccepted");
    props(accepted).set("tokenExpiresAt", dateTime());
    required(accepted, "tokenExpiresAt");
    defs.set("TokenAcceptedMessage", accepted);

    ArrayNode serverMessages = F.arrayNode();
    for (String n : new String[] {"ServerGreeting", "WelcomeMessage", "SnapshotMessage", "EventsMessage", "TallyMessage",
        "PresenceMessage", "AckMessage", "ErrorMessage", "PongMessage", "TokenAcceptedMessage"}) {
      serverMessages.add(ref(n));
    }
    defs.set("ServerMessage", F.objectNode().set("oneOf", serverMessages));
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
    for (Object c : e.getEnumConstants()) values.add(((Enum<?>) c).name());
    return F.objectNode().put("type", "string").set("enum", values);
  }

  private void enqueue(Class<?> c) {
    if (!records.containsKey(c.getSimpleName())) {
      records.put(c.getSimpleName(), c);
      pending.add(c);
    }
  }

  /**
   * A record as an object schema. Primitive components are required; reference components may be
   * absent or null (the domain core decides which are mandatory and says so in its rejection).
   */
  private ObjectNode recordSchema(Class<?> record, boolean command) {
    ObjectNode o = object(false);
    for (RecordComponent rc : record.getRecordComponents()) {
      if (command && SERVER_CHOSEN.getOrDefault(record, java.util.Set.of()).contains(rc.getName())) continue;
      ObjectNode s = typeSchema(rc.getGenericType());
      if (rc.getType().isPrimitive()) {
        props(o).set(rc.getName(), s);
        required(o, rc.getName());
      } else {
        props(o).set(rc.getName(), nullable(s));
      }
    }
    return o;
  }

  private ObjectNode typeSchema(Type t) {
    if (t instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      Type[] args = p.getActualTypeArguments();
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
    if (c.isEnum()) return enumOf(c);
    if (c.isRecord()) {
      enqueue(c);
      return ref(c.getSimpleName());
    }
    throw new IllegalStateException("unsupported type " + c + " in the protocol");
  }
}
