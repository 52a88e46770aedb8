package vn.hoinghi.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.testing.TestBrowser;
import vn.hoinghi.testing.TestClient;

/**
 * Merging opinions in the drafting team's table, in headless Chromium against the real server (demo conference):
 * the secretary chooses two rows by their labelled checkboxes, merges them after the inline confirmation and the undo
 * window, reads one row with both sources, answers it once, and splits it again. Bad merges over the wire are
 * refused with a clear error and change nothing.
 */
@DisplayName("The secretary merges two opinions into one row, answers it once and splits it again (real browser)")
class OpinionsMergeBrowserTest extends BrowserSessionTest {

  private static final String COMMENT = "Đề nghị quy định rõ thời hạn gửi tài liệu trước phiên họp.";
  private static final String WRITTEN = "Cần quy định thời hạn gửi tài liệu họp.";
  /** The undo window (8 s) and the report's reload: longer than Playwright's default 5 s. */
  private static final LocatorAssertions.HasCountOptions AFTER_WINDOW = new LocatorAssertions.HasCountOptions().setTimeout(20_000);

  private void twoOpinions() {
    ui.startSession();
    ui.command("daibieu1", Ui.cmd("AddAnnotation").put("nodeId", "d1.k2").put("kind", "COMMENT").put("body", COMMENT));
    ui.command("thuky", Ui.cmd("RecordWrittenOpinion").put("agency", "Bộ Tư pháp").put("letterNumber", "12/BTP-PL")
        .put("nodeId", "d1.k2").put("text", WRITTEN));
  }

  private JsonObject report() {
    return TestClient.http(server.baseUrl(), "GET", "/api/conferences/demo/report", null, ui.token("thuky"));
  }

  @Test
  @DisplayName("two rows chosen and merged after confirmation: one row lists both sources in view, is answered once, and splits back into two")
  void mergeAnswerUnmerge() {
    twoOpinions();
    Page thuky = ui.login(ui.desktop(), "thuky");
    Locator panel = thuky.getByTestId("opinions-panel");
    Locator rows = panel.getByTestId("opinion-row");
    assertThat(rows).hasCount(2);
    Locator merge = panel.getByTestId("op-merge");
    assertThat(merge).isDisabled();

    // The checkboxes are labelled with the row's STT and place.
    panel.getByLabel("Chọn ý kiến số 1 (Điều 1, khoản 2) để gộp").check();
    assertThat(merge).isDisabled(); // one row is not a merge
    panel.getByLabel("Chọn ý kiến số 2 (Điều 1, khoản 2) để gộp").check();
    assertThat(panel.getByTestId("merge-chosen")).hasText("Đã chọn 2 ý kiến: số 1, 2.");
    merge.click();
    // Confirmed inline first, then the undo window.
    Locator question = panel.getByTestId("op-merge-confirm");
    assertThat(question).containsText("Gộp các ý kiến số 1, 2 thành một dòng?");
    assertThat(question).containsText("của ý kiến số 1 (Điều 1, khoản 2)");
    question.getByTestId("confirm-yes").click();
    assertThat(thuky.getByTestId("undo-item")).containsText("Gộp các ý kiến số 1, 2");
    assertThat(rows).hasCount(1, AFTER_WINDOW);

    Locator row = rows.first();
    assertThat(row).hasAttribute("data-merged", "true");
    Locator sources = row.getByTestId("op-merged-sources");
    assertThat(sources.locator("li")).hasCount(2);
    assertThat(sources).containsText("Nguyễn Thị Mai");
    assertThat(sources).containsText("Bộ Tư pháp (Công văn số 12/BTP-PL)");
    assertThat(row.locator(".opinion-content")).hasText(COMMENT);
    // Readable where it is: in the viewport, body-size type.
    sources.scrollIntoViewIfNeeded();
    assertThat(sources).isInViewport();
    double px = ((Number) sources.locator("li").first().evaluate("e => parseFloat(getComputedStyle(e).fontSize)")).doubleValue();
    assertThat(px).as("font size of a source").isGreaterThanOrEqualTo(14);
    TestBrowser.screenshot(thuky, "opinions-merged");

    // Answered once, for both.
    row.getByLabel("Tiếp thu", new Locator.GetByLabelOptions().setExact(true)).check();
    row.getByLabel("Nội dung tiếp thu, giải trình").fill("Bổ sung thời hạn 5 ngày làm việc.");
    row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Lưu phản hồi")).click();
    assertThat(row.getByTestId("opinion-answer")).hasText("Tiếp thu: Bổ sung thời hạn 5 ngày làm việc.");
    assertThat(panel.getByTestId("op-totals")).containsText("Tổng số 1 ý kiến; đã phản hồi 1 (tiếp thu 1");
    JsonObject merged = report();
    assertThat(merged.getJsonObject("tableTotals").getInteger("rows")).isEqualTo(1);
    assertThat(merged.getJsonObject("totals").getInteger("opinions")).isEqualTo(1);
    assertThat(merged.getJsonObject("totals").getInteger("merged")).isEqualTo(1);
    assertThat(merged.getJsonObject("totals").getInteger("accepted")).isEqualTo(1);

    // Split again: two rows, the written opinion without an answer of its own.
    row.getByTestId("op-unmerge").click();
    assertThat(thuky.getByTestId("undo-item")).containsText("Tách các ý kiến đã gộp ở dòng số 1");
    assertThat(rows).hasCount(2, AFTER_WINDOW);
    assertThat(panel.locator("[data-merged=true]")).hasCount(0);
    Locator written = rows.filter(new Locator.FilterOptions().setHasText(WRITTEN));
    assertThat(written.getByTestId("opinion-answer")).hasText("Chưa phản hồi");
    assertThat(rows.filter(new Locator.FilterOptions().setHasText(COMMENT)).getByTestId("opinion-answer"))
        .hasText("Tiếp thu: Bổ sung thời hạn 5 ngày làm việc.");
    JsonObject split = report();
    assertThat(split.getJsonObject("totals").getInteger("opinions")).isEqualTo(2);
    assertThat(split.getJsonObject("totals").getInteger("merged")).isZero();
    assertThat(split.getJsonObject("totals").getInteger("unanswered")).isEqualTo(1);
  }

  @Test
  @DisplayName("over the wire: merging one id, an unknown id or an already-merged one is refused with a clear error, and nothing changes")
  void badMergesRefused() {
    twoOpinions();
    JsonArray table = report().getJsonArray("table");
    String a = table.getJsonObject(0).getJsonArray("opinionIds").getString(0);
    String b = table.getJsonObject(1).getJsonArray("opinionIds").getString(0);

    refused(new JsonArray().add(a), "INVALID", "Cần gộp từ 2");
    refused(new JsonArray().add(a).add("ann-999"), "NOT_FOUND", "Không tìm thấy ý kiến ann-999");
    refused(null, "INVALID", "Cần gộp từ 2");
    JsonObject unmerge = post(Ui.cmd("UnmergeOpinion").put("opinionId", b));
    assertThat(unmerge.getString("code")).as(unmerge.encode()).isEqualTo("WRONG_STATE");
    assertThat(report().getJsonArray("table")).hasSize(2);

    ui.command("thuky", Ui.cmd("MergeOpinions").put("opinionIds", new JsonArray().add(a).add(b)));
    // b is merged into a: merging it again, into anything, is a conflict.
    refused(new JsonArray().add(b).add(a), "CONFLICT", "đã được gộp vào ý kiến " + a);
    assertThat(report().getJsonArray("table")).hasSize(1);
    assertThat(report().getJsonObject("totals").getInteger("merged")).isEqualTo(1);
  }

  private JsonObject post(JsonObject command) {
    return TestClient.post(server.baseUrl(), "/api/conferences/demo/commands",
        new JsonObject().put("id", "bad-" + System.nanoTime()).put("command", command), ui.token("thuky"));
  }

  private void refused(JsonArray ids, String code, String messageVi) {
    int rowsBefore = report().getJsonArray("table").size();
    JsonObject r = post(Ui.cmd("MergeOpinions").put("opinionIds", ids));
    assertThat(r.getString("type")).as(r.encode()).isEqualTo("error");
    assertThat(r.getString("code")).as(r.encode()).isEqualTo(code);
    assertThat(r.getInteger("_status")).as(r.encode()).isBetween(400, 499);
    assertThat(r.getJsonObject("message").getString("vi")).contains(messageVi);
    assertThat(r.getJsonObject("message").getString("en")).isNotBlank();
    assertThat(report().getJsonArray("table")).hasSize(rowsBefore);
  }
}
