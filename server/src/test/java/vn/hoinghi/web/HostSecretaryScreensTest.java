package vn.hoinghi.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.testing.TestBrowser;
import vn.hoinghi.testing.TestClient;

/**
 * The host's hall result and the drafting team's answers (issue 16 item 4): labels that stay with their boxes, a
 * sentence over the head count, answer forms with nothing chosen that name the clause, one count on one page, and
 * no empty vote tables.
 */
@DisplayName("Host and drafting team screens")
class HostSecretaryScreensTest extends BrowserSessionTest {

  private JsonObject state(String user) {
    return TestClient.http(server.baseUrl(), "GET", "/api/conferences/demo/state", null, ui.token(user)).getJsonObject("state");
  }

  private String voteId() {
    return state("chutri").getJsonArray("votes").getJsonObject(0).getJsonObject("vote").getString("id");
  }

  private void hallCheckedIn(int headCount) {
    String endpointId = state("dongthap").getJsonObject("me").getString("endpointId");
    ui.command("dongthap", Ui.cmd("CheckInEndpoint").put("endpointId", endpointId).put("headCount", headCount));
  }

  @Test
  @DisplayName("each hall-result label stays beside its box when the row wraps, at 360 and 1366 px wide")
  void hostLabels() {
    ui.startSession();
    hallCheckedIn(25);
    ui.command("chutri", Ui.cmd("OpenVote").put("nodeIds", new JsonArray().add("d1")).put("title", "Biểu quyết Điều 1"));
    for (int[] size : new int[][] {{360, 740}, {1366, 768}}) {
      Page host = ui.login(ui.device(size[0], size[1]), "dongthap");
      Locator fields = host.getByTestId("hall-vote-d1").locator(".hv-field");
      assertThat(fields).hasCount(3);
      for (int i = 0; i < 3; i++) {
        BoundingBox label = fields.nth(i).locator("label").boundingBox();
        BoundingBox input = fields.nth(i).locator("input").boundingBox();
        double labelMiddle = label.y + label.height / 2;
        assertThat(labelMiddle).as(size[0] + " px, field " + i + ": label on the box's line").isBetween(input.y, input.y + input.height);
        assertThat(label.x + label.width).as(size[0] + " px, field " + i + ": label just before its box")
            .isLessThanOrEqualTo(input.x).isGreaterThan(input.x - 24);
      }
      TestBrowser.screenshot(host, "host-hall-vote-" + size[0]);
    }
  }

  @Test
  @DisplayName("over the head count the host reads a sentence saying by how much, and cannot record")
  void overHeadCount() {
    ui.startSession();
    hallCheckedIn(25);
    ui.command("chutri", Ui.cmd("OpenVote").put("nodeIds", new JsonArray().add("d1")).put("title", "Biểu quyết Điều 1"));
    Page host = ui.login(ui.phone(), "dongthap");
    Locator row = host.getByTestId("hall-vote-d1");
    Locator inputs = row.locator("input");
    inputs.nth(0).fill("20");
    inputs.nth(1).fill("5");
    assertThat(row.getByTestId("over-headcount")).hasCount(0);
    inputs.nth(2).fill("3");
    assertThat(row.getByTestId("over-headcount"))
        .hasText("Tổng 28 phiếu vượt số người có mặt (25): bớt 3 phiếu, hoặc cập nhật số người có mặt.");
    assertThat(row.locator("button[type=submit]")).isDisabled();
    TestBrowser.screenshot(host, "host-over-headcount-360");
    inputs.nth(2).fill("0");
    assertThat(row.getByTestId("over-headcount")).hasCount(0);
    assertThat(row.locator("button[type=submit]")).isEnabled();
  }

  @Test
  @DisplayName("the drafting team's answer form starts with nothing chosen, cannot be saved so, and names the clause")
  void answerFormDefault() {
    ui.startSession();
    ui.command("daibieu1", Ui.cmd("AddAnnotation").put("nodeId", "d1.k2").put("kind", "COMMENT").put("body", "Đề nghị làm rõ"));
    Page thuky = ui.login(ui.desktop(), "thuky");
    Locator thread = thuky.getByTestId("feedback-d1").getByTestId("thread").first();
    assertThat(thread.getByTestId("ann-place")).hasText("Về khoản 2 Điều 1");
    Locator form = thread.getByTestId("respond-form");
    assertThat(form.locator("input[type=radio]:checked")).hasCount(0);
    assertThat(form.getByTestId("respond-submit")).isDisabled();
    form.locator("input[value=NOTED]").check();
    assertThat(form.getByTestId("respond-submit")).isEnabled();
    form.getByTestId("respond-submit").click();
    assertThat(thread.getByTestId("response")).hasText("Ghi nhận");
    TestBrowser.screenshot(thuky, "secretary-answer");

    thuky.getByTestId("lang-toggle").click();
    assertThat(thread.getByTestId("ann-place")).hasText("On Article 1, clause 2");
  }

  private static int firstNumber(Locator l) {
    Matcher m = Pattern.compile("\\d+").matcher(l.textContent());
    assertThat(m.find()).as(l.textContent()).isTrue();
    return Integer.parseInt(m.group());
  }

  @Test
  @DisplayName("the drafting team's column names what it holds, the report panel and the opinions table count the same opinions, and an article without ballots shows no vote table")
  void countsAndEmptyTables() {
    ui.startSession();
    ui.command("chutri", Ui.cmd("OpenVote").put("nodeIds", new JsonArray().add("d1").add("d2")).put("title", "Biểu quyết Điều 1 và 2"));
    String vote = voteId();
    ui.command("daibieu1", Ui.cmd("CastBallot").put("voteId", vote).put("articleId", "d1").put("choice", "OTHER").put("text", "Nên gộp khoản 2 và 3"));
    ui.command("daibieu1", Ui.cmd("AddAnnotation").put("nodeId", "d1.k2").put("kind", "COMMENT").put("body", "Đề nghị làm rõ"));
    ui.command("daibieu4", Ui.cmd("AddAnnotation").put("nodeId", "d2").put("kind", "QUESTION").put("body", "Áp dụng từ khi nào?"));
    ui.command("daibieu5", Ui.cmd("AddAnnotation").put("nodeId", "d1").put("kind", "COMMENT").put("body", "Sẽ bị ẩn"));
    JsonArray anns = state("chutri").getJsonArray("annotations");
    String first = null;
    String hidden = null;
    for (Object o : anns) {
      JsonObject a = (JsonObject) o;
      if ("Đề nghị làm rõ".equals(a.getString("body"))) first = a.getString("id");
      if ("Sẽ bị ẩn".equals(a.getString("body"))) hidden = a.getString("id");
    }
    ui.command("daibieu4", Ui.cmd("ReplyToAnnotation").put("annotationId", first).put("body", "Đồng ý"));
    ui.command("chutri", Ui.cmd("HideAnnotation").put("annotationId", hidden).put("reason", "Trùng lặp"));

    Page thuky = ui.login(ui.device(1366, 768), "thuky");
    Locator panel = thuky.getByTestId("panel-feedback");
    assertThat(panel).isVisible();
    Locator counts = thuky.getByTestId("sec-counts");
    // The column: 2 visible threads, 1 reply, 1 "ý kiến khác"; the hidden one is named apart.
    assertThat(counts).containsText("2 góp ý trên văn bản, 1 trả lời, 1 ý kiến khác khi biểu quyết");
    assertThat(counts).containsText("1 góp ý đã ẩn (không tính)");
    // The number of opinions is the table's, in the report panel and the opinions table alike: 2 threads + 1 "ý kiến
    // khác" (a reply is not an opinion of the table).
    assertThat(panel).containsText("3 ý kiến góp ý");
    assertThat(thuky.getByTestId("op-totals")).containsText("Tổng số 3 ý kiến");
    assertThat(firstNumber(thuky.getByTestId("op-totals"))).as("the same number as the report panel").isEqualTo(firstNumber(panel));

    assertThat(thuky.getByTestId("feedback-d1").locator("[data-testid^=tally-table-]")).hasCount(1);
    assertThat(thuky.getByTestId("feedback-d2")).isVisible();
    assertThat(thuky.getByTestId("feedback-d2").locator("[data-testid^=tally-table-]")).hasCount(0);
    TestBrowser.screenshot(thuky, "secretary-1366");
  }
}
