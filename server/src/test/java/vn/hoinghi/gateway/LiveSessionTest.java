package vn.hoinghi.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoinghi.testing.TestClient.cmd;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.hoinghi.testing.TestClient;
import vn.hoinghi.testing.TestServer;
import vn.hoinghi.testing.TestServer.StoreKind;

/**
 * The story's session played over real WebSockets against the running server: the chair, the
 * secretary, the hosts of Đồng Tháp and Hà Nội, five delegates and a hall screen.
 */
@DisplayName("A whole session over the wire")
class LiveSessionTest {

  static JsonObject article(JsonObject state, String id) {
    for (Object o : state.getJsonObject("state").getJsonObject("draft").getJsonObject("document").getJsonArray("nodes")) {
      JsonObject found = find((JsonObject) o, id);
      if (found != null) return found;
    }
    throw new AssertionError("no node " + id);
  }

  private static JsonObject find(JsonObject node, String id) {
    if (id.equals(node.getString("id"))) return node;
    JsonArray children = node.getJsonArray("children", new JsonArray());
    for (Object c : children) {
      JsonObject f = find((JsonObject) c, id);
      if (f != null) return f;
    }
    return null;
  }

  static String endpointId(JsonObject state, String code) {
    for (Object o : state.getJsonObject("state").getJsonArray("endpoints")) {
      JsonObject e = (JsonObject) o;
      if (code.equals(e.getString("code"))) return e.getString("id");
    }
    throw new AssertionError("no endpoint " + code);
  }

  @ParameterizedTest(name = "on the {0} store")
  @EnumSource(StoreKind.class)
  @DisplayName("agenda, a named vote with a hall result, the speaker queue and annotations reach everyone in order")
  void wholeSession(StoreKind kind) {
    try (TestServer s = TestServer.start(kind, new JsonObject().put("demo.seed", true))) {
      TestClient chair = TestClient.demo(s, "chutri");
      TestClient secretary = TestClient.demo(s, "thuky");
      TestClient hostDtp = TestClient.demo(s, "dongthap");
      TestClient hostHni = TestClient.demo(s, "hanoi");
      List<TestClient> delegates = new ArrayList<>();
      for (int i = 1; i <= 5; i++) delegates.add(TestClient.demo(s, "daibieu" + i));
      TestClient screen = TestClient.demo(s, "manhinh");
      List<TestClient> all = new ArrayList<>(List.of(chair, secretary, hostDtp, hostHni, screen));
      all.addAll(delegates);
      for (TestClient c : all) assertThat(c.snapshots).hasSize(1);

      JsonObject state = chair.state();
      String hni = endpointId(state, "HNI");
      String dtp = endpointId(state, "DTP");

      // The session opens; the agenda advances.
      chair.ok(cmd("StartConference"));
      String firstItem = state.getJsonObject("state").getJsonArray("agenda").getJsonObject(0)
          .getJsonObject("item").getString("id");
      String secondItem = state.getJsonObject("state").getJsonArray("agenda").getJsonObject(1)
          .getJsonObject("item").getString("id");
      chair.ok(cmd("StartAgendaItem").put("itemId", firstItem));
      chair.ok(cmd("StartAgendaItem").put("itemId", secondItem));
      for (TestClient c : all) {
        c.awaitEvent("ConferenceStarted", d -> true);
        c.awaitEvent("AgendaItemStarted", d -> secondItem.equals(d.getString("itemId")));
      }

      // Hà Nội checks in with its head count.
      hostHni.ok(cmd("CheckInEndpoint").put("endpointId", hni).put("headCount", 15));
      hostDtp.ok(cmd("CheckInEndpoint").put("endpointId", dtp).put("headCount", 12));

      // A named vote on Điều 8.
      chair.ok(cmd("OpenVote").put("title", "Biểu quyết Điều 8").put("nodeIds", new JsonArray().add("d8"))
          .put("mode", "NAMED"));
      String voteId = screen.awaitEvent("VoteOpened", d -> true).getJsonObject("data").getString("voteId");
      String[] choices = {"AGREE", "DISAGREE", "OTHER", "AGREE", "AGREE"};
      for (int i = 0; i < 5; i++) {
        JsonObject ballot = cmd("CastBallot").put("voteId", voteId).put("articleId", "d8").put("choice", choices[i]);
        if (choices[i].equals("OTHER")) ballot.put("text", "Đề nghị sửa thành “sáu tháng một lần”");
        delegates.get(i).ok(ballot);
      }
      chair.ok(cmd("CastBallot").put("voteId", voteId).put("articleId", "d8").put("choice", "AGREE"));
      // Trần Văn Phúc changes his mind.
      delegates.get(1).ok(cmd("CastBallot").put("voteId", voteId).put("articleId", "d8").put("choice", "AGREE"));
      // Hà Nội records the hall's collective result; it replaces the hall's individual ballots.
      hostHni.ok(cmd("RecordHallResult").put("voteId", voteId).put("articleId", "d8").put("endpointId", hni)
          .put("agree", 10).put("disagree", 1).put("other", 0));
      // Not allowed: a host for another hall, a delegate opening a vote.
      assertThat(hostDtp.command(cmd("RecordHallResult").put("voteId", voteId).put("articleId", "d8")
          .put("endpointId", hni).put("agree", 1).put("disagree", 0).put("other", 0)).getString("code")).isEqualTo("FORBIDDEN");
      assertThat(delegates.get(0).command(cmd("OpenVote").put("title", "x").put("nodeIds", new JsonArray().add("d9")))
          .getString("code")).isEqualTo("FORBIDDEN");

      // Live tallies converge: DTP 2 agree + 1 other (individual), HNI 10/1/0 (collective), central 1 agree.
      JsonObject live = chair.awaitTally(t -> t.getString("voteId").equals(voteId)
          && t.getJsonArray("articles").getJsonObject(0).getInteger("total") == 15);
      JsonObject d8 = live.getJsonArray("articles").getJsonObject(0);
      assertThat(d8.getInteger("agree")).isEqualTo(13);
      assertThat(d8.getInteger("disagree")).isEqualTo(1);
      assertThat(d8.getInteger("other")).isEqualTo(1);
      assertThat(d8.getJsonObject("byEndpoint").getJsonObject(hni).getBoolean("collective")).isTrue();
      assertThat(d8.getJsonObject("byEndpoint").getJsonObject(dtp).getInteger("agree")).isEqualTo(2);
      JsonObject delegateView = delegates.get(4).awaitTally(t -> t.getString("voteId").equals(voteId)
          && t.getJsonArray("articles").getJsonObject(0).getInteger("total") == 15);
      assertThat(delegateView.getJsonArray("articles").getJsonObject(0).containsKey("byEndpoint"))
          .as("per-endpoint detail goes to moderators only").isFalse();

      chair.ok(cmd("CloseVote").put("voteId", voteId));
      assertThat(delegates.get(0).command(cmd("CastBallot").put("voteId", voteId).put("articleId", "d8")
          .put("choice", "DISAGREE")).getString("type")).isEqualTo("error");
      JsonObject rest = TestClient.http(s.baseUrl(), "GET", "/api/conferences/demo/votes/" + voteId + "/tally", null,
          chair.accessToken);
      JsonObject restD8 = rest.getJsonArray("articles").getJsonObject(0);
      assertThat(List.of(restD8.getInteger("agree"), restD8.getInteger("disagree"), restD8.getInteger("other"),
          restD8.getInteger("total"))).containsExactly(13, 1, 1, 15);
      for (TestClient c : all) c.awaitEvent("VoteClosed", d -> voteId.equals(d.getString("voteId")));
      // Named ballots go to their voter and the moderators, never to other delegates.
      assertThat(delegates.get(0).events).noneMatch(e -> e.getString("type").equals("BallotCast")
          && !delegates.get(0).participantId().equals(e.getJsonObject("data").getString("participantId")));
      assertThat(secretary.events.stream().filter(e -> e.getString("type").equals("BallotCast")).count()).isEqualTo(7);

      // The speaker queue: Đồng Tháp asks for the floor for the hall; the chair grants it.
      hostDtp.ok(cmd("RequestFloor").put("kind", "CONTRIBUTION").put("articleId", "d15").put("forHall", true));
      String requestId = chair.awaitEvent("FloorRequested", d -> true).getJsonObject("data").getString("requestId");
      chair.ok(cmd("ApproveFloorRequest").put("requestId", requestId));
      chair.ok(cmd("GrantFloor").put("requestId", requestId));
      screen.awaitEvent("FloorGranted", d -> requestId.equals(d.getString("requestId")));
      chair.ok(cmd("EndSpeech"));
      for (TestClient c : all) c.awaitEvent("SpeechEnded", d -> requestId.equals(d.getString("requestId")));

      // An annotation with a proposed wording, a reply, and the drafting team's response.
      String text = article(chair.state(), "d8.k1").getString("text");
      String quote = "mỗi quý một lần";
      int at = text.indexOf(quote);
      assertThat(at).as("the demo draft's Điều 8 khoản 1 says how often they meet").isNotNegative();
      delegates.get(3).ok(cmd("AddAnnotation").put("nodeId", "d8.k1").put("kind", "PROPOSED_WORDING")
          .put("body", "Nên họp thường kỳ 6 tháng một lần để giảm hội họp.").put("replacement", "sáu tháng một lần")
          .put("quote", new JsonObject().put("exact", quote))
          .put("position", new JsonObject().put("start", at).put("end", at + quote.length())));
      String annotationId = screen.awaitEvent("AnnotationAdded", d -> true).getJsonObject("data").getString("annotationId");
      delegates.get(0).ok(cmd("ReplyToAnnotation").put("annotationId", annotationId).put("body", "Đồng ý với đề xuất này."));
      secretary.ok(cmd("RespondToAnnotation").put("annotationId", annotationId).put("response", "ACCEPTED"));
      for (TestClient c : all) {
        c.awaitEvent("AnnotationAdded", d -> annotationId.equals(d.getString("annotationId")));
        c.awaitEvent("ReplyAdded", d -> annotationId.equals(d.getString("replyTo")) || annotationId.equals(d.getString("annotationId")));
        c.awaitEvent("AnnotationResponded", d -> annotationId.equals(d.getString("annotationId")));
      }

      // Every client: no duplicate, in order, and everything public the screen saw.
      Set<Long> publicSeqs = new TreeSet<>(screen.eventSeqs());
      for (TestClient c : all) {
        assertThat(c.duplicates).as(c.username + " duplicates").isEmpty();
        assertThat(c.eventSeqs()).as(c.username + " order").isSorted();
        assertThat(c.eventSeqs()).as(c.username + " sees everything public").containsAll(publicSeqs);
      }
      all.forEach(TestClient::close);
    }
  }

  @ParameterizedTest(name = "on the {0} store")
  @EnumSource(StoreKind.class)
  @DisplayName("an anonymous vote: nobody but the voter receives the ballot, and the log holds no participant id")
  void anonymousVote(StoreKind kind) {
    try (TestServer s = TestServer.start(kind, new JsonObject().put("demo.seed", true))) {
      TestClient chair = TestClient.demo(s, "chutri");
      TestClient d1 = TestClient.demo(s, "daibieu1");
      TestClient d2 = TestClient.demo(s, "daibieu2");
      chair.ok(cmd("StartConference"));
      chair.ok(cmd("OpenVote").put("title", "Bỏ phiếu kín Điều 9").put("nodeIds", new JsonArray().add("d9"))
          .put("mode", "ANONYMOUS"));
      String voteId = d1.awaitEvent("VoteOpened", d -> true).getJsonObject("data").getString("voteId");
      d1.ok(cmd("CastBallot").put("voteId", voteId).put("articleId", "d9").put("choice", "DISAGREE"));
      d1.awaitEvent("SecretBallotCast", d -> true);
      chair.awaitTally(t -> voteId.equals(t.getString("voteId"))
          && t.getJsonArray("articles").getJsonObject(0).getInteger("disagree") == 1);
      assertThat(chair.sawEvent("SecretBallotCast")).isFalse();
      assertThat(d2.sawEvent("SecretBallotCast")).isFalse();
      var log = vn.hoinghi.testing.Await.of(s.app.store().read("demo", 0, 100_000));
      String pid = d1.participantId();
      for (var e : log) {
        if (e.type().equals("SecretBallotCast")) {
          assertThat(e.payload()).doesNotContain("\"" + pid + "\"");
          assertThat(e.actor()).doesNotContain(pid).startsWith("voter:");
        }
      }
      List.of(chair, d1, d2).forEach(TestClient::close);
    }
  }
}
