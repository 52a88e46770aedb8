package vn.hoinghi.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoinghi.testing.TestClient.cmd;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.hoinghi.domain.Actor;
import vn.hoinghi.domain.Command;
import vn.hoinghi.domain.CommandEnvelope;
import vn.hoinghi.live.ConferenceWriter;
import vn.hoinghi.live.Outcome;
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

  @Test
  @DisplayName("a long catch-up comes in frames of 500 events, each with its own upTo, the last one at the end of the log")
  void catchUpFramesCarryTheirOwnUpTo() throws Exception {
    try (TestServer s = TestServer.start(StoreKind.EMBEDDED, new JsonObject().put("demo.seed", true))) {
      TestClient chair = TestClient.demo(s, "chutri");
      TestClient d = TestClient.demo(s, "daibieu4");
      long from = d.upTo.get();
      d.close();
      String endpointId = LiveSessionTest.endpointId(chair.state(), "TW");
      chair.ok(cmd("CheckInEndpoint").put("endpointId", endpointId).put("headCount", 1));
      ConferenceWriter w = s.app.conferences().writer("demo").await(10, TimeUnit.SECONDS);
      List<Future<Outcome>> all = new ArrayList<>();
      for (int i = 0; i < 1_100; i++) {
        all.add(w.submit(new CommandEnvelope("hc-" + i, Actor.participant(chair.participantId()),
            new Command.UpdateHeadCount(endpointId, 2 + i % 2)), null));
      }
      for (Future<Outcome> f : all) assertThat(f.await(30, TimeUnit.SECONDS)).isInstanceOf(Outcome.Acked.class);
      long end = w.query(c -> c.version()).await(10, TimeUnit.SECONDS);

      TestClient again = TestClient.withToken(s.baseUrl(), "again", d.accessToken);
      again.connect(from);
      TestClient.waitFor(() -> again.upTo.get() == end, "caught up to " + end);
      List<JsonObject> frames = again.frames.stream().filter(f -> f.getString("type").equals("events")).toList();
      assertThat(frames).hasSizeGreaterThanOrEqualTo(3);
      long seen = from;
      for (JsonObject f : frames.subList(0, frames.size() - 1)) {
        JsonArray events = f.getJsonArray("events");
        assertThat(events).hasSize(500);
        assertThat(events.getJsonObject(0).getLong("seq")).isGreaterThan(seen);
        // The delegate may see every one of these events: a full frame's upTo is its last event.
        assertThat(f.getLong("upTo")).isEqualTo(events.getJsonObject(499).getLong("seq"));
        seen = f.getLong("upTo");
      }
      JsonObject last = frames.get(frames.size() - 1);
      assertThat(last.getLong("upTo")).isEqualTo(end);
      assertThat(last.getJsonArray("events").size()).isBetween(1, 500);
      assertThat(again.snapshots).isEmpty();
      assertThat(again.duplicates).isEmpty();
      again.close();
    }
  }
}
