package vn.hoinghi.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoinghi.testing.TestClient.cmd;

import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.testing.Await;
import vn.hoinghi.testing.TestClient;
import vn.hoinghi.testing.TestServer;
import vn.hoinghi.testing.WsProbe;

/** Whatever a broken or hostile client sends: a typed error or a close code, and the state untouched. */
@DisplayName("Bad input on the WebSocket")
class ProtocolAbuseTest {
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(TestServer.StoreKind.EMBEDDED, new JsonObject().put("demo.seed", true));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private long logEnd() {
    return Await.of(server.app.store().latestSeq("demo"));
  }

  private static JsonObject lastError(TestClient c) {
    TestClient.waitFor(() -> c.frames.stream().anyMatch(f -> f.getString("type").equals("error")), "an error");
    return c.frames.stream().filter(f -> f.getString("type").equals("error")).reduce((a, b) -> b).orElseThrow();
  }

  private static JsonObject errorAfter(TestClient c, Runnable send) {
    int before = (int) c.frames.stream().filter(f -> f.getString("type").equals("error")).count();
    send.run();
    TestClient.waitFor(() -> c.frames.stream().filter(f -> f.getString("type").equals("error")).count() > before, "an error");
    return lastError(c);
  }

  @Test
  @DisplayName("an organizer hello without conferenceId is INVALID_MESSAGE and keeps the connection; a corrected hello is welcomed")
  void organizerHelloWithoutConference() throws Exception {
    JsonObject login = TestClient.post(server.baseUrl(), "/api/login",
        new JsonObject().put("username", "bantochuc").put("password", "hoinghi-demo"), null);
    assertThat(login.getString("kind")).as(login.encode()).isEqualTo("organizer");
    try (WsProbe p = WsProbe.connect("ws://127.0.0.1:" + server.port() + "/ws")) {
      p.next(); // server greeting
      JsonObject hello = new JsonObject().put("type", "hello").put("token", login.getString("accessToken"));
      p.send(hello.encode());
      JsonObject error = new JsonObject(p.next());
      assertThat(error.getString("code")).isEqualTo("INVALID_MESSAGE");
      assertThat(error.getJsonArray("details").getString(0)).contains("conferenceId");
      p.send(hello.put("conferenceId", "demo").encode());
      JsonObject welcome = new JsonObject(p.next());
      assertThat(welcome.getString("type")).as(welcome.encode()).isEqualTo("welcome");
      assertThat(welcome.getString("conferenceId")).isEqualTo("demo");
      assertThat(p.closeCode).isNotDone();
    }
  }

  @Test
  @DisplayName("a ping's t is echoed when it is a finite number; one beyond a double is not (the pong stays a valid frame)")
  void pingBeyondDouble() {
    try (WsProbe p = WsProbe.connect("ws://127.0.0.1:" + server.port() + "/ws")) {
      p.next(); // server greeting
      p.send("{\"type\":\"ping\",\"t\":1733.5}");
      assertThat(new JsonObject(p.next()).getDouble("t")).isEqualTo(1733.5);
      p.send("{\"type\":\"ping\",\"t\":1e400}");
      JsonObject pong = new JsonObject(p.next());
      assertThat(pong.getString("type")).isEqualTo("pong");
      assertThat(pong.containsKey("t")).as(pong.encode()).isFalse();
      assertThat(pong.getString("serverTime")).isNotBlank();
    }
  }

  @Test
  @DisplayName("malformed JSON, non-objects, unknown types and bad envelopes get typed errors; the connection stays")
  void malformed() {
    TestClient c = TestClient.demo(server, "daibieu1");
    long before = logEnd();
    assertThat(errorAfter(c, () -> c.sendRaw("{not json")).getString("code")).isEqualTo("MALFORMED_JSON");
    assertThat(errorAfter(c, () -> c.sendRaw("[1,2,3]")).getString("code")).isEqualTo("INVALID_MESSAGE");
    assertThat(errorAfter(c, () -> c.sendRaw("\"hello\"")).getString("code")).isEqualTo("INVALID_MESSAGE");
    assertThat(errorAfter(c, () -> c.sendRaw("{\"type\":\"launch\"}")).getString("code")).isEqualTo("UNKNOWN_TYPE");
    assertThat(errorAfter(c, () -> c.sendRaw("{\"type\":\"command\",\"command\":{\"type\":\"CastBallot\"}}")).getString("code"))
        .isEqualTo("INVALID_MESSAGE");
    assertThat(errorAfter(c, () -> c.sendRaw("{\"type\":\"command\",\"id\":\"x1\",\"command\":{\"type\":\"DropTables\"}}"))
        .getString("code")).isEqualTo("UNKNOWN_COMMAND");
    JsonObject wrongType = errorAfter(c, () -> c.sendRaw(
        "{\"type\":\"command\",\"id\":\"x2\",\"command\":{\"type\":\"CastBallot\",\"voteId\":5,\"choice\":\"AGREE\"}}"));
    assertThat(wrongType.getString("code")).isEqualTo("INVALID_MESSAGE");
    assertThat(wrongType.getString("id")).isEqualTo("x2");
    assertThat(wrongType.getJsonArray("details").getString(0)).contains("voteId");
    assertThat(errorAfter(c, () -> c.sendRaw("{\"type\":\"ping\",\"extra\":true}")).getString("code")).isEqualTo("INVALID_MESSAGE");
    JsonObject huge = errorAfter(c, () -> c.sendRaw(
        "{\"type\":\"command\",\"id\":\"x3\",\"command\":{\"type\":\"CastBallot\",\"choice\":1e400}}"));
    assertThat(huge.getString("code")).isEqualTo("INVALID_MESSAGE");
    assertThat(huge.getString("id")).isEqualTo("x3");
    String deep = "[".repeat(200) + "]".repeat(200);
    assertThat(errorAfter(c, () -> c.sendRaw("{\"type\":\"ping\",\"t\":" + deep + "}")).getString("code"))
        .isEqualTo("MALFORMED_JSON");
    assertThat(errorAfter(c, () -> c.sendRaw("{\"type\":\"hello\",\"token\":\"x\"}")).getString("code"))
        .isEqualTo("ALREADY_AUTHENTICATED");
    // Still alive and still in the conference.
    c.send(new JsonObject().put("type", "ping").put("t", 1));
    TestClient.waitFor(() -> c.frames.stream().anyMatch(f -> f.getString("type").equals("pong")), "pong");
    assertThat(c.closed).isNotDone();
    assertThat(logEnd()).isEqualTo(before);
    c.close();
  }

  @Test
  @DisplayName("domain-invalid input (an over-long annotation, a bad selector) is refused and changes nothing")
  void domainLimits() {
    TestClient c = TestClient.demo(server, "daibieu2");
    long before = logEnd();
    JsonObject r = c.command(cmd("AddAnnotation").put("nodeId", "d8").put("kind", "COMMENT").put("body", "x".repeat(5000)));
    assertThat(r.getString("type")).isEqualTo("error");
    JsonObject sel = c.command(cmd("AddAnnotation").put("nodeId", "d8").put("kind", "COMMENT").put("body", "ok")
        .put("quote", new JsonObject().put("exact", "không có trong điều này")).put("position",
            new JsonObject().put("start", 0).put("end", 23)));
    assertThat(sel.getString("type")).isEqualTo("error");
    assertThat(logEnd()).isEqualTo(before);
    c.close();
  }

  @Test
  @DisplayName("a binary frame is refused with UNSUPPORTED; an oversized message closes with 1009")
  void binaryAndOversized() throws Exception {
    TestClient c = TestClient.demo(server, "daibieu3");
    WsProbe raw = WsProbe.connect("ws://127.0.0.1:" + server.port() + "/ws");
    raw.next(); // server greeting
    java.lang.reflect.Field f = WsProbe.class.getDeclaredField("ws");
    f.setAccessible(true);
    java.net.http.WebSocket ws = (java.net.http.WebSocket) f.get(raw);
    ws.sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}), true).join();
    assertThat(new JsonObject(raw.next()).getString("code")).isEqualTo("UNSUPPORTED");
    ws.sendText("{\"type\":\"ping\",\"t\":\"" + "x".repeat(70_000) + "\"}", true).join();
    assertThat(raw.closeCode.get(10, TimeUnit.SECONDS)).isEqualTo(1009);
    c.close();
  }

  @Test
  @DisplayName("a flood gets RATE_LIMITED errors, then a 4029 close; nothing of it reaches the log")
  void flood() throws Exception {
    TestClient c = TestClient.demo(server, "daibieu5");
    long before = logEnd();
    for (int i = 0; i < 400 && !c.closed.isDone(); i++) {
      try {
        c.sendRaw("{\"type\":\"command\",\"id\":\"f" + i + "\",\"command\":{\"type\":\"RequestFloor\",\"kind\":\"CONTRIBUTION\",\"forHall\":false}}");
      } catch (Exception closed) {
        break;
      }
    }
    assertThat(c.closed.get(10, TimeUnit.SECONDS)).isEqualTo(4029);
    assertThat(c.frames).anyMatch(fr -> "RATE_LIMITED".equals(fr.getString("code")));
    // At most the burst got through to the domain; the queue holds one waiting request per person anyway.
    assertThat(logEnd() - before).isLessThanOrEqualTo(1);
  }

  @Test
  @DisplayName("a connection that never says hello is closed with 4001 after 10 s")
  void helloTimeout() throws Exception {
    WsProbe raw = WsProbe.connect("ws://127.0.0.1:" + server.port() + "/ws");
    raw.next();
    assertThat(raw.closeCode.get(15, TimeUnit.SECONDS)).isEqualTo(4001);
  }

  @Test
  @DisplayName("commands before hello are refused; a forged token closes with 4001")
  void beforeHelloAndForgedToken() throws Exception {
    WsProbe raw = WsProbe.connect("ws://127.0.0.1:" + server.port() + "/ws");
    raw.next();
    raw.send("{\"type\":\"command\",\"id\":\"c1\",\"command\":{\"type\":\"StartConference\"}}");
    assertThat(new JsonObject(raw.next()).getString("code")).isEqualTo("NOT_AUTHENTICATED");
    raw.send("{\"type\":\"hello\",\"token\":\"eyJhbGciOiJub25lIn0.eyJzdWIiOiJwLTQ0IiwiY29uZiI6ImRlbW8ifQ.\"}");
    assertThat(new JsonObject(raw.next()).getString("code")).isEqualTo("INVALID_TOKEN");
    assertThat(raw.closeCode.get(10, TimeUnit.SECONDS)).isEqualTo(4001);
  }
}
