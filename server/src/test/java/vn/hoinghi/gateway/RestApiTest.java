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
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.testing.Await;
import vn.hoinghi.testing.TestClient;
import vn.hoinghi.testing.TestServer;

@DisplayName("REST API and authentication")
class RestApiTest {
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

  private static String login(String user) {
    JsonObject r = post(base, "/api/login", new JsonObject().put("username", user).put("password", "hoinghi-demo"), null);
    assertThat(r.getInteger("_status")).as(r.encode()).isEqualTo(200);
    return r.getString("accessToken");
  }

  private long logEnd(String conf) {
    return Await.of(server.app.store().latestSeq(conf));
  }

  @Test
  @DisplayName("login: right password gives tokens with the participant's roles; wrong or unknown gives 401")
  void login() {
    JsonObject ok = post(base, "/api/login", new JsonObject().put("username", "dongthap").put("password", "hoinghi-demo"), null);
    assertThat(ok.getInteger("_status")).isEqualTo(200);
    assertThat(ok.getString("kind")).isEqualTo("participant");
    assertThat(ok.getJsonArray("roles")).contains("HOST");
    assertThat(ok.getString("refreshToken")).isNotBlank();
    assertThat(post(base, "/api/login", new JsonObject().put("username", "dongthap").put("password", "sai-mat-khau"), null)
        .getString("code")).isEqualTo("LOGIN_FAILED");
    assertThat(post(base, "/api/login", new JsonObject().put("username", "khongtontai").put("password", "x"), null)
        .getInteger("_status")).isEqualTo(401);
    assertThat(post(base, "/api/login", new JsonObject().put("username", 5), null).getInteger("_status")).isEqualTo(400);
    assertThat(http(base, "POST", "/api/login", "{oops", null).getString("code")).isEqualTo("MALFORMED_JSON");
    JsonObject org = post(base, "/api/login", new JsonObject().put("username", "bantochuc").put("password", "hoinghi-demo"), null);
    assertThat(org.getString("kind")).isEqualTo("organizer");
  }

  @Test
  @DisplayName("repeated failed logins are slowed: 429 with Retry-After, even with the right password")
  void throttle() {
    for (int i = 0; i < 6; i++) {
      post(base, "/api/login", new JsonObject().put("username", "daibieu3").put("password", "wrong-" + i), null);
    }
    JsonObject r = post(base, "/api/login", new JsonObject().put("username", "daibieu3").put("password", "hoinghi-demo"), null);
    assertThat(r.getInteger("_status")).isEqualTo(429);
    assertThat(r.getString("code")).isEqualTo("THROTTLED");
  }

  @Test
  @DisplayName("refresh gives a new access token; an access token is not a refresh token")
  void refresh() {
    JsonObject l = post(base, "/api/login", new JsonObject().put("username", "hanoi").put("password", "hoinghi-demo"), null);
    JsonObject r = post(base, "/api/token/refresh", new JsonObject().put("refreshToken", l.getString("refreshToken")), null);
    assertThat(r.getInteger("_status")).isEqualTo(200);
    assertThat(r.getString("accessToken")).isNotBlank();
    assertThat(post(base, "/api/token/refresh", new JsonObject().put("refreshToken", l.getString("accessToken")), null)
        .getInteger("_status")).isEqualTo(401);
  }

  @Test
  @DisplayName("forged, expired, wrong-algorithm and unsigned tokens are refused")
  void badTokens() throws Exception {
    String good = login("daibieu1");
    assertThat(http(base, "GET", "/api/conferences/demo/state", null, good).getInteger("_status")).isEqualTo(200);
    JWTAuth other = JWTAuth.create(server.app.vertx(), new JWTAuthOptions().addPubSecKey(new PubSecKeyOptions()
        .setAlgorithm("HS256").setBuffer("another-secret-another-secret-another-secret")));
    String forged = other.generateToken(new JsonObject().put("sub", "p-48").put("kind", "participant").put("typ", "access")
        .put("conf", "demo"), new JWTOptions().setIssuer("hoinghi").setExpiresInSeconds(600));
    assertThat(http(base, "GET", "/api/conferences/demo/state", null, forged).getInteger("_status")).isEqualTo(401);
    String secret = Files.readString(server.dataDir.resolve("jwt-hs256.secret")).trim();
    JWTAuth same = JWTAuth.create(server.app.vertx(), new JWTAuthOptions().addPubSecKey(new PubSecKeyOptions()
        .setAlgorithm("HS256").setBuffer(secret)));
    String expired = same.generateToken(new JsonObject().put("sub", "p-48").put("kind", "participant").put("typ", "access")
        .put("conf", "demo").put("iss", "hoinghi").put("exp", System.currentTimeMillis() / 1000 - 60), new JWTOptions());
    assertThat(http(base, "GET", "/api/conferences/demo/state", null, expired).getInteger("_status")).isEqualTo(401);
    String[] parts = good.split("\\.");
    String none = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes())
        + "." + parts[1] + ".";
    assertThat(http(base, "GET", "/api/conferences/demo/state", null, none).getInteger("_status")).isEqualTo(401);
    String hs512 = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"HS512\",\"typ\":\"JWT\"}".getBytes())
        + "." + parts[1] + "." + parts[2];
    assertThat(http(base, "GET", "/api/conferences/demo/state", null, hs512).getInteger("_status")).isEqualTo(401);
    assertThat(http(base, "GET", "/api/conferences/demo/state", null, null).getString("code")).isEqualTo("NOT_AUTHENTICATED");
  }

  @Test
  @DisplayName("an invite issued by a host lets a person join the hall as a delegate, live over the WebSocket")
  void inviteJoin() {
    String host = login("dongthap");
    TestClient watcherDelegate = TestClient.demo(server, "daibieu5");
    TestClient watcherHost = TestClient.demo(server, "dongthap");
    JsonObject state = http(base, "GET", "/api/conferences/demo/state", null, host);
    String dtp = LiveSessionTest.endpointId(state, "DTP");
    String hni = LiveSessionTest.endpointId(state, "HNI");
    JsonObject inv = post(base, "/api/conferences/demo/invites", new JsonObject().put("role", "DELEGATE").put("endpointId", dtp)
        .put("maxUses", 1), host);
    assertThat(inv.getInteger("_status")).as(inv.encode()).isEqualTo(201);
    assertThat(inv.getString("joinUrl")).contains("/#/join/demo/" + inv.getString("code"));
    // Not for another hall.
    assertThat(post(base, "/api/conferences/demo/invites", new JsonObject().put("role", "DELEGATE").put("endpointId", hni), host)
        .getInteger("_status")).isEqualTo(403);
    JsonObject joined = post(base, "/api/join", new JsonObject().put("conferenceId", "demo").put("code", inv.getString("code"))
        .put("displayName", "Phạm Văn Khánh"), null);
    assertThat(joined.getInteger("_status")).as(joined.encode()).isEqualTo(201);
    assertThat(joined.getJsonArray("roles")).containsExactly("DELEGATE");
    assertThat(joined.getString("endpointId")).isEqualTo(dtp);
    TestClient c = TestClient.withToken(base, "khanh", joined.getString("accessToken")).connect(null);
    assertThat(c.welcome.getString("name")).isEqualTo("Phạm Văn Khánh");
    c.close();
    // A delegate's arrival goes to the moderators and the hall's hosts, not to every delegate; a name can be looked up.
    String pid = joined.getString("participantId");
    JsonObject looked = http(base, "GET", "/api/conferences/demo/participants/" + pid, null, login("daibieu4"));
    assertThat(looked.getString("displayName")).isEqualTo("Phạm Văn Khánh");
    assertThat(http(base, "GET", "/api/conferences/demo/participants/p-999999", null, host).getInteger("_status")).isEqualTo(404);
    watcherHost.awaitEvent("ParticipantRegistered", d -> pid.equals(d.getString("participantId")));
    assertThat(watcherDelegate.events).noneMatch(e -> e.getString("type").equals("ParticipantRegistered"));
    watcherDelegate.close();
    watcherHost.close();
    assertThat(post(base, "/api/join", new JsonObject().put("conferenceId", "demo").put("code", "WRONGCODE1")
        .put("displayName", "Kẻ lạ"), null).getInteger("_status")).isBetween(400, 404);
  }

  @Test
  @DisplayName("organizers create conferences; participants cannot; bad bodies are refused")
  void createConference() {
    String org = login("bantochuc");
    JsonObject created = post(base, "/api/conferences", new JsonObject().put("title", "Hội nghị góp ý Luật Thủ đô (sửa đổi)")
        .put("description", "Thử nghiệm").put("speakingLimitSeconds", 300).put("defaultVoteMode", "NAMED"), org);
    assertThat(created.getInteger("_status")).as(created.encode()).isEqualTo(201);
    String id = created.getString("conferenceId");
    assertThat(id).startsWith("hn-");
    JsonObject list = http(base, "GET", "/api/conferences", null, null);
    assertThat(list.getJsonArray("conferences").stream().map(o -> ((JsonObject) o).getString("conferenceId"))).contains(id, "demo");
    assertThat(post(base, "/api/conferences", new JsonObject().put("title", "x"), login("daibieu2")).getInteger("_status"))
        .isEqualTo(403);
    assertThat(post(base, "/api/conferences", new JsonObject().put("title", 7), org).getInteger("_status")).isEqualTo(400);
    assertThat(post(base, "/api/conferences", new JsonObject().put("tittle", "typo"), org).getInteger("_status")).isEqualTo(400);
  }

  @Test
  @DisplayName("CSV endpoint import: good rows are all added; one bad row refuses the file and adds nothing")
  void csvImport() {
    String org = login("bantochuc");
    String id = post(base, "/api/conferences", new JsonObject().put("title", "Hội nghị cấp xã").put("speakingLimitSeconds", 300), org)
        .getString("conferenceId");
    long before = logEnd(id);
    JsonObject bad = http(base, "POST", "/api/conferences/" + id + "/endpoints/import",
        "code,name,region,level\nTW,Điểm cầu Trung ương,Bắc,CENTRAL\nX1,Xã Tân Phú,Nam,VILLAGE\nX2,Xã An Bình,Nam,COMMUNE\nX2,Trùng mã,Nam,COMMUNE\n", org);
    assertThat(bad.getInteger("_status")).isEqualTo(400);
    assertThat(bad.getJsonArray("details").encode()).contains("line 3").contains("VILLAGE").contains("X2");
    assertThat(logEnd(id)).isEqualTo(before);
    assertThat(http(base, "POST", "/api/conferences/" + id + "/endpoints/import", "name,level\nA,CENTRAL\n", org)
        .getInteger("_status")).isEqualTo(400);
    JsonObject good = http(base, "POST", "/api/conferences/" + id + "/endpoints/import",
        "code,name,region,level\nTW,Điểm cầu Trung ương,Bắc,CENTRAL\nX1,\"Xã Tân Phú, huyện Định Quán\",Nam,COMMUNE\nX2,Xã An Bình,Nam,COMMUNE\n", org);
    assertThat(good.getInteger("_status")).as(good.encode()).isEqualTo(201);
    assertThat(good.getInteger("added")).isEqualTo(3);
    JsonObject state = http(base, "GET", "/api/conferences/" + id + "/state", null, org);
    assertThat(state.getJsonObject("state").getJsonArray("endpoints")).hasSize(3);
    assertThat(state.encode()).contains("Xã Tân Phú, huyện Định Quán");
    // Importing the same codes again is refused as a whole.
    assertThat(http(base, "POST", "/api/conferences/" + id + "/endpoints/import",
        "code,name,region,level\nX3,Xã Mới,Nam,COMMUNE\nX1,Trùng,Nam,COMMUNE\n", org).getInteger("_status")).isEqualTo(400);
    assertThat(http(base, "GET", "/api/conferences/" + id + "/state", null, org).getJsonObject("state")
        .getJsonArray("endpoints")).hasSize(3);
  }

  @Test
  @DisplayName("draft upload: preview lists the importer's problems by line; a broken draft is refused, a good one imported")
  void draftUpload() {
    String org = login("bantochuc");
    String id = post(base, "/api/conferences", new JsonObject().put("title", "Góp ý dự thảo").put("speakingLimitSeconds", 300), org)
        .getString("conferenceId");
    String broken = "# DỰ THẢO\nChương I\nQUY ĐỊNH CHUNG\n1. Khoản trước khi có điều\nĐiều 1. Phạm vi\n1. Nội dung\nĐiều 3. Nhảy số\n";
    JsonObject preview = TestClient.markdown(base, "/api/conferences/" + id + "/draft/preview", broken, org);
    assertThat(preview.getBoolean("ok")).isFalse();
    assertThat(preview.getJsonArray("problems").stream().map(p -> ((JsonObject) p).getInteger("line"))).contains(4, 7);
    long before = logEnd(id);
    JsonObject refused = TestClient.markdown(base, "/api/conferences/" + id + "/draft", broken, org);
    assertThat(refused.getInteger("_status")).isEqualTo(400);
    assertThat(refused.getJsonArray("details").encode()).contains("4");
    assertThat(logEnd(id)).isEqualTo(before);
    String good = "# DỰ THẢO\nChương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\n1. Quy chế này quy định về tổ chức hội nghị.\n"
        + "2. Áp dụng đối với:\na) Đảng đoàn;\nb) Ban cán sự đảng.\nĐiều 2. Hiệu lực\nQuy chế có hiệu lực từ ngày ký.\n";
    JsonObject imported = TestClient.markdown(base, "/api/conferences/" + id + "/draft?note=l%E1%BA%A7n%201", good, org);
    assertThat(imported.getInteger("_status")).as(imported.encode()).isEqualTo(201);
    JsonObject state = http(base, "GET", "/api/conferences/" + id + "/state", null, org);
    assertThat(state.getJsonObject("state").getJsonObject("draft").getInteger("version")).isEqualTo(1);
    assertThat(TestClient.markdown(base, "/api/conferences/" + id + "/draft", "", org).getInteger("_status")).isEqualTo(400);
  }

  @Test
  @DisplayName("the generic command route applies the same rules as the WebSocket, idempotently")
  void genericCommands() {
    String chair = login("chutri");
    String delegate = login("daibieu4");
    JsonObject body = new JsonObject().put("id", "rest-start-1").put("command", cmd("StartConference"));
    JsonObject first = post(base, "/api/conferences/demo/commands", body, chair);
    JsonObject again = post(base, "/api/conferences/demo/commands", body, chair);
    assertThat(first.getString("type")).as(first.encode()).isEqualTo("ack");
    assertThat(again.getBoolean("duplicate")).isTrue();
    assertThat(again.getLong("lastSeq")).isEqualTo(first.getLong("lastSeq"));
    JsonObject forbidden = post(base, "/api/conferences/demo/commands", new JsonObject().put("id", "rest-x")
        .put("command", cmd("CloseConference")), delegate);
    assertThat(forbidden.getInteger("_status")).isEqualTo(403);
    assertThat(forbidden.getJsonObject("message").getString("vi")).isNotBlank();
    assertThat(post(base, "/api/conferences/demo/commands", new JsonObject().put("command", cmd("StartConference")), chair)
        .getInteger("_status")).isEqualTo(400);
    assertThat(post(base, "/api/conferences/nope/commands", body, login("bantochuc")).getInteger("_status")).isEqualTo(404);
    assertThat(post(base, "/api/conferences/hn-other/commands", body, chair).getInteger("_status")).isEqualTo(403);
    assertThat(http(base, "GET", "/api/nothing-here", null, null).getInteger("_status")).isEqualTo(404);
    JsonObject huge = http(base, "POST", "/api/conferences/demo/draft", "x".repeat(4 * 1024 * 1024), chair);
    assertThat(huge.getInteger("_status")).isEqualTo(413);
  }
}
