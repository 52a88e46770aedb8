package vn.hoinghi.app;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoinghi.testing.TestClient.cmd;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.hoinghi.store.Snapshot;
import vn.hoinghi.store.StoredEvent;
import vn.hoinghi.testing.Await;
import vn.hoinghi.testing.TestClient;
import vn.hoinghi.testing.TestServer;
import vn.hoinghi.testing.TestServer.StoreKind;

/**
 * The real server with {@code conferences.idle.unload.seconds=1}: the demo conference, used and left, is unloaded
 * (its snapshot saved, the metrics say so) and the next client loads it again where it was, on both stores.
 */
@DisplayName("A real server unloads an idle conference and loads it again on demand")
class IdleUnloadServerTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** A state read without what moves with the clock: when it was read, and how long agenda items have run. */
  static JsonObject withoutTime(JsonObject state) {
    JsonObject s = state.copy();
    s.getJsonObject("state").remove("at");
    JsonArray agenda = s.getJsonObject("state").getJsonArray("agenda");
    if (agenda != null) agenda.forEach(e -> ((JsonObject) e).remove("elapsedMillis"));
    return s;
  }

  static double metric(String body, String name) {
    Matcher m = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(body);
    if (!m.find()) throw new AssertionError("no metric " + name);
    return Double.parseDouble(m.group(1));
  }

  static String metrics(TestServer s) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(s.baseUrl() + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  @ParameterizedTest(name = "on the {0} store")
  @EnumSource(StoreKind.class)
  @DisplayName("used, left, unloaded with its snapshot saved; a returning client resumes and a new ballot follows on")
  void unloadAndReload(StoreKind kind) throws Exception {
    try (TestServer s = TestServer.start(kind, new JsonObject().put("demo.seed", true)
        .put("conferences.idle.unload.seconds", 1))) {
      TestClient chair = TestClient.demo(s, "chutri");
      TestClient d1 = TestClient.demo(s, "daibieu1");
      chair.ok(cmd("StartConference"));
      chair.ok(cmd("OpenVote").put("title", "Điều 6").put("nodeIds", new JsonArray().add("d6")).put("mode", "NAMED"));
      String voteId = d1.awaitEvent("VoteOpened", d -> true).getJsonObject("data").getString("voteId");
      d1.ok(cmd("CastBallot").put("voteId", voteId).put("articleId", "d6").put("choice", "AGREE"));
      JsonObject before = withoutTime(chair.state());
      long last = before.getLong("upTo");
      TestClient.waitFor(() -> d1.upTo.get() >= last, "daibieu1 caught up");

      // (The seeded conference may have been unloaded once already, between the seeding and the first client.)
      long unloadedBefore = s.app.conferences().unloadedCount();
      assertThat(s.app.conferences().loaded()).as("kept while its clients are there").isEqualTo(1);
      chair.close();
      d1.close();
      TestClient.waitFor(() -> s.app.conferences().loaded() == 0, 15_000, "the demo conference unloaded");
      assertThat(s.app.conferences().unloadedCount()).isEqualTo(unloadedBefore + 1);
      String m = metrics(s);
      assertThat(metric(m, "hoinghi_conferences_loaded")).isZero();
      assertThat(metric(m, "hoinghi_conferences_unloaded_total")).isEqualTo((double) unloadedBefore + 1);
      Snapshot snap = s.app.store().latestSnapshot("demo").await(5, TimeUnit.SECONDS).orElseThrow();
      assertThat(snap.seq()).as("saved as it was left").isEqualTo(last);

      // The returning delegate resumes from where it was: nothing new, no snapshot needed.
      int framesBefore = d1.frames.size();
      d1.connect(d1.upTo.get());
      assertThat(s.app.conferences().loaded()).isEqualTo(1);
      assertThat(d1.framesSince(framesBefore).stream().map(f -> f.getString("type")).toList()).doesNotContain("snapshot");
      TestClient organizerView = TestClient.withToken(s.baseUrl(), "chutri", chair.accessToken);
      assertThat(withoutTime(organizerView.state())).as("the chair's view, the same after the reload").isEqualTo(before);

      TestClient d2 = TestClient.demo(s, "daibieu2");
      JsonObject ack = d2.ok(cmd("CastBallot").put("voteId", voteId).put("articleId", "d6").put("choice", "DISAGREE"));
      assertThat(ack.getLong("firstSeq")).isEqualTo(last + 1);
      JsonObject tally = TestClient.http(s.baseUrl(), "GET", "/api/conferences/demo/votes/" + voteId + "/tally", null,
          chair.accessToken).getJsonArray("articles").getJsonObject(0);
      assertThat(List.of(tally.getInteger("agree"), tally.getInteger("disagree"))).containsExactly(1, 1);
      List<StoredEvent> log = Await.of(s.app.store().read("demo", 0, 100_000));
      for (int i = 0; i < log.size(); i++) assertThat(log.get(i).seq()).isEqualTo(i + 1);
      assertThat(log).hasSize((int) last + 1);
      d1.close();
      d2.close();
    }
  }
}
