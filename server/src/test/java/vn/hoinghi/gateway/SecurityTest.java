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
      TestClient.waitFor(() -> live.framesSince(before).stream()
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
        .put("endpointId", host.getString("endpointId")).put("maxUses", 1), hostToken);
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

  // ------------------------------------------------------------------------------------------- 2. acting for others

  /** The event a client received at this log sequence (the ack of its command names it). */
  private static JsonObject eventAt(TestClient c, long seq) {
    TestClient.waitFor(() -> c.events.stream().anyMatch(e -> e.getLong("seq") == seq), c.username + " to see seq " + seq);
    return c.events.stream().filter(e -> e.getLong("seq") == seq).findFirst().orElseThrow().getJsonObject("data");
  }

  private static String openVote(TestClient chair, String article, String mode) {
    JsonObject ack = chair.ok(cmd("OpenVote").put("title", "Biểu quyết " + article).put("nodeIds", new JsonArray().add(article))
        .put("mode", mode));
    return eventAt(chair, ack.getLong("firstSeq")).getString("voteId");
  }

  private static JsonObject ballot(String voteId, String article, String choice) {
    return cmd("CastBallot").put("voteId", voteId).put("articleId", article).put("choice", choice);
  }

  @Test
  @DisplayName("a delegate cannot vote, ask, withdraw, edit or record for another delegate or another endpoint")
  void delegateActsOnlyForThemself() {
    TestClient chair = TestClient.demo(server, "chutri");
    ensureLive(chair);
    TestClient mai = TestClient.demo(server, "daibieu1");   // Đồng Tháp
    TestClient phuc = TestClient.demo(server, "daibieu2");  // Đồng Tháp
    TestClient thang = TestClient.demo(server, "daibieu4"); // Hà Nội
    String dtp = mai.welcome.getString("endpointId");
    String hni = thang.welcome.getString("endpointId");
    String named = openVote(chair, "d12", "NAMED");
    String secret = openVote(chair, "d16", "ANONYMOUS");
    phuc.ok(ballot(named, "d12", "AGREE"));
    thang.ok(ballot(named, "d12", "DISAGREE"));
    phuc.ok(ballot(secret, "d16", "AGREE"));
    String request = eventAt(phuc, phuc.ok(cmd("RequestFloor").put("kind", "CONTRIBUTION").put("forHall", false))
        .getLong("firstSeq")).getString("requestId");
    String annotation = eventAt(phuc, phuc.ok(cmd("AddAnnotation").put("nodeId", "d12").put("kind", "COMMENT")
        .put("body", "Góp ý của Phúc")).getLong("firstSeq")).getString("annotationId");
    JsonObject tallyBefore = http(base, "GET", "/api/conferences/demo/votes/" + named + "/tally", null, chair.accessToken);
    long before = logEnd("demo");

    // Naming somebody else inside a command is not part of any command's shape: refused before the domain.
    Map<String, JsonObject> invalid = new LinkedHashMap<>();
    invalid.put("ballot naming another participant", ballot(named, "d12", "DISAGREE").put("participantId", phuc.participantId()));
    invalid.put("ballot naming another voter", ballot(named, "d12", "DISAGREE").put("voter", phuc.participantId()));
    invalid.put("ballot naming another endpoint", ballot(named, "d12", "DISAGREE").put("endpointId", hni));
    invalid.put("secret ballot naming a voter key", ballot(secret, "d16", "DISAGREE").put("voterKey", "k-" + phuc.participantId()));
    invalid.put("floor request naming another participant", cmd("RequestFloor").put("kind", "CONTRIBUTION").put("forHall", false)
        .put("participantId", phuc.participantId()));
    invalid.put("annotation naming another author", cmd("AddAnnotation").put("nodeId", "d12").put("kind", "COMMENT")
        .put("body", "x").put("authorId", phuc.participantId()));
    int cases = 0;
    for (Map.Entry<String, JsonObject> c : invalid.entrySet()) {
      JsonObject r = mai.command(c.getValue());
      assertThat(r.getString("code")).as(c.getKey()).isEqualTo("INVALID_MESSAGE");
      cases++;
    }
    // An envelope that claims another actor, over the WebSocket and over REST.
    int errors = (int) mai.frames.stream().filter(f -> "error".equals(f.getString("type"))).count();
    mai.send(new JsonObject().put("type", "command").put("id", "sec-actor-1").put("actor", phuc.participantId())
        .put("command", ballot(named, "d12", "DISAGREE")));
    TestClient.waitFor(() -> mai.frames.stream().filter(f -> "error".equals(f.getString("type"))).count() > errors, "refusal");
    assertThat(mai.replies.get("sec-actor-1").getString("code")).isEqualTo("INVALID_MESSAGE");
    assertThat(post(base, "/api/conferences/demo/commands", new JsonObject().put("id", "sec-rest-1")
        .put("command", ballot(named, "d12", "DISAGREE").put("participantId", phuc.participantId())), mai.accessToken)
        .getInteger("_status")).isEqualTo(400);
    cases += 2;

    // Commands that name another person's object or another endpoint: FORBIDDEN.
    Map<String, JsonObject> forbidden = new LinkedHashMap<>();
    forbidden.put("hall result for another endpoint", cmd("RecordHallResult").put("voteId", named).put("articleId", "d12")
        .put("endpointId", hni).put("agree", 9).put("disagree", 0).put("other", 0));
    forbidden.put("hall result for the own endpoint (hosts only)", cmd("RecordHallResult").put("voteId", named).put("articleId", "d12")
        .put("endpointId", dtp).put("agree", 9).put("disagree", 0).put("other", 0));
    forbidden.put("clearing another endpoint's result", cmd("ClearHallResult").put("voteId", named).put("articleId", "d12").put("endpointId", hni));
    forbidden.put("checking in another endpoint", cmd("CheckInEndpoint").put("endpointId", hni).put("headCount", 3));
    forbidden.put("head count of another endpoint", cmd("UpdateHeadCount").put("endpointId", hni).put("headCount", 3));
    forbidden.put("floor for the hall", cmd("RequestFloor").put("kind", "CONTRIBUTION").put("forHall", true));
    forbidden.put("withdrawing another's request", cmd("WithdrawFloorRequest").put("requestId", request));
    forbidden.put("editing another's annotation", cmd("EditAnnotation").put("annotationId", annotation).put("body", "sửa trộm"));
    forbidden.put("deleting another's annotation", cmd("DeleteAnnotation").put("annotationId", annotation));
    forbidden.put("inviting into another endpoint", cmd("IssueInvite").put("role", "DELEGATE")
        .put("endpointId", hni).put("maxUses", 1).put("expiresAt", java.time.Instant.now().plusSeconds(3600).toString()));
    forbidden.put("removing another delegate", cmd("RemoveParticipant").put("participantId", phuc.participantId()));
    forbidden.put("renaming another delegate", cmd("UpdateParticipant").put("participantId", phuc.participantId())
        .put("displayName", "Tên giả").put("roles", new JsonArray().add("DELEGATE")).put("endpointId", dtp));
    for (Map.Entry<String, JsonObject> c : forbidden.entrySet()) {
      JsonObject r = mai.command(c.getValue());
      assertThat(r.getString("code")).as(c.getKey() + ": " + r.encode()).isEqualTo("FORBIDDEN");
      cases++;
    }
    assertThat(logEnd("demo")).as("nothing was recorded").isEqualTo(before);
    assertThat(http(base, "GET", "/api/conferences/demo/votes/" + named + "/tally", null, chair.accessToken)
        .getJsonArray("articles")).isEqualTo(tallyBefore.getJsonArray("articles"));

    // Her own ballot counts once, as hers, for her own endpoint, whatever she does.
    mai.ok(ballot(named, "d12", "OTHER").put("text", "Ý kiến riêng"));
    JsonObject mine = chair.awaitEvent("BallotCast", d -> mai.participantId().equals(d.getString("participantId")));
    assertThat(mine.getJsonObject("data").getString("endpointId")).isEqualTo(dtp);
    chair.ok(cmd("CloseVote").put("voteId", named));
    chair.ok(cmd("CloseVote").put("voteId", secret));
    phuc.ok(cmd("WithdrawFloorRequest").put("requestId", request));
    List.of(chair, mai, phuc, thang).forEach(TestClient::close);
    Figures.record("security-acting-for-others", Map.of("cases", cases, "refused", cases, "eventsRecorded", 0));
  }

  // ------------------------------------------------------------------------------------------- 3. what each role receives

  private static final java.util.regex.Pattern BCRYPT = java.util.regex.Pattern.compile("\\$2[abxy]?\\$\\d\\d\\$");
  private static final String[] DEMO_USERS = {"bantochuc", "chutri", "thuky", "dongthap", "hanoi", "daibieu1", "daibieu2",
      "daibieu3", "daibieu4", "daibieu5", "manhinh"};

  /** One observer's forbidden items: strings that must not occur, and a structural rule per frame. */
  private record Watch(TestClient client, Map<String, String> strings, List<String> found) {
    void checkText(String where, String text) {
      for (Map.Entry<String, String> s : strings.entrySet()) {
        if (text.contains(s.getValue())) found.add(client.username + " " + where + ": " + s.getKey());
      }
      if (BCRYPT.matcher(text).find()) found.add(client.username + " " + where + ": a bcrypt hash");
    }

    void flag(String what) {
      found.add(client.username + ": " + what);
    }
  }

  /** Structural checks of one frame against what docs/protocol.md and docs/domain.md let a non-moderator see. */
  private static void checkFrame(Watch w, JsonObject f, String ownKey, String ownHall, List<String> othersOfHall,
                                 String guest) {
    String own = w.client().welcome.getString("participantId");
    switch (f.getString("type")) {
      case "events" -> {
        for (Object o : f.getJsonArray("events")) {
          JsonObject e = (JsonObject) o;
          JsonObject d = e.getJsonObject("data");
          switch (e.getString("type")) {
            case "BallotCast" -> {
              if (!own.equals(d.getString("participantId"))) w.flag("another participant's named ballot " + d.encode());
            }
            case "SecretBallotCast" -> {
              if (!d.getString("voterKey").equals(ownKey)) w.flag("another voter's secret ballot");
              if (d.containsKey("participantId")) w.flag("a secret ballot with a participant id");
            }
            case "InviteIssued", "InviteRevoked", "InviteUsed" -> {
              if (ownHall == null || !ownHall.equals(d.getString("endpointId"))) w.flag("an invite of another hall " + d.encode());
            }
            case "ParticipantRegistered", "ParticipantUpdated" -> {
              if (guest.equals(d.getString("participantId"))) w.flag("a plain delegate's arrival in another's view");
            }
            default -> { }
          }
        }
      }
      case "tally" -> {
        for (Object o : f.getJsonArray("articles")) {
          if (((JsonObject) o).getValue("byEndpoint") != null) w.flag("a per-endpoint tally");
        }
      }
      case "presence" -> {
        if (ownHall == null && (f.containsKey("endpoints") || f.containsKey("participantsOnline"))) w.flag("presence details");
        for (Object o : f.getJsonArray("endpoints", new JsonArray())) {
          if (!((JsonObject) o).getString("endpointId").equals(ownHall)) w.flag("presence of another hall");
        }
        String online = f.getJsonArray("participantsOnline", new JsonArray()).encode();
        for (String p : othersOfHall) if (online.contains("\"" + p + "\"")) w.flag("another hall's participant online");
      }
      case "snapshot" -> checkState(w, f.getJsonObject("state"), ownKey, guest);
      default -> { }
    }
  }

  /** A state (snapshot or REST) as a non-moderator sees it. */
  private static void checkState(Watch w, JsonObject state, String ownKey, String guest) {
    String own = w.client().welcome.getString("participantId");
    for (Object o : state.getJsonArray("votes", new JsonArray())) {
      JsonObject v = (JsonObject) o;
      for (Object b : v.getJsonArray("ballots", new JsonArray())) {
        String voter = ((JsonObject) b).getString("voter");
        if (!voter.equals(own) && !voter.equals(ownKey)) w.flag("another voter's ballot in the state");
      }
      JsonObject tallies = v.getJsonObject("tallies", new JsonObject());
      for (String a : tallies.fieldNames()) {
        if (tallies.getJsonObject(a).getValue("byEndpoint") != null
            && !tallies.getJsonObject(a).getJsonObject("byEndpoint").isEmpty()) {
          w.flag("a per-endpoint tally in the state");
        }
      }
    }
    for (Object o : state.getJsonArray("participants", new JsonArray())) {
      if (guest.equals(((JsonObject) o).getString("id"))) w.flag("a plain delegate of another's roster in the state");
    }
  }

  private static String file(String name) {
    try {
      return Files.readString(server.dataDir.resolve(name)).trim();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  @DisplayName("a delegate, the host of another hall and the hall screen never receive what their role may not see")
  void nothingForbiddenOnTheWire() throws Exception {
    TestClient chair = TestClient.demo(server, "chutri");
    TestClient secretary = TestClient.demo(server, "thuky");
    TestClient hostDtp = TestClient.demo(server, "dongthap");
    TestClient phuc = TestClient.demo(server, "daibieu2");
    TestClient lan = TestClient.demo(server, "daibieu3");
    TestClient thang = TestClient.demo(server, "daibieu4");
    // The three watched from before anything happens: a delegate of Đồng Tháp, the host of Hà Nội, the Đồng Tháp screen.
    TestClient mai = TestClient.demo(server, "daibieu1");
    TestClient hostHni = TestClient.demo(server, "hanoi");
    TestClient screen = TestClient.demo(server, "manhinh");
    ensureLive(chair);
    String dtp = hostDtp.welcome.getString("endpointId");
    String hni = hostHni.welcome.getString("endpointId");
    for (TestClient h : List.of(hostDtp, hostHni)) {
      JsonObject r = h.command(cmd("CheckInEndpoint").put("endpointId", h.welcome.getString("endpointId")).put("headCount", 20));
      assertThat(r.getString("type").equals("ack") || "WRONG_STATE".equals(r.getString("code"))).as(r.encode()).isTrue();
    }

    // Invites of both halls, a guest joining Đồng Tháp with one, a token refresh.
    JsonObject invDtp = post(base, "/api/conferences/demo/invites", new JsonObject().put("role", "DELEGATE").put("endpointId", dtp)
        .put("maxUses", 1), hostDtp.accessToken);
    JsonObject invObs = post(base, "/api/conferences/demo/invites", new JsonObject().put("role", "OBSERVER").put("endpointId", dtp), secretary.accessToken);
    JsonObject invHni = post(base, "/api/conferences/demo/invites", new JsonObject().put("role", "DELEGATE").put("endpointId", hni), chair.accessToken);
    for (JsonObject i : List.of(invDtp, invObs, invHni)) assertThat(i.getInteger("_status")).as(i.encode()).isEqualTo(201);
    JsonObject joined = post(base, "/api/join", new JsonObject().put("conferenceId", "demo").put("code", invDtp.getString("code"))
        .put("displayName", "Khách mời Đồng Tháp"), null);
    assertThat(joined.getInteger("_status")).isEqualTo(201);
    TestClient guest = TestClient.withToken(base, "guest", joined.getString("accessToken")).connect(null);
    JsonObject refreshed = post(base, "/api/token/refresh", new JsonObject().put("refreshToken", mai.login.getString("refreshToken")), null);
    assertThat(refreshed.getInteger("_status")).isEqualTo(200);

    // A named vote and a secret vote.
    String named = openVote(chair, "d13", "NAMED");
    for (TestClient c : List.of(mai, phuc, lan, thang, guest)) c.ok(ballot(named, "d13", "AGREE"));
    phuc.ok(ballot(named, "d13", "OTHER").put("text", "Đề nghị làm rõ"));
    String secret = openVote(chair, "d14", "ANONYMOUS");
    for (TestClient c : List.of(mai, phuc, thang)) c.ok(ballot(secret, "d14", "DISAGREE"));
    String maiKey = mai.awaitEvent("SecretBallotCast", d -> secret.equals(d.getString("voteId"))).getJsonObject("data").getString("voterKey");
    String phucKey = phuc.awaitEvent("SecretBallotCast", d -> secret.equals(d.getString("voteId"))).getJsonObject("data").getString("voterKey");
    String thangKey = thang.awaitEvent("SecretBallotCast", d -> secret.equals(d.getString("voteId"))).getJsonObject("data").getString("voterKey");
    for (TestClient c : List.of(mai, hostHni, screen)) {
      c.awaitTally(t -> secret.equals(t.getString("voteId")) && t.getJsonArray("articles").getJsonObject(0).getInteger("total") == 3);
    }
    chair.ok(cmd("CloseVote").put("voteId", named));
    chair.ok(cmd("CloseVote").put("voteId", secret));

    // Annotations: one public, one hidden by the secretary, one deleted by its author.
    long beforeAnnotations = mai.upTo.get();
    String hiddenText = "NỘI-DUNG-BỊ-ẨN-" + System.nanoTime();
    String deletedText = "NỘI-DUNG-ĐÃ-XOÁ-" + System.nanoTime();
    phuc.ok(cmd("AddAnnotation").put("nodeId", "d13").put("kind", "COMMENT").put("body", "Góp ý công khai"));
    String hidden = eventAt(phuc, phuc.ok(cmd("AddAnnotation").put("nodeId", "d13").put("kind", "QUESTION").put("body", hiddenText))
        .getLong("firstSeq")).getString("annotationId");
    secretary.ok(cmd("HideAnnotation").put("annotationId", hidden).put("reason", "Không phù hợp"));
    String deleted = eventAt(lan, lan.ok(cmd("AddAnnotation").put("nodeId", "d14").put("kind", "COMMENT").put("body", deletedText))
        .getLong("firstSeq")).getString("annotationId");
    lan.ok(cmd("DeleteAnnotation").put("annotationId", deleted));
    // The queue.
    String request = eventAt(phuc, phuc.ok(cmd("RequestFloor").put("kind", "CONTRIBUTION").put("forHall", false))
        .getLong("firstSeq")).getString("requestId");
    chair.ok(cmd("ApproveFloorRequest").put("requestId", request));
    chair.ok(cmd("GrantFloor").put("requestId", request));
    chair.ok(cmd("EndSpeech"));
    for (TestClient c : List.of(mai, hostHni, screen)) {
      c.awaitEvent("SpeechEnded", d -> request.equals(d.getString("requestId")));
      TestClient.waitFor(() -> c.frames.stream().anyMatch(f -> "presence".equals(f.getString("type"))), c.username + " presence");
    }
    // Moderators did get what the others may not (so the checks below look at something real).
    assertThat(secretary.frames.stream().anyMatch(f -> "presence".equals(f.getString("type")) && f.containsKey("endpoints"))).isTrue();
    assertThat(secretary.sawEvent("InviteIssued")).isTrue();
    assertThat(hostDtp.events).anyMatch(e -> e.getString("type").equals("ParticipantRegistered")
        && joined.getString("participantId").equals(e.getJsonObject("data").getString("participantId")));

    // Everything a watched client could not be given.
    Map<String, String> common = new LinkedHashMap<>();
    common.put("the JWT secret", jwtSecret());
    common.put("the ballot secret", file("ballot-hmac.secret"));
    common.put("the demo password", TestClient.DEMO_PASSWORD);
    for (String u : DEMO_USERS) {
      common.put("password hash of " + u, server.app.accounts().byUsername(u).orElseThrow().passwordHash());
    }
    List<TestClient> everyone = List.of(chair, secretary, hostDtp, phuc, lan, thang, mai, hostHni, screen, guest);
    for (TestClient c : everyone) {
      if (c.login != null) common.put("refresh token of " + c.username, c.login.getString("refreshToken"));
    }
    common.put("refresh token of the guest", joined.getString("refreshToken"));
    common.put("refreshed refresh token", refreshed.getString("refreshToken"));
    common.put("refreshed access token", refreshed.getString("accessToken"));
    List<String> found = new ArrayList<>();
    Map<String, Integer> framesByRole = new LinkedHashMap<>();
    int forbiddenChecked = 0;
    int eventsInspected = 0;
    List<String> dtpPeople = List.of(mai.participantId(), phuc.participantId(), lan.participantId(), hostDtp.participantId(),
        screen.participantId(), joined.getString("participantId"));
    String[][] roles = {{"delegate", null, maiKey}, {"host of another hall", hni, null}, {"hall screen", null, null}};
    List<TestClient> watched = List.of(mai, hostHni, screen);
    for (int i = 0; i < 3; i++) {
      TestClient c = watched.get(i);
      Map<String, String> strings = new LinkedHashMap<>(common);
      for (TestClient other : everyone) strings.put("access token of " + other.username, other.accessToken);
      strings.put("Đồng Tháp delegate invite", invDtp.getString("code"));
      strings.put("Đồng Tháp observer invite", invObs.getString("code"));
      if (c != hostHni) strings.put("Hà Nội invite", invHni.getString("code"));
      strings.put("Phúc's voter key", phucKey);
      strings.put("Thắng's voter key", thangKey);
      if (c != mai) strings.put("Mai's voter key", maiKey);
      Watch w = new Watch(c, strings, found);
      eventsInspected += c.events.size();
      for (JsonObject f : c.frames) {
        w.checkText(f.getString("type"), f.encode());
        checkFrame(w, f, roles[i][2], roles[i][1], c == hostHni ? dtpPeople : List.of(), joined.getString("participantId"));
      }
      int frames = c.frames.size();
      // Resuming from before the annotations: the hidden and the deleted text are not sent again.
      TestClient again = TestClient.withToken(base, c.username + "-resume", c.accessToken).connect(beforeAnnotations);
      TestClient fresh = TestClient.withToken(base, c.username + "-fresh", c.accessToken).connect(null);
      JsonObject rest = http(base, "GET", "/api/conferences/demo/state", null, c.accessToken);
      Map<String, String> later = new LinkedHashMap<>(strings);
      later.put("hidden annotation text", hiddenText);
      later.put("deleted annotation text", deletedText);
      Watch lw = new Watch(c, later, found);
      forbiddenChecked += later.size();
      for (TestClient t : List.of(again, fresh)) {
        for (JsonObject f : t.frames) {
          lw.checkText("reconnect " + f.getString("type"), f.encode());
          checkFrame(lw, f, roles[i][2], roles[i][1], c == hostHni ? dtpPeople : List.of(), joined.getString("participantId"));
        }
        frames += t.frames.size();
        t.close();
      }
      lw.checkText("REST state", rest.encode());
      checkState(lw, rest.getJsonObject("state"), roles[i][2], joined.getString("participantId"));
      for (String vote : List.of(named, secret)) {
        JsonObject t = http(base, "GET", "/api/conferences/demo/votes/" + vote + "/tally", null, c.accessToken);
        lw.checkText("REST tally", t.encode());
        checkFrame(lw, t.put("type", "tally"), roles[i][2], roles[i][1], List.of(), joined.getString("participantId"));
      }
      frames += 3;
      framesByRole.put(roles[i][0], frames);
      // REST routes for moderators and organizers only.
      assertThat(status("GET", "/api/conferences/demo/audit", null, c.accessToken)).isEqualTo(403);
      assertThat(status("GET", "/api/conferences/demo/audit/csv", null, c.accessToken)).isEqualTo(403);
      assertThat(post(base, "/api/accounts", new JsonObject().put("username", "ke.la").put("displayName", "Kẻ lạ")
          .put("password", "mat-khau-ke-la"), c.accessToken).getInteger("_status")).isEqualTo(403);
      assertThat(post(base, "/api/conferences/demo/invites", new JsonObject().put("role", "DELEGATE").put("endpointId", dtp),
          c.accessToken).getInteger("_status")).isEqualTo(403);
      assertThat(post(base, "/api/conferences/demo/participants", new JsonObject().put("displayName", "Kẻ lạ")
          .put("roles", new JsonArray().add("CHAIR")).put("endpointId", dtp), c.accessToken).getInteger("_status")).isEqualTo(403);
    }
    // Nobody at all, moderators included, is told who cast a secret ballot.
    for (TestClient c : everyone) {
      for (JsonObject e : c.events) {
        if (e.getString("type").equals("SecretBallotCast")) {
          assertThat(e.getJsonObject("data").fieldNames()).doesNotContain("participantId");
          assertThat(c == mai || c == phuc || c == thang).as(c.username + " got a secret ballot").isTrue();
        }
      }
    }
    assertThat(found).as("forbidden items on the wire").isEmpty();
    everyone.forEach(TestClient::close);
    Figures.record("security-wire-visibility", Map.of("framesDelegate", framesByRole.get("delegate"),
        "framesHostOfAnotherHall", framesByRole.get("host of another hall"), "framesHallScreen", framesByRole.get("hall screen"),
        "eventsInspected", eventsInspected, "forbiddenItemsChecked", forbiddenChecked, "forbiddenFound", found.size(),
        "restRoutesRefused", 5 * 3));
  }

  // ------------------------------------------------------------------------------------------- 5. login throttle

  private static HttpResponse<String> rawLogin(TestServer s, String path, JsonObject body) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(s.baseUrl() + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.encode())).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> attempt(TestServer s, String user, String password) throws Exception {
    return rawLogin(s, "/api/login", new JsonObject().put("username", user).put("password", password));
  }

  /** A 429 THROTTLED with a positive Retry-After; returns the seconds. */
  private static long throttled(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(429);
    assertThat(new JsonObject(r.body()).getString("code")).isEqualTo("THROTTLED");
    long wait = Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow());
    assertThat(wait).isPositive();
    return wait;
  }

  @Test
  @DisplayName("failed logins are slowed per user and per address: 429 + Retry-After even with the right password, then recovery")
  void loginThrottle() throws Exception {
    MutableClock clock = new MutableClock(java.time.Instant.parse("2026-11-27T08:00:00Z"));
    int attempts = 0;
    int refusedWith429 = 0;
    try (TestServer s = TestServer.start(TestServer.StoreKind.EMBEDDED, new JsonObject(), clock)) {
      for (int i = 0; i <= 26; i++) {
        // Organizer accounts: a right password then logs in (an account in no conference would get 403 NO_CONFERENCE).
        Await.of(s.app.accounts().create("thu.nghiem" + i, "Thử nghiệm " + i, "mat-khau-dung-" + i, true, 4));
      }
      // Per user: five failures are free; the fifth starts a wait.
      for (int i = 0; i < 5; i++, attempts++) assertThat(attempt(s, "thu.nghiem0", "sai-" + i).statusCode()).isEqualTo(401);
      long wait = throttled(attempt(s, "thu.nghiem0", "mat-khau-dung-0"));
      throttled(attempt(s, "THU.NGHIEM0 ", "mat-khau-dung-0")); // the same user however spelled
      attempts += 2;
      refusedWith429 += 2;
      // Another user from the same address is not held up by it.
      assertThat(attempt(s, "thu.nghiem1", "mat-khau-dung-1").statusCode()).isEqualTo(200);
      attempts++;
      // When the wait is over the right password works again, and clears the count.
      clock.set(clock.instant().plusSeconds(wait));
      assertThat(attempt(s, "thu.nghiem0", "mat-khau-dung-0").statusCode()).isEqualTo(200);
      attempts++;
      // Waits grow while failures go on, and end with the window.
      for (int i = 0; i < 5; i++, attempts++) assertThat(attempt(s, "thu.nghiem0", "sai-lan-hai-" + i).statusCode()).isEqualTo(401);
      long first = throttled(attempt(s, "thu.nghiem0", "mat-khau-dung-0"));
      clock.set(clock.instant().plusSeconds(first));
      assertThat(attempt(s, "thu.nghiem0", "sai-nua").statusCode()).isEqualTo(401);
      long second = throttled(attempt(s, "thu.nghiem0", "mat-khau-dung-0"));
      assertThat(second).isGreaterThan(first);
      attempts += 3;
      refusedWith429 += 2;
      clock.set(clock.instant().plusSeconds(16 * 60));
      assertThat(attempt(s, "thu.nghiem0", "mat-khau-dung-0").statusCode()).isEqualTo(200);
      attempts++;

      // Per address: a spray over many users (four each, never enough per user) is held after 100 failures.
      for (int u = 1; u <= 25; u++) {
        for (int i = 0; i < 4; i++, attempts++) assertThat(attempt(s, "thu.nghiem" + u, "sai-" + i).statusCode()).isEqualTo(401);
      }
      long addressWait = throttled(attempt(s, "thu.nghiem26", "mat-khau-dung-26"));
      throttled(attempt(s, "thu.nghiem0", "mat-khau-dung-0"));
      attempts += 2;
      refusedWith429 += 2;
      clock.set(clock.instant().plusSeconds(addressWait));
      assertThat(attempt(s, "thu.nghiem26", "mat-khau-dung-26").statusCode()).isEqualTo(200);
      attempts++;

      // Invite codes are guessed like passwords: after 100 wrong ones from an address, 429.
      for (int i = 0; i < 100; i++, attempts++) {
        assertThat(rawLogin(s, "/api/join", new JsonObject().put("conferenceId", "khong-co").put("code", "DOAN" + i)
            .put("displayName", "Kẻ dò mã")).statusCode()).isBetween(400, 404);
      }
      throttled(rawLogin(s, "/api/join", new JsonObject().put("conferenceId", "khong-co").put("code", "DOAN-CUOI")
          .put("displayName", "Kẻ dò mã")));
      attempts++;
      refusedWith429++;
    }
    Figures.record("security-login-throttle", Map.of("attempts", attempts, "throttled429", refusedWith429,
        "rightPasswordRefusedWhileThrottled", refusedWith429 - 1, "recoveries", 4, "perUserFree", 5, "perAddressFree", 100));
  }
}
