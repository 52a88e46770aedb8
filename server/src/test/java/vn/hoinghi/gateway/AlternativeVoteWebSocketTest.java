package vn.hoinghi.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoinghi.testing.TestClient.cmd;
import static vn.hoinghi.testing.TestClient.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.domain.document.Drafts;
import vn.hoinghi.testing.TestClient;
import vn.hoinghi.testing.TestServer;

/**
 * A vote between alternative wordings over real WebSockets: the chair opens it on Điều 3 of the draft assembled from
 * Luật Công nghệ thông tin 2006, delegates of two halls choose, the chair's and the hall screen's tally frames count
 * per alternative, and the REST tally has the same shape; a wrong alternative is refused with nothing changed.
 */
@DisplayName("Alternative votes over the WebSocket")
class AlternativeVoteWebSocketTest {

  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(TestServer.StoreKind.EMBEDDED, new JsonObject().put("demo.seed", true));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonObject find(JsonArray nodes, String kind, String number) {
    for (Object o : nodes) {
      JsonObject n = (JsonObject) o;
      if (kind.equals(n.getString("kind")) && number.equals(n.getString("number"))) return n;
      JsonObject deeper = find(n.getJsonArray("children", new JsonArray()), kind, number);
      if (deeper != null) return deeper;
    }
    return null;
  }

  @Test
  @DisplayName("delegates choose Phương án 2 or 1; chair, screen and REST see the counts per alternative")
  void voteBetweenAlternatives() {
    String base = server.baseUrl();
    try (TestClient chair = TestClient.demo(server, "chutri");
        TestClient mai = TestClient.demo(server, "daibieu1");
        TestClient phuc = TestClient.demo(server, "daibieu2");
        TestClient thang = TestClient.demo(server, "daibieu4");
        TestClient screen = TestClient.demo(server, "manhinh");
        TestClient secretary = TestClient.demo(server, "thuky")) {
      JsonObject started = chair.command(cmd("StartConference"));
      assertThat(started.getString("type").equals("ack") || "WRONG_STATE".equals(started.getString("code"))).isTrue();
      JsonObject imported = TestClient.markdown(base, "/api/conferences/demo/draft",
          Drafts.read("real/du-thao-phuong-an-luat-cntt-2006.txt"), secretary.accessToken);
      assertThat(imported.getInteger("_status")).as(imported.encode()).isLessThan(300);
      JsonObject state = http(base, "GET", "/api/conferences/demo/state", null, chair.accessToken);
      JsonArray nodes = state.getJsonObject("state").getJsonObject("draft").getJsonObject("document").getJsonArray("nodes");
      JsonObject article3 = find(nodes, "ARTICLE", "3");
      List<String> alts = new ArrayList<>();
      for (Object o : article3.getJsonArray("children")) {
        if ("ALTERNATIVE".equals(((JsonObject) o).getString("kind"))) alts.add(((JsonObject) o).getString("id"));
      }
      String a3 = article3.getString("id");

      JsonObject ack = chair.ok(cmd("OpenVote").put("title", "Chọn phương án Điều 3").put("nodeIds", new JsonArray().add(a3)));
      JsonObject opened = mai.awaitEvent("VoteOpened", d -> d.getJsonArray("articleIds").contains(a3)).getJsonObject("data");
      String vote = opened.getString("voteId");
      assertThat(ack.getLong("firstSeq")).isPositive();
      JsonArray offered = opened.getJsonObject("alternatives").getJsonArray(a3);
      assertThat(offered.stream().map(o -> ((JsonObject) o).getString("label")).toList())
          .containsExactly("Phương án 1", "Phương án 2");

      JsonObject wrong = mai.command(cmd("CastBallot").put("voteId", vote).put("articleId", a3).put("choice", "DISAGREE"));
      assertThat(wrong.getString("code")).isEqualTo("INVALID");
      mai.ok(cmd("CastBallot").put("voteId", vote).put("articleId", a3).put("choice", "AGREE").put("alternativeId", alts.get(1)));
      phuc.ok(cmd("CastBallot").put("voteId", vote).put("articleId", a3).put("choice", "AGREE").put("alternativeId", alts.get(0)));
      thang.ok(cmd("CastBallot").put("voteId", vote).put("articleId", a3).put("choice", "AGREE").put("alternativeId", alts.get(1)));

      JsonObject seen = chair.awaitTally(t -> vote.equals(t.getString("voteId"))
          && t.getJsonArray("articles").getJsonObject(0).getInteger("total") == 3);
      JsonObject row = seen.getJsonArray("articles").getJsonObject(0);
      assertThat(row.getJsonObject("alternatives").getMap()).containsEntry(alts.get(0), 1).containsEntry(alts.get(1), 2);
      assertThat(row.getJsonObject("byEndpoint").stream().map(e -> ((JsonObject) e.getValue()).getJsonObject("alternatives"))
          .mapToInt(o -> o.getInteger(alts.get(1))).sum()).isEqualTo(2);
      JsonObject onScreen = screen.awaitTally(t -> vote.equals(t.getString("voteId"))
          && t.getJsonArray("articles").getJsonObject(0).getInteger("total") == 3).getJsonArray("articles").getJsonObject(0);
      assertThat(onScreen.getJsonObject("alternatives")).isEqualTo(row.getJsonObject("alternatives"));
      assertThat(onScreen.containsKey("byEndpoint")).isFalse();

      JsonObject rest = http(base, "GET", "/api/conferences/demo/votes/" + vote + "/tally", null, screen.accessToken)
          .getJsonArray("articles").getJsonObject(0);
      assertThat(rest.getJsonObject("alternatives")).isEqualTo(row.getJsonObject("alternatives"));
      assertThat(rest.getInteger("agree")).isEqualTo(3);
      chair.ok(cmd("CloseVote").put("voteId", vote));
    }
  }
}
