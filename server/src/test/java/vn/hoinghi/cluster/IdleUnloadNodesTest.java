package vn.hoinghi.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoinghi.testing.TestClient.cmd;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.store.StoredEvent;
import vn.hoinghi.testing.Await;
import vn.hoinghi.testing.TestClient;
import vn.hoinghi.testing.TestPostgres;
import vn.hoinghi.testing.TestServer;

/**
 * Two nodes on one PostgreSQL, each unloading a conference idle for 1 s: node A writes the demo conference while
 * clients use it through both nodes; once they leave, both nodes unload it (A saves a snapshot and gives up the lock).
 * A client of node B, which did not write, then loads it there: B takes the lock, the command succeeds, every node
 * reads it, and nothing is lost.
 */
@DisplayName("Idle unloading on two nodes")
class IdleUnloadNodesTest {

  private static TestClient on(TestServer node, String user) {
    TestClient c = TestClient.withToken(node.baseUrl(), user, TestClient.post(node.baseUrl(), "/api/login",
        new JsonObject().put("username", user).put("password", TestClient.DEMO_PASSWORD).put("conferenceId", "demo"),
        null).getString("accessToken"));
    return c.connect(null);
  }

  private static boolean writes(TestServer node) {
    try {
      return node.app.conferences().existing("demo").await(10, TimeUnit.SECONDS).leads();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  @DisplayName("both nodes unload the idle conference; a command through the node that did not write then succeeds,"
      + " read-your-writes holds on both, the log is whole")
  void unloadOnBothThenWriteThroughTheOther() throws Exception {
    TestPostgres.assumeReachable();
    String schema = TestPostgres.newSchemaName();
    JsonObject shared = new JsonObject().put("jwt.secret", ThreeNodesTest.SECRET)
        .put("ballot.secret", ThreeNodesTest.BALLOT).put("conferences.idle.unload.seconds", 1);
    TestServer a = TestServer.node(schema, shared.copy().put("demo.seed", true));
    TestServer b = TestServer.node(schema, shared.copy().put("demo.seed", false));
    try {
      TestClient chair = on(a, "chutri");
      TestClient d1 = on(b, "daibieu1");
      assertThat(writes(a)).as("A seeded the conference and writes it").isTrue();
      chair.ok(cmd("StartConference"));
      chair.ok(cmd("OpenVote").put("title", "Điều 6").put("nodeIds", new JsonArray().add("d6")).put("mode", "NAMED"));
      String voteId = d1.awaitEvent("VoteOpened", d -> true).getJsonObject("data").getString("voteId");
      // Forwarded from B to the writer on A.
      d1.ok(cmd("CastBallot").put("voteId", voteId).put("articleId", "d6").put("choice", "AGREE"));
      assertThat(writes(a) && !writes(b)).as("A still writes while its client is there").isTrue();
      long last = Await.of(a.app.store().latestSeq("demo"));

      chair.close();
      d1.close();
      TestClient.waitFor(() -> a.app.conferences().loaded() == 0 && b.app.conferences().loaded() == 0, 20_000,
          "both nodes to unload the conference");
      assertThat(a.app.conferences().unloadedCount()).isGreaterThanOrEqualTo(1);
      assertThat(b.app.conferences().unloadedCount()).isGreaterThanOrEqualTo(1);
      assertThat(a.app.store().latestSnapshot("demo").await(5, TimeUnit.SECONDS).orElseThrow().seq())
          .as("the writer saved what it held").isEqualTo(last);

      // A client of B, the node that did not write: B loads the conference, takes the free lock, and writes.
      TestClient d2 = on(b, "daibieu2");
      JsonObject ack = d2.ok(cmd("CastBallot").put("voteId", voteId).put("articleId", "d6").put("choice", "DISAGREE"));
      assertThat(ack.getLong("firstSeq")).isEqualTo(last + 1);
      assertThat(writes(b)).as("B writes now").isTrue();
      for (TestServer node : List.of(b, a)) {
        JsonObject tally = TestClient.http(node.baseUrl(), "GET", "/api/conferences/demo/votes/" + voteId + "/tally",
            null, chair.accessToken).getJsonArray("articles").getJsonObject(0);
        assertThat(List.of(tally.getInteger("agree"), tally.getInteger("disagree"))).as("tally through " + node.port())
            .containsExactly(1, 1);
      }
      assertThat(writes(a)).as("A follows").isFalse();
      List<StoredEvent> log = Await.of(a.app.store().read("demo", 0, 100_000));
      assertThat(log).hasSize((int) last + 1);
      for (int i = 0; i < log.size(); i++) assertThat(log.get(i).seq()).isEqualTo(i + 1);
      assertThat(log.stream().filter(e -> e.type().equals("BallotCast")).count()).isEqualTo(2);
      d2.close();
    } finally {
      b.close();
      a.close();
      TestPostgres.dropSchema(schema);
    }
  }
}
