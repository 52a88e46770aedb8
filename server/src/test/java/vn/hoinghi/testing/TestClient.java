package vn.hoinghi.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A protocol-speaking client for tests: logs in over REST, follows a conference over a real
 * WebSocket, sends commands and waits for their one reply, and records every frame so a test can
 * check order, gaps and duplicates. Reconnects resume from the last "upTo" seen.
 */
public final class TestClient implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  public static final String DEMO_PASSWORD = "hoinghi-demo";

  public final String baseUrl;
  public final String username;
  public String accessToken;
  public JsonObject login;
  /** Every event received, in arrival order, across reconnects. */
  public final List<JsonObject> events = new CopyOnWriteArrayList<>();
  public final List<JsonObject> frames = new CopyOnWriteArrayList<>();
  public final Map<String, JsonObject> replies = new ConcurrentHashMap<>();
  public final List<JsonObject> tallies = new CopyOnWriteArrayList<>();
  public final List<JsonObject> snapshots = new CopyOnWriteArrayList<>();
  public final AtomicLong upTo = new AtomicLong(-1);
  public final List<Long> duplicates = new CopyOnWriteArrayList<>();
  public volatile JsonObject welcome;
  public volatile CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final java.util.Set<Long> seen = ConcurrentHashMap.newKeySet();
  private WebSocket ws;
  private Listener listener;
  private int counter;

  private TestClient(String baseUrl, String username) {
    this.baseUrl = baseUrl;
    this.username = username;
  }

  public static JsonObject post(String baseUrl, String path, JsonObject body, String token) {
    return http(baseUrl, "POST", path, body == null ? "" : body.encode(), token);
  }

  public static JsonObject http(String baseUrl, String method, String path, String body, String token) {
    try {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path))
          .method(method, HttpRequest.BodyPublishers.ofString(body == null ? "" : body))
          .header("Content-Type", "application/json");
      if (token != null) b.header("Authorization", "Bearer " + token);
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      JsonObject out = r.body().isBlank() ? new JsonObject() : new JsonObject(r.body());
      return out.put("_status", r.statusCode());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sends a body with its own content type (CSV, XLSX bytes). */
  public static JsonObject upload(String baseUrl, String path, byte[] body, String contentType, String token) {
    try {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path))
          .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", contentType);
      if (token != null) b.header("Authorization", "Bearer " + token);
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      JsonObject out = r.body().isBlank() ? new JsonObject() : new JsonObject(r.body());
      return out.put("_status", r.statusCode());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sends a draft text as text/markdown, as the draft routes require (POST …/draft, …/draft/preview). */
  public static JsonObject markdown(String baseUrl, String path, String text, String token) {
    return upload(baseUrl, path, text.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/markdown; charset=utf-8", token);
  }

  /**
   * Lists delegates of one hall (by the hall's code) with a moderator's or organizer's token and signs each in with
   * their personal code: the join answers (tokens, participantId), in the order of {@code names}.
   */
  public static java.util.List<JsonObject> listAndJoin(String baseUrl, String conferenceId, String token,
                                                       String endpointCode, java.util.List<String> names) {
    StringBuilder csv = new StringBuilder("họ tên,điểm cầu\n");
    names.forEach(n -> csv.append('"').append(n.replace("\"", "\"\"")).append("\",").append(endpointCode).append('\n'));
    JsonObject listed = upload(baseUrl, "/api/conferences/" + conferenceId + "/delegates/import",
        csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv", token);
    if (listed.getInteger("_status") != 201) throw new AssertionError("delegate list refused: " + listed.encode());
    JsonObject all = http(baseUrl, "GET", "/api/conferences/" + conferenceId + "/delegates", null, token);
    java.util.Map<String, String> codeByName = new java.util.HashMap<>();
    for (Object o : all.getJsonArray("delegates")) {
      JsonObject d = (JsonObject) o;
      if (endpointCode.equals(d.getString("endpointCode"))) codeByName.put(d.getString("fullName"), d.getString("personalCode"));
    }
    java.util.List<JsonObject> out = new java.util.ArrayList<>();
    for (String n : names) {
      JsonObject joined = post(baseUrl, "/api/join", new JsonObject().put("conferenceId", conferenceId)
          .put("code", codeByName.get(n)), null);
      if (joined.getInteger("_status") != 201) throw new AssertionError("join refused: " + joined.encode());
      out.add(joined);
    }
    return out;
  }

  /** Logs in with the demo password and connects, fresh (a snapshot first). */
  public static TestClient demo(TestServer s, String username) {
    TestClient c = new TestClient(s.baseUrl(), username);
    c.login = post(s.baseUrl(), "/api/login", new JsonObject().put("username", username).put("password", DEMO_PASSWORD)
        .put("conferenceId", "demo"), null);
    if (c.login.getInteger("_status") != 200) throw new AssertionError("login " + username + ": " + c.login);
    c.accessToken = c.login.getString("accessToken");
    c.connect(null);
    return c;
  }

  public static TestClient withToken(String baseUrl, String name, String token) {
    TestClient c = new TestClient(baseUrl, name);
    c.accessToken = token;
    return c;
  }

  public String participantId() {
    return login.getString("participantId");
  }

  /** Opens the socket and says hello; waits for the welcome and the first catch-up frame. */
  public TestClient connect(Long resumeAfter) {
    return connect(resumeAfter, null);
  }

  /** {@code conferenceId}: needed with an organizer token only. */
  public TestClient connect(Long resumeAfter, String conferenceId) {
    closed = new CompletableFuture<>();
    welcome = null;
    int framesBefore = frames.size();
    ws = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
        .buildAsync(URI.create(baseUrl.replace("http://", "ws://") + "/ws"), listener = new Listener()).join();
    JsonObject hello = new JsonObject().put("type", "hello").put("token", accessToken);
    if (resumeAfter != null) hello.put("resumeAfter", resumeAfter);
    if (conferenceId != null) hello.put("conferenceId", conferenceId);
    send(hello);
    waitFor(() -> welcome != null, "welcome for " + username);
    // The feed starts with a snapshot or an events frame that says how far we are.
    waitFor(() -> framesSince(framesBefore).stream()
        .anyMatch(f -> f.getString("type").equals("snapshot") || f.getString("type").equals("events")), "catch-up");
    return this;
  }

  public void reconnect() {
    connect(upTo.get() < 0 ? null : upTo.get());
  }

  /** Drops the connection without a close handshake (as a cut link would). */
  public void drop() {
    // A frame the old socket is handing over while we drop is not received: a cut link loses it, and the resume
    // point read next must cover exactly what was processed.
    synchronized (listener) {
      listener.dropped = true;
    }
    ws.abort();
    closed.complete(-1);
  }

  public void send(JsonObject msg) {
    ws.sendText(msg.encode(), true).join();
  }

  public void sendRaw(String text) {
    ws.sendText(text, true).join();
  }

  /** Sends a command and returns its one reply (ack or error). */
  public JsonObject command(JsonObject command) {
    String id = username + "-" + (++counter) + "-" + System.nanoTime();
    return command(id, command);
  }

  public JsonObject command(String id, JsonObject command) {
    send(new JsonObject().put("type", "command").put("id", id).put("command", command));
    waitFor(() -> replies.containsKey(id), "reply to " + command.getString("type") + " from " + username);
    return replies.get(id);
  }

  /** Sends a command that must be acknowledged; returns the ack. */
  public JsonObject ok(JsonObject command) {
    JsonObject r = command(command);
    if (!"ack".equals(r.getString("type"))) throw new AssertionError(username + " " + command.getString("type") + " refused: " + r);
    return r;
  }

  /**
   * The frames received after the first {@code index}, as a snapshot: a sub-list of the live list would fail with
   * ConcurrentModificationException as soon as another frame arrives while it is read.
   */
  public List<JsonObject> framesSince(int index) {
    List<JsonObject> all = new ArrayList<>(frames);
    return all.subList(Math.min(index, all.size()), all.size());
  }

  public static JsonObject cmd(String type) {
    return new JsonObject().put("type", type);
  }

  public JsonObject awaitEvent(String type, Predicate<JsonObject> data) {
    waitFor(() -> events.stream().anyMatch(e -> e.getString("type").equals(type) && data.test(e.getJsonObject("data"))),
        username + " to see " + type);
    return events.stream().filter(e -> e.getString("type").equals(type) && data.test(e.getJsonObject("data")))
        .findFirst().orElseThrow();
  }

  public boolean sawEvent(String type) {
    return events.stream().anyMatch(e -> e.getString("type").equals(type));
  }

  public JsonObject awaitTally(Predicate<JsonObject> p) {
    waitFor(() -> tallies.stream().anyMatch(p), username + " to see a matching tally");
    List<JsonObject> l = new ArrayList<>(tallies);
    Collections.reverse(l);
    return l.stream().filter(p).findFirst().orElseThrow();
  }

  public JsonObject lastTally(String voteId) {
    List<JsonObject> l = new ArrayList<>(tallies);
    Collections.reverse(l);
    return l.stream().filter(t -> t.getString("voteId").equals(voteId)).findFirst().orElse(null);
  }

  public List<Long> eventSeqs() {
    List<Long> out = new ArrayList<>();
    for (JsonObject e : events) out.add(e.getLong("seq"));
    return out;
  }

  public static void waitFor(java.util.function.BooleanSupplier cond, String what) {
    waitFor(cond, 15_000, what);
  }

  public static void waitFor(java.util.function.BooleanSupplier cond, long timeoutMs, String what) {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (!cond.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) throw new AssertionError("timed out waiting for " + what);
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private void onFrame(JsonObject f) {
    if (System.getenv("TC_DEBUG") != null) System.err.println("FRAME " + username + " " + f.encode().substring(0, Math.min(200, f.encode().length())));
    FrameSchemaCheck.received(f);
    frames.add(f);
    switch (f.getString("type", "")) {
      case "welcome" -> welcome = f;
      case "events" -> {
        JsonArray arr = f.getJsonArray("events");
        for (int i = 0; i < arr.size(); i++) {
          JsonObject e = arr.getJsonObject(i);
          long seq = e.getLong("seq");
          if (!seen.add(seq)) duplicates.add(seq);
          if (seq <= upTo.get()) duplicates.add(seq); // out of order or already covered
          events.add(e);
        }
        upTo.accumulateAndGet(f.getLong("upTo"), Math::max);
      }
      case "snapshot" -> {
        snapshots.add(f);
        upTo.set(f.getLong("upTo"));
      }
      case "tally" -> tallies.add(f);
      case "ack", "error" -> {
        String id = f.getString("id");
        if (id != null) replies.put(id, f);
      }
      default -> { }
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();
    private boolean dropped;

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        synchronized (this) {
          if (!dropped) onFrame(new JsonObject(partial.toString()));
        }
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closed.complete(-2);
    }
  }

  @Override
  public void close() {
    try {
      if (ws != null && !ws.isOutputClosed()) ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    } catch (Exception ignored) {
      // already gone
    }
  }

  /** The demo conference's current state as this client may see it, over REST. */
  public JsonObject state() {
    return http(baseUrl, "GET", "/api/conferences/demo/state", null, accessToken);
  }

  public static Map<String, Object> fields(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
    return m;
  }
}
