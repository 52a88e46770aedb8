package vn.hoinghi.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import vn.hoinghi.testing.Await;
import vn.hoinghi.testing.TestClient;
import vn.hoinghi.testing.TestServer;

/**
 * The server a fuzz test attacks: the demo conference, tokens for a few roles, and what "unchanged" means — the
 * conference list, each conference's last sequence number, the demo state as the organizer sees it, the number of
 * accounts.
 */
final class FuzzTarget implements AutoCloseable {
  static final String CONF = "demo";
  final TestServer server;
  final String organizer;
  final String observer;
  final String observerRefresh;
  final String delegate;
  final List<String> knownIds;

  FuzzTarget(JsonObject overrides) {
    server = TestServer.start(TestServer.StoreKind.EMBEDDED, new JsonObject().put("demo.seed", true).mergeIn(overrides));
    organizer = login("bantochuc", null).getString("accessToken");
    JsonObject obs = login("manhinh", CONF);
    observer = obs.getString("accessToken");
    observerRefresh = obs.getString("refreshToken");
    delegate = login("daibieu1", CONF).getString("accessToken");
    Set<String> ids = new LinkedHashSet<>();
    collectIds(get("/api/conferences/" + CONF + "/state", organizer), null, ids);
    knownIds = new ArrayList<>(ids);
  }

  private JsonObject login(String user, String conf) {
    JsonObject body = new JsonObject().put("username", user).put("password", TestClient.DEMO_PASSWORD);
    if (conf != null) body.put("conferenceId", conf);
    JsonObject r = TestClient.post(server.baseUrl(), "/api/login", body, null);
    assertThat(r.getInteger("_status")).as("login " + user).isEqualTo(200);
    return r;
  }

  JsonObject get(String path, String token) {
    return TestClient.http(server.baseUrl(), "GET", path, null, token);
  }

  int port() {
    return server.port();
  }

  /** Every string under a key ending in "Id"/"id" (votes, articles, endpoints, people…), as realistic targets. */
  private static void collectIds(Object node, String key, Set<String> out) {
    if (node instanceof JsonObject o) {
      for (String k : o.fieldNames()) collectIds(o.getValue(k), k, out);
    } else if (node instanceof JsonArray a) {
      for (Object e : a) collectIds(e, key, out);
    } else if (node instanceof String s && key != null && (key.endsWith("Id") || key.equals("id") || key.endsWith("Ids"))
        && s.length() < 64) {
      out.add(s);
    }
  }

  /** What the fuzz must not change. */
  JsonObject fingerprint() {
    JsonObject out = new JsonObject();
    JsonArray list = get("/api/conferences", null).getJsonArray("conferences");
    out.put("conferences", list);
    JsonObject seqs = new JsonObject();
    for (Object o : list) {
      String id = ((JsonObject) o).getString("conferenceId");
      seqs.put(id, Await.of(server.app.store().latestSeq(id)));
    }
    out.put("lastSeq", seqs);
    JsonObject state = get("/api/conferences/" + CONF + "/state", organizer);
    out.put("upTo", state.getLong("upTo"));
    JsonObject view = state.getJsonObject("state").copy();
    view.remove("at"); // the time of the reading, not state
    out.put("state", view);
    out.put("accounts", server.app.accounts().size());
    return out;
  }

  /** Used heap after full collections, in MB. */
  static long usedHeapMb() {
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      best = Math.min(best, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return best / (1024 * 1024);
  }

  /** The server still answers: /health is 200 and a well-formed command from an allowed role is acknowledged. */
  void assertAlive() {
    assertThat(get("/health", null).getInteger("_status")).isEqualTo(200);
    JsonObject r = TestClient.markdown(server.baseUrl(), "/api/conferences/" + CONF + "/draft/preview",
        "Điều 1. Phạm vi\nNội dung.", observer);
    assertThat(r.getInteger("_status")).as("preview after the fuzz: " + r).isEqualTo(200);
  }

  @Override
  public void close() {
    server.close();
  }
}
