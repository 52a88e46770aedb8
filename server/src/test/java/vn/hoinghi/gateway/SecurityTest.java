package vn.hoinghi.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoinghi.testing.TestClient.cmd;
import static vn.hoinghi.testing.TestClient.http;
import static vn.hoinghi.testing.TestClient.post;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.auth.Accounts;
import vn.hoinghi.testing.Await;
import vn.hoinghi.testing.Figures;
import vn.hoinghi.testing.MutableClock;
import vn.hoinghi.testing.TestClient;
import vn.hoinghi.testing.TestServer;
import vn.hoinghi.testing.WsProbe;

/**
 * Issue 8, item 5 over real sockets: tokens that must not open a conference, a delegate who tries to act for somebody
 * else, what each role receives on the wire during a whole session, and the login throttle. The cases RestApiTest,
 * TokenTransportTest, ProtocolAbuseTest and WireRolesTest already prove are not repeated here.
 */
@DisplayName("Security: tokens, acting for others, what each role receives, login throttle")
class SecurityTest {
  static TestServer server;
  static String base;

  @BeforeAll
  static void start() {
    server = TestServer.start(TestServer.StoreKind.EMBEDDED, new JsonObject().put("demo.seed", true));
    base = server.baseUrl();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  // ------------------------------------------------------------------------------------------- helpers

  static JsonObject login(String user) {
    JsonObject r = post(base, "/api/login", new JsonObject().put("username", user).put("password", TestClient.DEMO_PASSWORD), null);
    assertThat(r.getInteger("_status")).as(r.encode()).isEqualTo(200);
    return r;
  }

  private static long logEnd(String conf) {
    return Await.of(server.app.store().latestSeq(conf));
  }

  private static String b64(String s) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String unb64(String s) {
    return new String(Base64.getUrlDecoder().decode(s), StandardCharsets.UTF_8);
  }

  private static String jwtSecret() {
    try {
      return Files.readString(server.dataDir.resolve("jwt-hs256.secret")).trim();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static JWTAuth signer(String algorithm, String secret) {
    return JWTAuth.create(server.app.vertx(), new JWTAuthOptions().addPubSecKey(new PubSecKeyOptions()
        .setAlgorithm(algorithm).setBuffer(secret)));
  }

  /** Claims a real access token of {@code login} carries, for forging variants of it. */
  private static JsonObject claimsOf(JsonObject login) {
    return new JsonObject(unb64(login.getString("accessToken").split("\\.")[1]));
  }

  /** What a hello with this token gets: "welcome", or "CODE/closeCode". */
  static String hello(String token, String conferenceId) {
    WsProbe p = WsProbe.connect(base.replace("http://", "ws://") + "/ws");
    p.next(); // server greeting
    JsonObject hello = new JsonObject().put("type", "hello").put("token", token);
    if (conferenceId != null) hello.put("conferenceId", conferenceId);
    p.send(hello.encode());
    JsonObject r = new JsonObject(p.next());
    if (r.getString("type").equals("welcome")) {
      p.close();
      return "welcome";
    }
    try {
      return r.getString("code") + "/" + p.closeCode.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("no close after " + r.encode(), e);
    }
  }

  static int status(String method, String path, String body, String token) {
    return http(base, method, path, body, token).getInteger("_status");
  }

  /** The demo conference in session (the tests share the server, whichever runs first starts it). */
  private static void ensureLive(TestClient chair) {
    JsonObject r = chair.command(cmd("StartConference"));
    assertThat(r.getString("type").equals("ack") || "WRONG_STATE".equals(r.getString("code"))).as(r.encode()).isTrue();
  }

  private static String endpoint(String code) {
    return LiveSessionTest.endpointId(http(base, "GET", "/api/conferences/demo/state", null,
        login("chutri").getString("accessToken")), code);
  }

  // ------------------------------------------------------------------------------------------- 1. tokens

  @Test
  @DisplayName("forged, expired, unsigned, other-algorithm, tampered, wrong-type and other-conference tokens open nothing")
  void tokens() throws Exception {
    JsonObject mai = login("daibieu1");
    String good = mai.getString("accessToken");
    assertThat(hello(good, null)).isEqualTo("welcome");
    JsonObject claims = claimsOf(mai);
    String[] parts = good.split("\\.");
    long now = System.currentTimeMillis() / 1000;
    Map<String, String> wsRefused = new LinkedHashMap<>();

    // Signed with another key; with the right key but expired; the right key but another issuer.
    String forged = signer("HS256", "another-secret-another-secret-another-secret-42")
        .generateToken(claims.copy().put("exp", now + 600), new JWTOptions());
    wsRefused.put("forged signature", forged);
    wsRefused.put("expired", signer("HS256", jwtSecret()).generateToken(claims.copy().put("exp", now - 5), new JWTOptions()));
    wsRefused.put("wrong issuer", signer("HS256", jwtSecret()).generateToken(claims.copy().put("iss", "evil")
        .put("exp", now + 600), new JWTOptions()));
    // No signature at all: alg "none" in three spellings, and an HS256 header with the signature cut off.
    for (String none : List.of("none", "None", "NONE")) {
      wsRefused.put("alg " + none, b64("{\"alg\":\"" + none + "\",\"typ\":\"JWT\"}") + "." + parts[1] + ".");
    }
    wsRefused.put("signature stripped", parts[0] + "." + parts[1] + ".");
    // Another algorithm: the header relabelled, and a token really signed HS512 / HS384 with the server's own secret.
    wsRefused.put("HS512 header on an HS256 signature", b64("{\"alg\":\"HS512\",\"typ\":\"JWT\"}") + "." + parts[1] + "." + parts[2]);
    wsRefused.put("RS256 header on an HMAC signature", b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + parts[1] + "." + parts[2]);
    for (String alg : List.of("HS512", "HS384")) {
      wsRefused.put(alg + " signed with the server secret", signer(alg, jwtSecret())
          .generateToken(claims.copy().put("exp", now + 600), new JWTOptions().setAlgorithm(alg)));
    }
    // The payload changed to another delegate, the original signature kept.
    JsonObject phuc = login("daibieu2");
    JsonObject tampered = claims.copy().put("sub", phuc.getString("participantId"));
    wsRefused.put("payload tampered (another subject)", parts[0] + "." + b64(tampered.encode()) + "." + parts[2]);
    JsonObject promoted = claims.copy().put("roles", new JsonArray().add("CHAIR"));
    wsRefused.put("payload tampered (roles)", parts[0] + "." + b64(promoted.encode()) + "." + parts[2]);
    // A refresh token is not an access token.
    wsRefused.put("refresh token as access token", mai.getString("refreshToken"));

    List<String> rows = new ArrayList<>();
    for (Map.Entry<String, String> c : wsRefused.entrySet()) {
      assertThat(hello(c.getValue(), null)).as(c.getKey() + " on the WebSocket").isEqualTo("INVALID_TOKEN/4001");
      assertThat(status("GET", "/api/conferences/demo/state", null, c.getValue())).as(c.getKey() + " on REST").isEqualTo(401);
      rows.add(c.getKey());
    }
    // The same on the report API, and as the mid-connection "token" message (refused, the connection kept).
    assertThat(status("GET", "/api/conferences/demo/drafts", null, forged)).isEqualTo(401);
    assertThat(status("GET", "/api/conferences/demo/drafts", null, mai.getString("refreshToken"))).isEqualTo(401);
    TestClient live = TestClient.withToken(base, "mai", good).connect(null);
    for (String t : List.of(forged, mai.getString("refreshToken"), phuc.getString("accessToken"))) {
      int before = live.frames.size();
      live.send(new JsonObject().put("type", "token").put("token", t));
      TestClient.waitFor(() -> live.frames.subList(before, live.frames.size()).stream()
          .anyMatch(f -> "INVALID_TOKEN".equals(f.getString("code"))), "token refused");
    }
    assertThat(live.closed).isNotDone();
    live.close();
    rows.add("another participant's token in the token message");

    // ------------------------------------------------ another conference
    String org = login("bantochuc").getString("accessToken");
    JsonObject created = post(base, "/api/conferences", new JsonObject().put("title", "Hội nghị thứ hai").put("speakingLimitSeconds", 300), org);
    assertThat(created.getInteger("_status")).as(created.encode()).isEqualTo(201);
    String other = created.getString("conferenceId");
    assertThat(post(base, "/api/conferences/" + other + "/commands", new JsonObject().put("id", "sec-ep-1")
        .put("command", cmd("AddEndpoint").put("code", "TW").put("name", "Trung ương").put("region", "Bắc").put("level", "CENTRAL")), org)
        .getString("type")).isEqualTo("ack");
    String otherTw = LiveSessionTest.endpointId(http(base, "GET", "/api/conferences/" + other + "/state", null, org), "TW");
    JsonObject reg = post(base, "/api/conferences/" + other + "/participants", new JsonObject().put("displayName", "Người hội nghị hai")
        .put("roles", new JsonArray().add("CHAIR").add("DELEGATE")).put("endpointId", otherTw)
        .put("username", "nguoi.hai").put("password", "mat-khau-hai-2"), org);
    assertThat(reg.getInteger("_status")).as(reg.encode()).isEqualTo(201);
    JsonObject host = login("dongthap");
    String hostToken = host.getString("accessToken");
    String chairToken = login("chutri").getString("accessToken");
    long otherEnd = logEnd(other);
    // A demo token, even the chair's, opens nothing of the other conference.
    for (String t : List.of(good, hostToken, chairToken)) {
      assertThat(hello(t, other)).isEqualTo("FORBIDDEN/4003");
      assertThat(status("GET", "/api/conferences/" + other + "/state", null, t)).isEqualTo(403);
      assertThat(post(base, "/api/conferences/" + other + "/commands", new JsonObject().put("id", "sec-x-" + t.hashCode())
          .put("command", cmd("StartConference")), t).getInteger("_status")).isEqualTo(403);
      assertThat(post(base, "/api/conferences/" + other + "/invites", new JsonObject().put("role", "DELEGATE")
          .put("endpointId", otherTw), t).getInteger("_status")).isEqualTo(403);
      assertThat(status("GET", "/api/conferences/" + other + "/participants/" + reg.getString("participantId"), null, t)).isEqualTo(403);
      assertThat(status("GET", "/api/conferences/" + other + "/audit", null, t)).isEqualTo(403);
      assertThat(status("GET", "/api/conferences/" + other + "/report", null, t)).isEqualTo(403);
      assertThat(status("GET", "/api/conferences/" + other + "/drafts", null, t)).isEqualTo(403);
      assertThat(http(base, "POST", "/api/conferences/" + other + "/endpoints/import", "code,name,region,level\nX1,Xã,Nam,COMMUNE\n", t)
          .getInteger("_status")).isEqualTo(403);
    }
    rows.add("token of conference A used on conference B (WebSocket, 8 REST routes)");
    // The other way round: a token of the second conference opens nothing of the demo.
    JsonObject second = post(base, "/api/login", new JsonObject().put("username", "nguoi.hai").put("password", "mat-khau-hai-2"), null);
    assertThat(second.getString("conferenceId")).isEqualTo(other);
    assertThat(hello(second.getString("accessToken"), "demo")).isEqualTo("FORBIDDEN/4003");
    assertThat(status("GET", "/api/conferences/demo/state", null, second.getString("accessToken"))).isEqualTo(403);
    // A valid token naming the other conference but the demo's participant id: the roster of B has no such person.
    String crossSigned = signer("HS256", jwtSecret()).generateToken(claims.copy().put("conf", other).put("exp", now + 600),
        new JWTOptions());
    assertThat(hello(crossSigned, null)).isIn("FORBIDDEN/4003", "INVALID_TOKEN/4001");
    rows.add("token of conference B used on conference A");
    // Logging in for a conference the account takes no part in; an invite of the demo used to join the other.
    assertThat(post(base, "/api/login", new JsonObject().put("username", "daibieu1").put("password", TestClient.DEMO_PASSWORD)
        .put("conferenceId", other), null).getInteger("_status")).isEqualTo(403);
    JsonObject inv = post(base, "/api/conferences/demo/invites", new JsonObject().put("role", "DELEGATE")
        .put("endpointId", host.getString("endpointId")), hostToken);
    assertThat(inv.getInteger("_status")).as(inv.encode()).isEqualTo(201);
    assertThat(post(base, "/api/join", new JsonObject().put("conferenceId", other).put("code", inv.getString("code"))
        .put("displayName", "Kẻ lạc hội nghị"), null).getInteger("_status")).isBetween(400, 404);
    assertThat(logEnd(other)).as("nothing reached the other conference").isEqualTo(otherEnd);
    rows.add("login for a conference the account is not in");
    rows.add("invite of conference A used to join conference B");

    // ------------------------------------------------ a removed participant (accounts are never deleted)
    JsonObject joined = post(base, "/api/join", new JsonObject().put("conferenceId", "demo").put("code", inv.getString("code"))
        .put("displayName", "Người sẽ bị xoá"), null);
    assertThat(joined.getInteger("_status")).as(joined.encode()).isEqualTo(201);
    TestClient removedLive = TestClient.withToken(base, "removed", joined.getString("accessToken")).connect(null);
    TestClient secretary = TestClient.withToken(base, "secretary", login("thuky").getString("accessToken")).connect(null);
    secretary.ok(cmd("RemoveParticipant").put("participantId", joined.getString("participantId")));
    assertThat(removedLive.closed.get(10, TimeUnit.SECONDS)).as("the open socket of a removed participant").isEqualTo(4003);
    assertThat(hello(joined.getString("accessToken"), null)).isEqualTo("FORBIDDEN/4003");
    assertThat(post(base, "/api/token/refresh", new JsonObject().put("refreshToken", joined.getString("refreshToken")), null)
        .getInteger("_status")).isEqualTo(403);
    assertThat(status("GET", "/api/conferences/demo/state", null, joined.getString("accessToken"))).isEqualTo(403);
    assertThat(status("GET", "/api/conferences/demo/drafts", null, joined.getString("accessToken"))).isEqualTo(403);
    assertThat(post(base, "/api/conferences/demo/commands", new JsonObject().put("id", "sec-removed-1")
        .put("command", cmd("RequestFloor").put("kind", "CONTRIBUTION").put("forHall", false)), joined.getString("accessToken"))
        .getInteger("_status")).isEqualTo(403);
    secretary.close();
    rows.add("token of a removed participant (open socket, hello, refresh, REST)");

    Figures.record("security-tokens", Map.of("tokenKindsRejected", rows.size(), "kinds", new JsonArray(rows).encode(),
        "accepted", 0));
  }
}
