package vn.hoinghi.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.testing.TestBrowser;
import vn.hoinghi.testing.TestClient;

/**
 * The drafting team's table of opinions in headless Chromium against the real server (embedded store, demo
 * conference): the secretary records a written opinion of an agency with the form, answers it with the row's form
 * (no answer kind chosen beforehand, the legend naming the place), and it stands in the report with its answer.
 */
@DisplayName("The secretary records a written opinion, answers it, and it appears in the report (real browser)")
class OpinionsPanelBrowserTest extends BrowserSessionTest {

  @Test
  @DisplayName("a written opinion recorded and answered in the panel is a row of the report's table and of its Markdown")
  void writtenOpinionAnswered() throws Exception {
    ui.startSession();
    Page thuky = ui.login(ui.desktop(), "thuky");
    Locator panel = thuky.getByTestId("opinions-panel");
    assertThat(panel).isVisible();
    Locator form = panel.getByTestId("written-opinion");
    form.getByTestId("op-agency").fill("Bộ Tư pháp");
    form.getByTestId("op-number").fill("12/BTP-PL");
    form.getByTestId("op-date").fill("2024-09-03");
    form.getByTestId("op-place").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Điều 8, khoản 1"));
    form.getByTestId("op-text").fill("Đề nghị quy định rõ thời hạn gửi tài liệu trước phiên họp.");
    form.getByTestId("op-written-submit").click();

    Locator row = panel.getByTestId("opinion-row").filter(new Locator.FilterOptions()
        .setHasText("Bộ Tư pháp (Công văn số 12/BTP-PL ngày 03/09/2024)"));
    assertThat(row).hasCount(1);
    assertThat(row).containsText("Điều 8, khoản 1");
    assertThat(row.getByTestId("opinion-answer")).hasText("Chưa phản hồi");
    // No answer kind is chosen until the secretary picks one; the legend names the place.
    Locator radios = row.getByRole(AriaRole.RADIO);
    assertThat(radios).hasCount(3);
    for (int i = 0; i < 3; i++) assertThat(radios.nth(i)).not().isChecked();
    assertThat(row.locator("legend")).containsText("(Điều 8, khoản 1)");
    assertThat(row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Lưu phản hồi"))).isDisabled();
    row.getByLabel("Giải trình", new Locator.GetByLabelOptions().setExact(true)).check();
    row.getByLabel("Nội dung tiếp thu, giải trình").fill("Thời hạn gửi tài liệu đã quy định tại Điều 10.");
    row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Lưu phản hồi")).click();
    assertThat(row.getByTestId("opinion-answer")).hasText("Giải trình: Thời hạn gửi tài liệu đã quy định tại Điều 10.");
    assertThat(panel.getByTestId("op-totals")).containsText("giải trình 1");
    TestBrowser.screenshot(thuky, "opinions-panel");

    // The report as filed: the Markdown export holds the row with its source and answer, and no internal id.
    JsonObject report = TestClient.http(server.baseUrl(), "GET", "/api/conferences/demo/report", null, ui.token("thuky"));
    assertThat(report.getJsonObject("tableTotals").getInteger("explained")).isEqualTo(1);
    var res = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(server.baseUrl() + "/api/conferences/demo/report/md"))
        .header("Authorization", "Bearer " + ui.token("thuky")).GET().build(),
        java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(res.statusCode()).isEqualTo(200);
    String line = res.body().lines().filter(l -> l.contains("Bộ Tư pháp (Công văn số 12/BTP-PL ngày 03/09/2024)"))
        .findFirst().orElseThrow();
    assertThat(line).contains("| Điều 8, khoản 1 |").contains("Giải trình: Thời hạn gửi tài liệu đã quy định tại Điều 10.")
        .doesNotContain("wo-");
  }
}
