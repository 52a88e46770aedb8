package vn.hoinghi.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.testing.TestClient;
import vn.hoinghi.testing.TestPostgres;
import vn.hoinghi.testing.TestServer;

/**
 * Three nodes on one PostgreSQL, as behind a round-robin balancer: node A writes the demo conference, B and C follow
 * it. Whatever a command did through one node, the next request through any node sees (docs/architecture.md,
 * "Read-your-writes across nodes").
 */
@DisplayName("Read-your-writes across nodes")
class ReadYourWritesTest {
  static final int JOINS_PER_FOLLOWER = 200;
  static final int SCREENS_PER_FOLLOWER = 50;
  private static String schema;
  private static TestServer a;
  private static TestServer b;
  private static TestServer c;
  private static List<TestServer> nodes;
  private static String organizer;

  @BeforeAll
  static void startNodes() {
    TestPostgres.assumeReachable();
    schema = TestPostgres.newSchemaName();
    JsonObject shared = new JsonObject().put("jwt.secret", ThreeNodesTest.SECRET).put("ballot.secret", ThreeNodesTest.BALLOT);
    // A seeds the demo conference, so it holds the conference's lock and writes it; B and C forward their commands.
    a = TestServer.node(schema, shared.copy().put("demo.seed", true));
    b = TestServer.node(schema, shared.copy().put("demo.seed", false));
    c = TestServer.node(schema, shared.copy().put("demo.seed", false));
    nodes = List.of(a, b, c);
    organizer = TestClient.post(a.baseUrl(), "/api/login", new JsonObject().put("username", "bantochuc")
        .put("password", TestClient.DEMO_PASSWORD), null).getString("accessToken");
  }

  @AfterAll
  static void stopNodes() {
    for (TestServer s : new TestServer[] {c, b, a}) {
      if (s != null) s.close();
    }
    if (schema != null) TestPostgres.dropSchema(schema);
  }

  private static JsonObject state(TestServer node, String token) {
    return TestClient.http(node.baseUrl(), "GET", "/api/conferences/demo/state", null, token);
  }

  private static int participants(TestServer node) {
    return state(node, organizer).getJsonObject("state").getJsonArray("participants").size();
  }

  private static String endpoint(String code) {
    for (Object o : state(a, organizer).getJsonObject("state").getJsonArray("endpoints")) {
      if (code.equals(((JsonObject) o).getString("code"))) return ((JsonObject) o).getString("id");
    }
    throw new AssertionError("no endpoint " + code);
  }

  @Test
  @DisplayName("hundreds of delegates sign in with their personal codes, and screens join with an invite, through the "
      + "followers at once; every token works on every node")
  void joinsThroughFollowers() throws Exception {
    String endpoint = endpoint("HNI");
    // The hall's list is imported through node A; the personal codes are read through node B at once.
    StringBuilder list = new StringBuilder("họ tên,điểm cầu\n");
    for (int i = 0; i < 2 * JOINS_PER_FOLLOWER; i++) list.append("Đại biểu nhiều nút ").append(i).append(",HNI\n");
    JsonObject listed = TestClient.upload(a.baseUrl(), "/api/conferences/demo/delegates/import",
        list.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv", organizer);
    assertThat(listed.getInteger("_status")).as(listed.encode()).isEqualTo(201);
    List<String> codes = new ArrayList<>();
    for (Object o : TestClient.http(b.baseUrl(), "GET", "/api/conferences/demo/delegates?endpointId=" + endpoint, null,
        organizer).getJsonArray("delegates")) {
      codes.add(((JsonObject) o).getString("personalCode"));
    }
    assertThat(codes).hasSize(2 * JOINS_PER_FOLLOWER);
    JsonObject invite = TestClient.post(b.baseUrl(), "/api/conferences/demo/invites", new JsonObject()
        .put("role", "OBSERVER").put("endpointId", endpoint).put("maxUses", 2 * SCREENS_PER_FOLLOWER), organizer);
    assertThat(invite.getInteger("_status")).as(invite.encode()).isEqualTo(201);
    int before = participants(a);

    ExecutorService pool = Executors.newFixedThreadPool(32);
    try {
      List<Future<JsonObject>> joins = new ArrayList<>();
      for (int i = 0; i < JOINS_PER_FOLLOWER; i++) {
        for (TestServer follower : List.of(b, c)) {
          String code = codes.get(2 * i + (follower == b ? 0 : 1));
          joins.add(pool.submit(() -> TestClient.post(follower.baseUrl(), "/api/join", new JsonObject()
              .put("conferenceId", "demo").put("code", code), null)));
        }
      }
      for (int i = 0; i < SCREENS_PER_FOLLOWER; i++) {
        for (TestServer follower : List.of(b, c)) {
          String name = "Màn hình " + (follower == b ? "B" : "C") + " " + i;
          joins.add(pool.submit(() -> TestClient.post(follower.baseUrl(), "/api/join", new JsonObject()
              .put("conferenceId", "demo").put("code", invite.getString("code")).put("displayName", name), null)));
        }
      }
      List<JsonObject> joined = new ArrayList<>();
      for (Future<JsonObject> f : joins) joined.add(f.get());
      long refused = joined.stream().filter(j -> j.getInteger("_status") != 201).count();
      assertThat(refused).as("joins not answered 201, e.g. " + joined.stream()
          .filter(j -> j.getInteger("_status") != 201).findFirst().map(JsonObject::encode).orElse("")).isZero();

      List<Future<String>> uses = new ArrayList<>();
      for (JsonObject j : joined) {
        for (TestServer node : nodes) {
          uses.add(pool.submit(() -> {
            JsonObject me = TestClient.http(node.baseUrl(), "GET", "/api/conferences/demo/participants/"
                + j.getString("participantId"), null, j.getString("accessToken"));
            return me.getInteger("_status") == 200 ? null : node.port() + ": " + me.encode();
          }));
        }
      }
      List<String> failures = new ArrayList<>();
      for (Future<String> f : uses) if (f.get() != null) failures.add(f.get());
      assertThat(failures).as("tokens refused by a node").isEmpty();
    } finally {
      pool.shutdownNow();
    }
    // A personal code signs its delegate in: no participant; every screen's join made exactly one; a join the invite
    // refuses (used up) makes none.
    JsonObject extra = TestClient.post(c.baseUrl(), "/api/join", new JsonObject().put("conferenceId", "demo")
        .put("code", invite.getString("code")).put("displayName", "Một màn hình nữa"), null);
    assertThat(extra.getInteger("_status")).as(extra.encode()).isBetween(400, 499);
    for (TestServer node : nodes) assertThat(participants(node)).isEqualTo(before + 2 * SCREENS_PER_FOLLOWER);
  }

  @Test
  @DisplayName("a login registered through one node logs in through another at once, and its participant is found there")
  void registerHereLoginThere() {
    String endpoint = endpoint("DTP");
    int n = 0;
    for (TestServer here : nodes) {
      for (TestServer there : nodes) {
        if (here == there) continue;
        String username = "daibieu-rw-" + (++n);
        JsonObject reg = TestClient.post(here.baseUrl(), "/api/conferences/demo/participants", new JsonObject()
            .put("displayName", "Đại biểu " + n).put("roles", new JsonArray().add("DELEGATE"))
            .put("endpointId", endpoint).put("username", username).put("password", "mat-khau-dai-bieu-" + n), organizer);
        assertThat(reg.getInteger("_status")).as(reg.encode()).isEqualTo(201);
        JsonObject seen = TestClient.http(there.baseUrl(), "GET", "/api/conferences/demo/participants/"
            + reg.getString("participantId"), null, organizer);
        assertThat(seen.getInteger("_status")).as("participant read through another node: " + seen.encode())
            .isEqualTo(200);
        JsonObject login = TestClient.post(there.baseUrl(), "/api/login", new JsonObject().put("username", username)
            .put("password", "mat-khau-dai-bieu-" + n).put("conferenceId", "demo"), null);
        assertThat(login.getInteger("_status")).as("login through another node: " + login.encode()).isEqualTo(200);
        assertThat(login.getString("participantId")).isEqualTo(reg.getString("participantId"));
        JsonObject refreshed = TestClient.post(here.baseUrl(), "/api/token/refresh",
            new JsonObject().put("refreshToken", login.getString("refreshToken")), null);
        assertThat(refreshed.getInteger("_status")).as(refreshed.encode()).isEqualTo(200);
        assertThat(state(here, login.getString("accessToken")).getInteger("_status")).isEqualTo(200);
      }
    }
  }
}
