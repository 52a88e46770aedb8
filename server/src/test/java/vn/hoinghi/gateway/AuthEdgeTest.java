package vn.hoinghi.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoinghi.testing.TestClient.http;
import static vn.hoinghi.testing.TestClient.post;
import static vn.hoinghi.testing.TestClient.upload;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.testing.TestClient;
import vn.hoinghi.testing.TestServer;
import vn.hoinghi.testing.WsProbe;

/**
 * One authentication edge (gateway/AuthEdge): every conference route docs/api.md lists, and the WebSocket hello, give
 * the same answer to the same caller — no token, a bad token, a token for another conference, an ended session.
 * Routes are read from docs/api.md, so a route documented later is checked without editing this test.
 */
@DisplayName("One authentication edge for REST, reports and the WebSocket hello")
class AuthEdgeTest {
  private static final Pattern ROUTE = Pattern.compile("^\\| `(GET|POST|DELETE) (/api/conferences/\\{id\\}[^`?]*)[^`]*` \\|",
      Pattern.MULTILINE);
  static TestServer server;
  static String base;
  static String otherConference;
  static String endedToken;
  static String liveToken;

  @BeforeAll
  static void start() {
    server = TestServer.start(TestServer.StoreKind.EMBEDDED, new JsonObject().put("demo.seed", true));
    base = server.baseUrl();
    String organizer = post(base, "/api/login", new JsonObject().put("username", "bantochuc")
        .put("password", TestClient.DEMO_PASSWORD), null).getString("accessToken");
    JsonObject created = post(base, "/api/conferences", new JsonObject().put("title", "Hội nghị khác")
        .put("startsAt", "2026-12-10T01:00:00Z").put("endsAt", "2026-12-10T09:00:00Z"), organizer);
    assertThat(created.getInteger("_status")).as(created.encode()).isEqualTo(201);
    otherConference = created.getString("conferenceId");
    // A listed delegate signs in with the personal code on two devices: the first device's session has ended.
    String secretary = login("thuky");
    byte[] csv = "họ tên,điểm cầu\nTrần Văn Cạnh,DTP\n".getBytes(StandardCharsets.UTF_8);
    assertThat(upload(base, "/api/conferences/demo/delegates/import", csv, "text/csv", secretary).getInteger("_status"))
        .isEqualTo(201);
    String code = http(base, "GET", "/api/conferences/demo/delegates", null, secretary).getJsonArray("delegates")
        .stream().map(o -> (JsonObject) o).filter(d -> d.getString("fullName").equals("Trần Văn Cạnh"))
        .findFirst().orElseThrow().getString("personalCode");
    endedToken = join(code).getString("accessToken");
    liveToken = join(code).getString("accessToken");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String login(String user) {
    JsonObject r = post(base, "/api/login", new JsonObject().put("username", user).put("password", TestClient.DEMO_PASSWORD)
        .put("conferenceId", "demo"), null);
    assertThat(r.getInteger("_status")).as(r.encode()).isEqualTo(200);
    return r.getString("accessToken");
  }

  private static JsonObject join(String code) {
    JsonObject r = post(base, "/api/join", new JsonObject().put("conferenceId", "demo").put("code", code), null);
    assertThat(r.getInteger("_status")).as(r.encode()).isEqualTo(201);
    return r;
  }

  /** Every conference route of docs/api.md, with sample path parameters, as "METHOD path-template". */
  static List<String[]> documentedRoutes() throws Exception {
    String doc = Files.readString(Path.of("..", "docs", "api.md"));
    List<String[]> routes = new ArrayList<>();
    Matcher m = ROUTE.matcher(doc);
    while (m.find()) routes.add(new String[] {m.group(1), m.group(2)});
    return routes;
  }

  private static String path(String template, String conference) {
    return template.replace("{id}", conference).replace("{pid}", "p-none").replace("{voteId}", "v-none")
        .replace("{code}", "ABCDEFGHJK").replace("{version}", "1").replace("{format}", "pdf")
        .replace("{requestId}", "r-none");
  }

  private static void expectEverywhere(String token, String conference, int status, String code) throws Exception {
    List<String[]> routes = documentedRoutes();
    assertThat(routes).as("conference routes read from docs/api.md").hasSizeGreaterThan(20);
    List<String> wrong = new ArrayList<>();
    for (String[] r : routes) {
      JsonObject answer = http(base, r[0], path(r[1], conference), r[0].equals("GET") || r[0].equals("DELETE") ? null
          : "{}", token);
      if (answer.getInteger("_status") != status || !code.equals(answer.getString("code"))) {
        wrong.add(r[0] + " " + r[1] + " → " + answer.getInteger("_status") + " " + answer.getString("code"));
      }
    }
    assertThat(wrong).as("routes that answered otherwise than %d %s", status, code).isEmpty();
  }

  private static String hello(String token, String conference) throws Exception {
    WsProbe p = WsProbe.connect(base.replace("http://", "ws://") + "/ws");
    p.next();
    JsonObject hello = new JsonObject().put("type", "hello").put("token", token);
    if (conference != null) hello.put("conferenceId", conference);
    p.send(hello.encode());
    JsonObject r = new JsonObject(p.next());
    if (r.getString("type").equals("welcome")) {
      p.close();
      return "welcome";
    }
    return r.getString("code") + "/" + p.closeCode.get(10, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("no token: 401 NOT_AUTHENTICATED on every conference route")
  void noToken() throws Exception {
    expectEverywhere(null, "demo", 401, "NOT_AUTHENTICATED");
  }

  @Test
  @DisplayName("a token that is not ours: 401 INVALID_TOKEN on every route, and the hello is closed 4001")
  void badToken() throws Exception {
    expectEverywhere("eyJub3QiOiJvdXJzIn0.e30.c2ln", "demo", 401, "INVALID_TOKEN");
    assertThat(hello("eyJub3QiOiJvdXJzIn0.e30.c2ln", "demo")).isEqualTo("INVALID_TOKEN/4001");
  }

  @Test
  @DisplayName("a participant's token on another conference: 403 FORBIDDEN on every route, and the hello is closed 4003")
  void otherConference() throws Exception {
    expectEverywhere(liveToken, otherConference, 403, "FORBIDDEN");
    assertThat(hello(liveToken, otherConference)).isEqualTo("FORBIDDEN/4003");
  }

  @Test
  @DisplayName("a session ended by a sign-in on another device: 401 SESSION_ENDED on every route, the hello closed 4009; "
      + "the newer session is admitted")
  void endedSession() throws Exception {
    expectEverywhere(endedToken, "demo", 401, "SESSION_ENDED");
    assertThat(hello(endedToken, null)).isEqualTo("SESSION_ENDED/4009");
    assertThat(hello(liveToken, null)).isEqualTo("welcome");
    assertThat(http(base, "GET", "/api/conferences/demo/state", null, liveToken).getInteger("_status")).isEqualTo(200);
  }
}
