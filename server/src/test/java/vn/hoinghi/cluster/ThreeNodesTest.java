package vn.hoinghi.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoinghi.testing.TestClient.cmd;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hoinghi.app.Main;
import vn.hoinghi.store.StoredEvent;
import vn.hoinghi.testing.Await;
import vn.hoinghi.testing.TestClient;
import vn.hoinghi.testing.TestPostgres;
import vn.hoinghi.testing.TestServer;

/**
 * Three server nodes on one PostgreSQL: node A (its own process) writes the demo conference; B and C follow it and
 * forward their clients' commands. A is killed with SIGKILL in the middle of a vote; B or C takes over, A's clients
 * resume on the others, and nothing is lost, doubled or reordered.
 */
@DisplayName("Several nodes on one PostgreSQL")
class ThreeNodesTest {
  static final String SECRET = "cluster-test-secret-cluster-test-secret-0123";
  static final String BALLOT = "cluster-ballot-secret-cluster-ballot-secret-0";

  private static Process launchNode(Path dir, String schema, int port) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "--http.host=127.0.0.1", "--http.port=" + port, "--store=" + TestPostgres.URL, "--postgres.schema=" + schema,
        "--jwt.secret=" + SECRET, "--ballot.secret=" + BALLOT, "--data.dir=" + dir.resolve("a"), "--demo.seed=true"));
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("node-a.log").toFile()).start();
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      try {
        if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready")).build(),
            HttpResponse.BodyHandlers.ofString()).statusCode() == 200) return p;
      } catch (java.io.IOException notYet) {
        // starting
      }
      Thread.sleep(200);
    }
    p.destroyForcibly();
    throw new AssertionError("node A did not start");
  }

  private static TestClient on(String base, String user) {
    TestClient c = TestClient.withToken(base, user, TestClient.post(base, "/api/login", new JsonObject()
        .put("username", user).put("password", TestClient.DEMO_PASSWORD).put("conferenceId", "demo"), null)
        .getString("accessToken"));
    return c.connect(null);
  }

  @Test
  @DisplayName("clients on three nodes see one order; killing the writer's node loses nothing")
  void threeNodes(@TempDir Path dir) throws Exception {
    TestPostgres.assumeReachable();
    String schema = TestPostgres.newSchemaName();
    int portA = TestServer.freePort();
    Process a = launchNode(dir, schema, portA);
    JsonObject shared = new JsonObject().put("jwt.secret", SECRET).put("ballot.secret", BALLOT).put("demo.seed", false);
    TestServer b = TestServer.node(schema, shared);
    TestServer c = TestServer.node(schema, shared);
    String baseA = "http://127.0.0.1:" + portA;
    List<TestClient> all = new ArrayList<>();
    try {
      TestClient chair = on(baseA, "chutri");
      TestClient screen = on(b.baseUrl(), "manhinh");
      TestClient d1 = on(b.baseUrl(), "daibieu1");
      TestClient d4 = on(c.baseUrl(), "daibieu4");
      TestClient hostHni = on(c.baseUrl(), "hanoi");
      TestClient d2 = on(baseA, "daibieu2");
      all.addAll(List.of(chair, screen, d1, d4, hostHni, d2));

      chair.ok(cmd("StartConference"));
      // A follower's command is forwarded to the writer on node A.
      d1.ok(cmd("RequestFloor").put("kind", "CONTRIBUTION").put("forHall", false));
      chair.ok(cmd("OpenVote").put("title", "Điều 6").put("nodeIds", new JsonArray().add("d6")).put("mode", "NAMED"));
      String voteId = screen.awaitEvent("VoteOpened", d -> true).getJsonObject("data").getString("voteId");
      d1.ok(cmd("CastBallot").put("voteId", voteId).put("articleId", "d6").put("choice", "AGREE"));
      d4.ok(cmd("CastBallot").put("voteId", voteId).put("articleId", "d6").put("choice", "DISAGREE"));
      d2.ok(cmd("CastBallot").put("voteId", voteId).put("articleId", "d6").put("choice", "OTHER"));
      for (TestClient x : all) x.awaitEvent("VoteOpened", d -> true);
      TestClient.waitFor(() -> d4.awaitTally(t -> voteId.equals(t.getString("voteId"))
          && t.getJsonArray("articles").getJsonObject(0).getInteger("total") == 3) != null, "tally of 3 on node C");

      // Presence is shared through the database: the chair on A sees the host connected to C, and a delegate on B.
      String hostId = hostHni.welcome.getString("participantId");
      String d1Id = d1.welcome.getString("participantId");
      TestClient.waitFor(() -> chair.frames.stream().anyMatch(f -> "presence".equals(f.getString("type"))
          && f.containsKey("participantsOnline") && f.getJsonArray("participantsOnline").contains(hostId)
          && f.getJsonArray("participantsOnline").contains(d1Id)), "the chair on A to see people on B and C online");

      // Node A dies without warning.
      a.destroyForcibly();
      assertThat(a.waitFor(30, TimeUnit.SECONDS)).isTrue();
      TestClient.waitFor(() -> chair.closed.isDone() && d2.closed.isDone(), "A's clients cut off");
      // Its clients come back through the other nodes and resume where they were.
      TestClient chairOnB = TestClient.withToken(b.baseUrl(), "chutri", chair.accessToken);
      chairOnB.events.addAll(chair.events);
      chairOnB.upTo.set(chair.upTo.get());
      chairOnB.connect(chair.upTo.get());
      TestClient d2OnC = TestClient.withToken(c.baseUrl(), "daibieu2", d2.accessToken);
      d2OnC.events.addAll(d2.events);
      d2OnC.upTo.set(d2.upTo.get());
      d2OnC.connect(d2.upTo.get());
      all.addAll(List.of(chairOnB, d2OnC));

      // Commands keep working once B or C has taken the writer's lock.
      long deadline = System.currentTimeMillis() + 20_000;
      JsonObject r;
      do {
        r = d4.command(cmd("CastBallot").put("voteId", voteId).put("articleId", "d6").put("choice", "AGREE"));
        if (!"ack".equals(r.getString("type"))) Thread.sleep(300);
      } while (!"ack".equals(r.getString("type")) && System.currentTimeMillis() < deadline);
      assertThat(r.getString("type")).as(r.encode()).isEqualTo("ack");
      chairOnB.ok(cmd("CloseVote").put("voteId", voteId));
      for (TestClient x : List.of(chairOnB, screen, d1, d4, hostHni, d2OnC)) {
        x.awaitEvent("VoteClosed", d -> voteId.equals(d.getString("voteId")));
      }
      JsonObject tally = TestClient.http(c.baseUrl(), "GET", "/api/conferences/demo/votes/" + voteId + "/tally", null,
          chairOnB.accessToken).getJsonArray("articles").getJsonObject(0);
      assertThat(List.of(tally.getInteger("agree"), tally.getInteger("disagree"), tally.getInteger("other")))
          .containsExactly(2, 0, 1);
      assertThat(b.app.conferences().existing("demo").await().leads() ^ c.app.conferences().existing("demo").await().leads())
          .as("exactly one of B and C writes").isTrue();

      // The log is gap-free; every client saw its events in log order, none twice, and all public ones.
      List<StoredEvent> log = Await.of(b.app.store().read("demo", 0, 100_000));
      for (int i = 0; i < log.size(); i++) assertThat(log.get(i).seq()).isEqualTo(i + 1);
      long end = log.get(log.size() - 1).seq();
      for (TestClient x : List.of(chairOnB, screen, d1, d4, hostHni, d2OnC)) {
        TestClient.waitFor(() -> x.upTo.get() >= end, x.username + " caught up");
        assertThat(x.duplicates).as(x.username).isEmpty();
        assertThat(x.eventSeqs()).as(x.username).isSorted();
      }
      Set<Long> publicSeqs = new TreeSet<>(screen.eventSeqs());
      for (TestClient x : List.of(chairOnB, d1, d4, hostHni, d2OnC)) {
        assertThat(x.eventSeqs()).as(x.username).containsAll(publicSeqs);
      }
    } finally {
      all.forEach(TestClient::close);
      a.destroyForcibly();
      b.close();
      c.close();
      TestPostgres.dropSchema(schema);
    }
  }
}
