package vn.hoinghi.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoinghi.testing.TestClient.cmd;
import static vn.hoinghi.testing.TestClient.http;
import static vn.hoinghi.testing.TestClient.post;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.testing.Await;
import vn.hoinghi.testing.TestServer;

/** Sentences of docs/api.md that an outside client found ambiguous, pinned over real HTTP. */
@DisplayName("REST behaviour as docs/api.md states it")
class RestContractTest {
  static TestServer server;
  static String base;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    server = TestServer.start(TestServer.StoreKind.EMBEDDED, new JsonObject().put("demo.seed", true));
    base = server.baseUrl();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String login(String user) {
    JsonObject r = post(base, "/api/login", new JsonObject().put("username", user).put("password", "hoinghi-demo"), null);
    assertThat(r.getInteger("_status")).as(r.encode()).isEqualTo(200);
    return r.getString("accessToken");
  }

  private static long logEnd(String conf) {
    return Await.of(server.app.store().latestSeq(conf));
  }

  /** POST with an Idempotency-Key header; the answer's status goes in "_status". */
  private static JsonObject postWithKey(String path, JsonObject body, String token, String key) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body.encode())).build(),
        HttpResponse.BodyHandlers.ofString());
    return new JsonObject(r.body()).put("_status", r.statusCode());
  }

  @Test
  @DisplayName("POST …/commands takes the command id from the body; an Idempotency-Key that differs from it is a 400")
  void commandsIdempotencyKey() throws Exception {
    String chair = login("chutri");
    JsonObject body = new JsonObject().put("id", "contract-add-1").put("command", cmd("AddAgendaItem")
        .put("title", "Phát biểu bổ sung").put("kind", "DISCUSSION").put("plannedMinutes", 5)
        .put("nodeIds", new io.vertx.core.json.JsonArray()));
    long before = logEnd("demo");
    JsonObject mismatch = postWithKey("/api/conferences/demo/commands", body, chair, "another-key");
    assertThat(mismatch.getInteger("_status")).as(mismatch.encode()).isEqualTo(400);
    assertThat(mismatch.getString("code")).isEqualTo("INVALID_MESSAGE");
    assertThat(mismatch.getJsonArray("details").getString(0)).contains("Idempotency-Key");
    assertThat(logEnd("demo")).as("nothing applied").isEqualTo(before);

    JsonObject first = postWithKey("/api/conferences/demo/commands", body, chair, "contract-add-1");
    assertThat(first.getString("type")).as(first.encode()).isEqualTo("ack");
    assertThat(first.getBoolean("duplicate")).isFalse();
    JsonObject withoutKey = post(base, "/api/conferences/demo/commands", body, chair);
    assertThat(withoutKey.getBoolean("duplicate")).as("the body's id is the command id").isTrue();
    assertThat(withoutKey.getLong("lastSeq")).isEqualTo(first.getLong("lastSeq"));
  }

  @Test
  @DisplayName("POST /api/conferences fills speakingLimitSeconds (300) and defaultVoteMode (NAMED) when left out")
  void createConferenceDefaults() {
    String org = login("bantochuc");
    JsonObject created = post(base, "/api/conferences", new JsonObject().put("title", "Hội nghị mặc định"), org);
    assertThat(created.getInteger("_status")).as(created.encode()).isEqualTo(201);
    String id = created.getString("conferenceId");
    JsonObject settings = http(base, "GET", "/api/conferences/" + id + "/state", null, org)
        .getJsonObject("state").getJsonObject("info").getJsonObject("settings");
    assertThat(settings.getInteger("speakingLimitSeconds")).isEqualTo(300);
    assertThat(settings.getString("defaultVoteMode")).isEqualTo("NAMED");
    JsonObject explicit = post(base, "/api/conferences", new JsonObject().put("title", "Hội nghị phiếu kín")
        .put("speakingLimitSeconds", 120).put("defaultVoteMode", "ANONYMOUS"), org);
    JsonObject given = http(base, "GET", "/api/conferences/" + explicit.getString("conferenceId") + "/state", null, org)
        .getJsonObject("state").getJsonObject("info").getJsonObject("settings");
    assertThat(given.getInteger("speakingLimitSeconds")).isEqualTo(120);
    assertThat(given.getString("defaultVoteMode")).isEqualTo("ANONYMOUS");
  }
}
