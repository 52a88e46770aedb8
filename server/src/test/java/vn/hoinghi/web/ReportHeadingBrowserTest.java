package vn.hoinghi.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.nio.file.Files;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.testing.TestBrowser;
import vn.hoinghi.testing.TestClient;

/**
 * The secretary fills the report view's Thể thức văn bản form in headless Chromium: it is saved for the conference
 * (the state holds it, the form shows it back after a reload), a colleague's browser sees it, the Word download
 * carries it, and a refusal the form foresees is said in Vietnamese without sending anything.
 */
@DisplayName("The report's heading block and signature, filled in a real browser")
class ReportHeadingBrowserTest extends BrowserSessionTest {

  @Test
  @DisplayName("the secretary saves the heading; it is shown, kept, and the DOCX carries it")
  void secretaryFillsTheForm() throws Exception {
    Page thuky = ui.login(ui.desktop(), "thuky");
    thuky.getByTestId("nav-report").click();
    Locator form = thuky.getByTestId("heading-form");
    assertThat(form.getByTestId("heading-not-set")).isVisible();
    // Labels name the boxes (Vietnamese first).
    assertThat(thuky.getByLabel("Cơ quan ban hành")).isVisible();
    assertThat(thuky.getByLabel("Họ và tên người ký")).isVisible();

    thuky.getByTestId("h-body-tbt").check();
    thuky.getByLabel("Cơ quan ban hành").fill("Bộ Tư pháp");
    thuky.getByLabel("Số, ký hiệu").fill("25/BC-TBT");
    thuky.getByLabel("Địa danh").fill("Đà Nẵng");
    thuky.getByTestId("h-signing").selectOption("KT");
    thuky.getByTestId("h-headTitle").fill("Tổ trưởng");
    // KT. without the signer's title: said at once, nothing sent.
    thuky.getByTestId("heading-save").click();
    assertThat(form.getByTestId("heading-problem")).containsText("KT.");
    assertThat(form.getByTestId("heading-not-set")).isVisible();

    thuky.getByLabel("Chức vụ người ký").fill("Tổ phó");
    // User text is text: markup typed in the name is shown as typed, never run.
    thuky.getByLabel("Họ và tên người ký").fill("Nguyễn Văn An <b>x</b>");
    thuky.getByTestId("h-recipients").fill("Bộ trưởng Bộ Tư pháp (để báo cáo);\nCác điểm cầu tham dự hội nghị");
    thuky.getByTestId("heading-save").click();

    assertThat(form.getByTestId("heading-saved")).hasText("Đã lưu cho hội nghị");
    assertThat(form.getByTestId("hc-agency")).hasText("BỘ TƯ PHÁP");
    assertThat(form.getByTestId("hc-number")).hasText("Số: 25/BC-TBT");
    assertThat(form.getByTestId("hc-body")).hasText("Tổ biên tập");
    assertThat(form.getByTestId("hc-signing")).containsText("KT.");
    assertThat(form.getByTestId("hc-signing")).containsText("Tổ phó");
    assertThat(form.getByTestId("hc-signer")).hasText("Nguyễn Văn An <b>x</b>");
    assertThat(form.getByTestId("hc-signer").locator("b")).hasCount(0);
    assertThat(form.getByTestId("hc-recipients").locator("li")).hasText(new String[] {
        "Bộ trưởng Bộ Tư pháp (để báo cáo)", "Các điểm cầu tham dự hội nghị"});
    TestBrowser.screenshot(thuky, "report-heading-form");

    // Stored for the conference: the server's state holds it, and after a reload the form shows it back.
    JsonObject state = TestClient.http(server.baseUrl(), "GET", "/api/conferences/demo/state", null, ui.token("chutri"));
    JsonObject h = state.getJsonObject("state").getJsonObject("reportHeading");
    assertThat(h.getString("agency")).isEqualTo("BỘ TƯ PHÁP");
    assertThat(h.getString("signing")).isEqualTo("KT");
    thuky.reload();
    assertThat(thuky.getByTestId("connection")).hasAttribute("data-status", "live");
    assertThat(thuky.getByTestId("heading-saved")).isVisible();
    assertThat(thuky.getByTestId("h-agency")).hasValue("BỘ TƯ PHÁP");
    assertThat(thuky.getByTestId("h-signerTitle")).hasValue("Tổ phó");

    // The chair's browser sees the same heading.
    Page chair = ui.login(ui.desktop(), "chutri");
    chair.getByTestId("nav-report").click();
    assertThat(chair.getByTestId("hc-number")).hasText("Số: 25/BC-TBT");

    // The Word download, with no parameter from the browser, carries it.
    Response[] response = new Response[1];
    Download d = thuky.waitForDownload(() -> response[0] = thuky.waitForResponse(r -> r.url().contains("/report/docx"),
        () -> thuky.getByTestId("dl-report-docx").click()));
    assertThat(response[0].status()).isEqualTo(200);
    assertThat(response[0].url()).doesNotContain("agency=").doesNotContain("number=");
    try (InputStream in = Files.newInputStream(d.path()); XWPFDocument doc = new XWPFDocument(in);
        XWPFWordExtractor words = new XWPFWordExtractor(doc)) {
      assertThat(words.getText()).contains("BỘ TƯ PHÁP", "Số: 25/BC-TBT", "Đà Nẵng, ngày ", "KT. TỔ TRƯỞNG", "TỔ PHÓ",
          "Nguyễn Văn An <b>x</b>", "- Bộ trưởng Bộ Tư pháp (để báo cáo);", "- Các điểm cầu tham dự hội nghị;",
          "- Lưu: VT, TBT.", "Tổ biên tập tổng hợp, tiếp thu, giải trình").doesNotContain("Ban soạn thảo");
    }

    // A host reads the report without the form.
    Page host = ui.login(ui.phone(), "dongthap");
    host.getByTestId("nav-report").click();
    assertThat(host.getByTestId("report-scope")).isVisible();
    assertThat(host.getByTestId("heading-form")).hasCount(0);
  }
}
