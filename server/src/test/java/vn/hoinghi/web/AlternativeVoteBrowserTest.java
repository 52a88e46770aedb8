package vn.hoinghi.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoinghi.testing.TestClient.cmd;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.domain.document.Drafts;
import vn.hoinghi.testing.TestBrowser;
import vn.hoinghi.testing.TestClient;

/**
 * A vote between alternative wordings in headless Chromium: on the draft assembled from Luật Công nghệ thông tin 2006
 * (drafts/real/du-thao-phuong-an-luat-cntt-2006.txt), a delegate on a phone sees Phương án 1 and 2 of Điều 3 stacked,
 * chooses Phương án 2, and the chair's console and the hall screen show the count and percentage per alternative.
 */
@DisplayName("Choosing between alternative wordings in a real browser")
class AlternativeVoteBrowserTest extends BrowserSessionTest {

  @Test
  @DisplayName("a delegate votes for Phương án 2 and the chair and the hall screen see it")
  void delegateChoosesAlternativeTwo() {
    String article3;
    List<String> alts = new ArrayList<>();
    String vote;
    List<String> clauseAlts = new ArrayList<>();
    String clause54;
    try (TestClient chair = TestClient.demo(server, "chutri"); TestClient secretary = TestClient.demo(server, "thuky")) {
      chair.ok(cmd("StartConference"));
      JsonObject imported = TestClient.markdown(server.baseUrl(), "/api/conferences/demo/draft",
          Drafts.read("real/du-thao-phuong-an-luat-cntt-2006.txt"), secretary.accessToken);
      assertThat(imported.getInteger("_status")).as(imported.encode()).isLessThan(300);
      JsonArray nodes = TestClient.http(server.baseUrl(), "GET", "/api/conferences/demo/state", null, chair.accessToken)
          .getJsonObject("state").getJsonObject("draft").getJsonObject("document").getJsonArray("nodes");
      JsonObject a3 = nodes.getJsonObject(0).getJsonArray("children").getJsonObject(2);
      assertThat(a3.getString("number")).isEqualTo("3");
      article3 = a3.getString("id");
      for (Object o : a3.getJsonArray("children")) alts.add(((JsonObject) o).getString("id"));
      JsonObject k54 = nodes.getJsonObject(0).getJsonArray("children").getJsonObject(4).getJsonArray("children").getJsonObject(3);
      clause54 = k54.getString("id");
      for (Object o : k54.getJsonArray("children")) clauseAlts.add(((JsonObject) o).getString("id"));
      chair.ok(cmd("OpenVote").put("title", "Chọn phương án Điều 3").put("nodeIds", new JsonArray().add(article3)));
      vote = chair.awaitEvent("VoteOpened", d -> true).getJsonObject("data").getString("voteId");
    }

    Page chairPage = ui.login(ui.desktop(), "chutri");
    Page screen = ui.login(ui.device(1280, 720), "manhinh");
    Page mai = ui.login(ui.phone(), "daibieu1");
    Locator ballot = mai.getByTestId("ballot-" + article3);
    assertThat(ballot).hasAttribute("data-state", "none");
    Locator first = ballot.getByTestId("alternative-" + alts.get(0));
    Locator second = ballot.getByTestId("alternative-" + alts.get(1));
    assertThat(first).containsText("Phương án 1");
    assertThat(second).containsText("Phương án 2");
    assertThat(second).containsText("điều ước quốc tế");
    // On a phone the alternatives are stacked: the second starts below the first, at the same left edge.
    var b1 = first.boundingBox();
    var b2 = second.boundingBox();
    assertThat(b2.y).isGreaterThanOrEqualTo(b1.y + b1.height - 1);
    assertThat(Math.abs(b2.x - b1.x)).isLessThan(2.0);
    assertThat(ballot.getByTestId("choice-DISAGREE")).hasCount(0);

    ballot.getByTestId("choose-" + alts.get(1)).click();
    assertThat(ballot).hasAttribute("data-state", "voted");
    assertThat(ballot.getByTestId("my-choice")).containsText("Phương án 2");
    assertThat(second).hasClass(java.util.regex.Pattern.compile("chosen"));

    Locator table = chairPage.getByTestId("alternative-tally-" + vote + "-" + article3);
    assertThat(table.getByTestId("alt-count-" + alts.get(1))).hasText("1");
    assertThat(table.getByTestId("alt-pct-" + alts.get(1))).hasText("100%");
    assertThat(table.getByTestId("alt-count-" + alts.get(0))).hasText("0");
    assertThat(screen.getByTestId("result-alt-" + alts.get(1))).containsText("Phương án 2");
    assertThat(screen.getByTestId("result-alt-" + alts.get(1))).containsText("100");
    TestBrowser.screenshot(mai, "delegate-alternatives-360");
    TestBrowser.screenshot(chairPage, "chair-alternatives");
    TestBrowser.screenshot(screen, "screen-alternatives");

    // Side by side on a laptop.
    Page thang = ui.login(ui.desktop(), "daibieu4");
    Locator wide = thang.getByTestId("ballot-" + article3);
    var w1 = wide.getByTestId("alternative-" + alts.get(0)).boundingBox();
    var w2 = wide.getByTestId("alternative-" + alts.get(1)).boundingBox();
    assertThat(Math.abs(w2.y - w1.y)).isLessThan(2.0);
    assertThat(w2.x).isGreaterThan(w1.x + w1.width - 1);

    // The vote closes; the secretary revises: Điều 3 keeps its winner, khoản 4 of Điều 5 (never voted) must be picked.
    try (TestClient chair = TestClient.demo(server, "chutri")) {
      chair.ok(cmd("CloseVote").put("voteId", vote));
    }
    Page thuky = ui.login(ui.desktop(), "thuky");  // the demo has version 1; the test imported version 2, the revision makes 3
    thuky.getByTestId("nav-revise").click();
    assertThat(thuky.getByTestId("alt-group-" + article3)).hasAttribute("data-must-pick", "false");
    assertThat(thuky.getByTestId("pick-" + alts.get(1))).isChecked();
    Locator clauseGroup = thuky.getByTestId("alt-group-" + clause54);
    assertThat(clauseGroup).hasAttribute("data-must-pick", "true");
    thuky.getByTestId("pick-" + clauseAlts.get(1)).check();
    assertThat(clauseGroup).hasAttribute("data-must-pick", "false");
    thuky.getByTestId("revise-preview").click();
    assertThat(thuky.getByTestId("revise-preview-result")).isVisible();
    TestBrowser.screenshot(thuky, "revise-alternatives");
    thuky.getByTestId("revise-create").click();
    assertThat(thuky.getByTestId("revise-done")).containsText("2");
    String v2;
    try (TestClient reader = TestClient.demo(server, "thuky")) {
      JsonObject draft = TestClient.http(server.baseUrl(), "GET", "/api/conferences/demo/state", null, reader.accessToken)
          .getJsonObject("state").getJsonObject("draft");
      assertThat(draft.getInteger("version")).isEqualTo(3);
      v2 = draft.getJsonObject("document").encode();
    }
    assertThat(v2).doesNotContain("ALTERNATIVE").contains("Bố trí ngân sách nhà nước hằng năm")
        .doesNotContain("Ưu tiên dành một khoản ngân sách");
  }
}
