package vn.hoinghi.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoinghi.testing.TestClient.cmd;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.hoinghi.testing.TestClient;
import vn.hoinghi.testing.TestServer;
import vn.hoinghi.testing.TestServer.StoreKind;

@DisplayName("Exact resume after cut connections")
class ResumeTest {

  @ParameterizedTest(name = "on the {0} store")
  @EnumSource(StoreKind.class)
  @DisplayName("a client dropped at random points catches up exactly: same events as a client that never dropped")
  void randomDrops(StoreKind kind) throws Exception {
    try (TestServer s = TestServer.start(kind, new JsonObject().put("demo.seed", true))) {
      TestClient chair = TestClient.demo(s, "chutri");
      TestClient steady = TestClient.demo(s, "daibieu4");
      TestClient flaky = TestClient.demo(s, "daibieu4");
      TestClient other = TestClient.demo(s, "daibieu5");
      long start = flaky.upTo.get();
      chair.ok(cmd("StartConference"));
      chair.ok(cmd("OpenVote").put("title", "Điều 3").put("nodeIds", new JsonArray().add("d3")).put("mode", "NAMED"));
      String voteId = steady.awaitEvent("VoteOpened", d -> true).getJsonObject("data").getString("voteId");
      Random random = new Random(42);
      String[] choices = {"AGREE", "DISAGREE", "OTHER"};
      int drops = 0;
      for (int round = 0; round < 30; round++) {
        if (random.nextInt(3) == 0) {
          flaky.drop();
          drops++;
        }
        // Others keep acting while the flaky client may be away: its own ballots from the steady connection,
        // someone else's ballots (not for it), and public events.
        steady.ok(cmd("CastBallot").put("voteId", voteId).put("articleId", "d3").put("choice", choices[random.nextInt(3)]));
        other.ok(cmd("CastBallot").put("voteId", voteId).put("articleId", "d3").put("choice", choices[random.nextInt(3)]));
        if (round % 5 == 0) {
          chair.ok(cmd("AddAgendaItem").put("title", "Thảo luận bổ sung " + round).put("kind", "DISCUSSION")
              .put("plannedMinutes", 5).put("nodeIds", new JsonArray()));
        }
        if (flaky.closed.isDone()) flaky.reconnect();
      }
      chair.ok(cmd("CloseVote").put("voteId", voteId));
      long end = TestClient.http(s.baseUrl(), "GET", "/api/conferences/demo/state", null, chair.accessToken).getLong("upTo");
      TestClient.waitFor(() -> flaky.upTo.get() >= end && steady.upTo.get() >= end, "both caught up to " + end);

      assertThat(drops).isGreaterThan(3);
      assertThat(flaky.duplicates).isEmpty();
      assertThat(steady.duplicates).isEmpty();
      List<Long> steadySeqs = new ArrayList<>(steady.eventSeqs());
      steadySeqs.removeIf(seq -> seq <= start);
      assertThat(flaky.eventSeqs()).isSorted().containsExactlyElementsOf(steadySeqs);
      // Its own ballots (sent from the other connection) reached it; other delegates' ballots never did.
      String me = flaky.participantId();
      assertThat(flaky.events).filteredOn(e -> e.getString("type").equals("BallotCast")).hasSize(30)
          .allMatch(e -> me.equals(e.getJsonObject("data").getString("participantId")));
      List.of(chair, steady, flaky, other).forEach(TestClient::close);
    }
  }

  @ParameterizedTest(name = "on the {0} store")
  @EnumSource(StoreKind.class)
  @DisplayName("resuming from before the recent window, or from a sequence the log never had, gives a snapshot")
  void snapshotWhenTooFarBehind(StoreKind kind) {
    try (TestServer s = TestServer.start(kind, new JsonObject().put("demo.seed", true))) {
      TestClient d = TestClient.demo(s, "daibieu1");
      long upTo = d.upTo.get();
      d.close();
      TestClient future = TestClient.withToken(s.baseUrl(), "future", d.accessToken);
      future.connect(upTo + 1_000);
      assertThat(future.snapshots).hasSize(1);
      assertThat(future.snapshots.get(0).getLong("upTo")).isEqualTo(upTo);
      TestClient same = TestClient.withToken(s.baseUrl(), "same", d.accessToken);
      same.connect(upTo);
      assertThat(same.snapshots).isEmpty();
      assertThat(same.frames).anyMatch(f -> f.getString("type").equals("events") && f.getLong("upTo") == upTo
          && f.getJsonArray("events").isEmpty());
      future.close();
      same.close();
    }
  }
}
