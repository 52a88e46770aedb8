package vn.hoinghi.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoinghi.testing.TestClient.cmd;
import static vn.hoinghi.testing.TestClient.http;
import static vn.hoinghi.testing.TestClient.post;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.testing.Await;
import vn.hoinghi.testing.TestClient;
import vn.hoinghi.testing.TestServer;

/**
 * Invite codes and retried registrations as docs/api.md and docs/protocol.md describe them: one code rule on the
 * WebSocket and over REST, and an Idempotency-Key retry that answers what the first request created.
 */
@DisplayName("Invite codes and retried registrations, over REST and the WebSocket")
class InvitesAndRetriesTest {
  static TestServer server;
  static String base;
  static final HttpClient HTTP = HttpClient.newHttpClient();

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

  private static long logEnd() {
    return Await.of(server.app.store().latestSeq("demo"));
  }

  private static String dtp(String token) {
    return LiveSessionTest.endpointId(http(base, "GET", "/api/conferences/demo/state", null, token), "DTP");
  }

  /** A POST with an Idempotency-Key header. */
  private static JsonObject postKeyed(String path, JsonObject body, String token, String key) {
    try {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
          .POST(HttpRequest.BodyPublishers.ofString(body.encode()))
          .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
          .header("Idempotency-Key", key);
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new JsonObject(r.body()).put("_status", r.statusCode());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonObject join(String code, String name) {
    return post(base, "/api/join", new JsonObject().put("conferenceId", "demo").put("code", code).put("displayName", name), null);
  }

  @Test
  @DisplayName("an invite issued over the socket, without code, uses or expiry, gets a drawn code and REST's defaults; "
      + "its code joins in any case")
  void socketInviteDefaultsAndCase() {
    String org = login("bantochuc");
    String dtp = dtp(org);
    try (TestClient host = TestClient.demo(server, "dongthap")) {
      JsonObject ack = host.ok(cmd("IssueInvite").put("role", "DELEGATE").put("endpointId", dtp));
      // The ack carries no code: the InviteIssued event of sequence firstSeq does (the issuer is in its audience).
      JsonObject issued = host.awaitEvent("InviteIssued", d -> true);
      assertThat(issued.getLong("seq")).isEqualTo(ack.getLong("firstSeq"));
      JsonObject socket = issued.getJsonObject("data");
      String code = socket.getString("code");
      assertThat(code).matches("[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{10}");
      assertThat(socket.getInteger("maxUses")).isEqualTo(500);
      JsonObject rest = post(base, "/api/conferences/demo/invites", new JsonObject().put("role", "DELEGATE").put("endpointId", dtp), org);
      assertThat(rest.getInteger("_status")).as(rest.encode()).isEqualTo(201);
      JsonObject restEvent = host.awaitEvent("InviteIssued", d -> d.getString("code").equals(rest.getString("code")))
          .getJsonObject("data");
      assertThat(restEvent.getInteger("maxUses")).isEqualTo(socket.getInteger("maxUses"));
      Instant a = Instant.parse(socket.getString("expiresAt"));
      Instant b = Instant.parse(restEvent.getString("expiresAt"));
      assertThat(Duration.between(Instant.now(), a)).isBetween(Duration.ofDays(7).minusMinutes(5), Duration.ofDays(7));
      assertThat(Duration.between(a, b).abs()).isLessThan(Duration.ofMinutes(5));
      // Typed in lower case, or mixed, with spaces: the same invite.
      // (A hall's shared delegate link: the join is a request for the hall's host, 202.)
      JsonObject lower = join(code.toLowerCase(Locale.ROOT), "Người gõ chữ thường");
      assertThat(lower.getInteger("_status")).as(lower.encode()).isEqualTo(202);
      String mixed = "  " + code.substring(0, 5).toLowerCase(Locale.ROOT) + code.substring(5) + " ";
      assertThat(join(mixed, "Người gõ lẫn").getInteger("_status")).isEqualTo(202);
      // Revoked with a lower-case code in the path: nobody joins any more.
      JsonObject revoked = http(base, "DELETE", "/api/conferences/demo/invites/" + code.toLowerCase(Locale.ROOT), null, org);
      assertThat(revoked.getInteger("_status")).as(revoked.encode()).isEqualTo(200);
      assertThat(join(code, "Người đến muộn").getString("code")).isEqualTo("WRONG_STATE");
    }
  }

  @Test
  @DisplayName("a code chosen by the client is refused, on the socket and over REST, and nothing is issued")
  void clientCodesRefused() {
    String org = login("bantochuc");
    String dtp = dtp(org);
    long before = logEnd();
    try (TestClient host = TestClient.demo(server, "dongthap")) {
      for (String code : new String[] {"K7P2QX9MNA", "Thu2c4b8aMa", "lowercase1", "SHORT6"}) {
        JsonObject ws = host.command(cmd("IssueInvite").put("code", code).put("role", "DELEGATE").put("endpointId", dtp));
        assertThat(ws.getString("type")).as(ws.encode()).isEqualTo("error");
        assertThat(ws.getString("code")).isEqualTo("INVALID_MESSAGE");
        assertThat(ws.getJsonArray("details").encode()).contains("code");
        JsonObject rest = post(base, "/api/conferences/demo/invites", new JsonObject().put("code", code)
            .put("role", "DELEGATE").put("endpointId", dtp), org);
        assertThat(rest.getInteger("_status")).as(rest.encode()).isEqualTo(400);
        assertThat(rest.getJsonArray("details").encode()).contains("code");
        JsonObject generic = post(base, "/api/conferences/demo/commands", new JsonObject().put("id", "inv-" + code)
            .put("command", cmd("IssueInvite").put("code", code).put("role", "DELEGATE").put("endpointId", dtp)), org);
        assertThat(generic.getInteger("_status")).as(generic.encode()).isEqualTo(400);
      }
    }
    assertThat(logEnd()).as("nothing was recorded").isEqualTo(before);
  }

  @Test
  @DisplayName("POST /invites retried with the same Idempotency-Key answers the code it issued, and that code joins")
  void inviteRetry() {
    String org = login("bantochuc");
    JsonObject body = new JsonObject().put("role", "DELEGATE").put("endpointId", dtp(org)).put("maxUses", 1);
    JsonObject first = postKeyed("/api/conferences/demo/invites", body, org, "invite-retry-1");
    assertThat(first.getInteger("_status")).as(first.encode()).isEqualTo(201);
    long end = logEnd();
    JsonObject again = postKeyed("/api/conferences/demo/invites", body, org, "invite-retry-1");
    assertThat(again.getInteger("_status")).as(again.encode()).isEqualTo(201);
    assertThat(again.getBoolean("duplicate")).isTrue();
    assertThat(again.getString("code")).isEqualTo(first.getString("code"));
    assertThat(again.getString("joinUrl")).isEqualTo(first.getString("joinUrl"));
    assertThat(logEnd()).as("issued once").isEqualTo(end);
    assertThat(join(again.getString("code"), "Khách qua mã gửi lại").getInteger("_status")).isEqualTo(201);
  }

  @Test
  @DisplayName("POST /participants retried with the same Idempotency-Key answers the same participant, and the same "
      + "login without 'username is taken'")
  void participantRetry() {
    String org = login("bantochuc");
    String dtp = dtp(org);
    JsonObject plain = new JsonObject().put("displayName", "Lê Thị Thử Lại").put("roles", new JsonArray().add("DELEGATE"))
        .put("endpointId", dtp);
    JsonObject first = postKeyed("/api/conferences/demo/participants", plain, org, "reg-retry-1");
    assertThat(first.getInteger("_status")).as(first.encode()).isEqualTo(201);
    JsonObject again = postKeyed("/api/conferences/demo/participants", plain, org, "reg-retry-1");
    assertThat(again.getInteger("_status")).as(again.encode()).isEqualTo(201);
    assertThat(again.getBoolean("duplicate")).isTrue();
    assertThat(again.getString("participantId")).isNotNull().isEqualTo(first.getString("participantId"));

    JsonObject withLogin = plain.copy().put("displayName", "Trần Văn Có Tài Khoản").put("username", "thulai01")
        .put("password", "mat-khau-du-dai-1");
    JsonObject one = postKeyed("/api/conferences/demo/participants", withLogin, org, "reg-retry-2");
    assertThat(one.getInteger("_status")).as(one.encode()).isEqualTo(201);
    long end = logEnd();
    JsonObject two = postKeyed("/api/conferences/demo/participants", withLogin, org, "reg-retry-2");
    assertThat(two.getInteger("_status")).as(two.encode()).isEqualTo(201);
    assertThat(two.getString("participantId")).isEqualTo(one.getString("participantId"));
    assertThat(two.getString("accountId")).isNotNull().isEqualTo(one.getString("accountId"));
    assertThat(logEnd()).as("registered once").isEqualTo(end);
    JsonObject logged = post(base, "/api/login", new JsonObject().put("username", "thulai01")
        .put("password", "mat-khau-du-dai-1").put("conferenceId", "demo"), null);
    assertThat(logged.getString("participantId")).isEqualTo(one.getString("participantId"));
    // Another request (another key) with that username is still refused.
    JsonObject other = postKeyed("/api/conferences/demo/participants", withLogin, org, "reg-retry-3");
    assertThat(other.getInteger("_status")).isEqualTo(400);
    assertThat(other.getJsonArray("details").encode()).contains("username is taken");
  }

  @Test
  @DisplayName("every refusal of POST /api/join that docs/api.md lists: status, code, and nothing joined")
  void joinRefusals() throws Exception {
    String org = login("bantochuc");
    String dtp = dtp(org);
    JsonObject once = post(base, "/api/conferences/demo/invites", new JsonObject().put("role", "DELEGATE")
        .put("endpointId", dtp).put("maxUses", 1), org);
    assertThat(join(once.getString("code"), "Người đầu tiên").getInteger("_status")).isEqualTo(201);
    // A single-use code names its person (used again, it signs them in); a screen's invite for two is used up at three.
    JsonObject seat = post(base, "/api/conferences/demo/invites", new JsonObject().put("role", "OBSERVER")
        .put("endpointId", dtp).put("maxUses", 2), org);
    assertThat(join(seat.getString("code"), "Màn hình").getInteger("_status")).isEqualTo(201);
    assertThat(join(seat.getString("code"), "Màn hình 2").getInteger("_status")).isEqualTo(201);
    JsonObject unused = post(base, "/api/conferences/demo/invites", new JsonObject().put("role", "OBSERVER")
        .put("endpointId", dtp).put("maxUses", 1), org);
    JsonObject soon = post(base, "/api/conferences/demo/invites", new JsonObject().put("role", "DELEGATE")
        .put("endpointId", dtp).put("expiresAt", Instant.now().plusSeconds(2).toString()), org);
    JsonObject revoked = post(base, "/api/conferences/demo/invites", new JsonObject().put("role", "DELEGATE")
        .put("endpointId", dtp), org);
    http(base, "DELETE", "/api/conferences/demo/invites/" + revoked.getString("code"), null, org);
    Thread.sleep(2200);
    long before = logEnd();
    assertRefused(post(base, "/api/join", new JsonObject().put("conferenceId", "demo").put("code", "K7P2QX9MNA")
        .put("displayName", 42), null), 400, "INVALID");
    assertRefused(post(base, "/api/join", new JsonObject().put("conferenceId", "demo"), null), 400, "INVALID");
    assertRefused(http(base, "POST", "/api/join", "{oops", null), 400, "MALFORMED_JSON");
    assertRefused(join("x", "Người"), 400, "INVALID");
    assertRefused(join(unused.getString("code"), " "), 400, "INVALID");
    assertRefused(post(base, "/api/join", new JsonObject().put("conferenceId", "khong-co").put("code", "K7P2QX9MNA")
        .put("displayName", "Người"), null), 404, "NOT_FOUND");
    assertRefused(join("K7P2QX9MNB", "Người"), 404, "NOT_FOUND");
    assertRefused(join(revoked.getString("code"), "Người"), 409, "WRONG_STATE");
    assertRefused(join(soon.getString("code"), "Người"), 409, "WRONG_STATE");
    assertRefused(join(seat.getString("code"), "Màn hình thứ ba"), 413, "LIMIT");
    assertThat(logEnd()).as("nobody joined").isEqualTo(before);
  }

  private static void assertRefused(JsonObject r, int status, String code) {
    assertThat(r.getInteger("_status")).as(r.encode()).isEqualTo(status);
    assertThat(r.getString("code")).as(r.encode()).isEqualTo(code);
    assertThat(r.getJsonObject("message").getString("en")).isNotBlank();
  }
}
