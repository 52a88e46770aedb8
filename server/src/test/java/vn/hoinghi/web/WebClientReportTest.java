package vn.hoinghi.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.testing.TestBrowser;
import vn.hoinghi.testing.TestClient;

/**
 * The synthesis views of the web client in headless Chromium against the real server (embedded store, demo
 * conference): the drafting team's report and its DOCX export, the revised draft from a delegate's proposed wording
 * with its differences, earlier versions still readable, the audit log, a host's part of the report, and English.
 * Screenshots go to target/screenshots/.
 */
@DisplayName("The report, revised draft, differences and audit log in a real browser")
class WebClientReportTest extends BrowserSessionTest {
  private static final String QUOTE = "mỗi quý một lần";
  private static final String WORDING = "hai tháng một lần";
  private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  /** The text of a node of the current draft, as the server holds it. */
  private String nodeText(String nodeId) {
    JsonObject state = TestClient.http(server.baseUrl(), "GET", "/api/conferences/demo/state", null, ui.token("chutri"));
    JsonObject n = find(state.getJsonObject("state").getJsonObject("draft").getJsonObject("document").getJsonArray("nodes"), nodeId);
    if (n == null) throw new AssertionError("no node " + nodeId);
    return n.getString("text");
  }

  private static JsonObject find(JsonArray nodes, String id) {
    for (int i = 0; i < nodes.size(); i++) {
      JsonObject n = nodes.getJsonObject(i);
      if (id.equals(n.getString("id"))) return n;
      JsonObject deeper = find(n.getJsonArray("children", new JsonArray()), id);
      if (deeper != null) return deeper;
    }
    return null;
  }

  /** A delegate's proposed wording on a quoted passage, sent over REST as the delegate's client would. */
  private void proposeWording(String username, String nodeId, String exact, String replacement, String body) {
    String text = nodeText(nodeId);
    int start = text.indexOf(exact);
    assertThat(start).as("the passage is in %s", nodeId).isGreaterThanOrEqualTo(0);
    ui.command(username, Ui.cmd("AddAnnotation").put("nodeId", nodeId).put("kind", "PROPOSED_WORDING").put("body", body)
        .put("replacement", replacement)
        .put("quote", new JsonObject().put("exact", exact).put("prefix", text.substring(Math.max(0, start - 32), start))
            .put("suffix", text.substring(start + exact.length(), Math.min(text.length(), start + exact.length() + 32))))
        .put("position", new JsonObject().put("start", start).put("end", start + exact.length())));
  }

  /** Clicks a download button; returns the download and the server's response to the authenticated fetch. */
  private static Object[] download(Page page, String testId, String urlPart) {
    Response[] response = new Response[1];
    Download d = page.waitForDownload(() -> response[0] = page.waitForResponse(r -> r.url().contains(urlPart),
        () -> page.getByTestId(testId).click()));
    return new Object[] {d, response[0]};
  }

  @Test
  @DisplayName("the drafting team downloads the DOCX report, takes in a delegate's wording as version 2 and sees the changed words")
  void reportAndRevisedDraft() throws Exception {
    ui.startSession();
    proposeWording("daibieu1", "d8.k1", QUOTE, WORDING, "Đề nghị họp dày hơn để kịp thời lãnh đạo");
    ui.command("daibieu4", Ui.cmd("AddAnnotation").put("nodeId", "d2").put("kind", "QUESTION")
        .put("body", "Vị trí này có bao gồm ban cán sự đảng không?"));
    ui.command("chutri", Ui.cmd("OpenVote").put("nodeIds", new JsonArray().add("d1")).put("title", "Biểu quyết Điều 1"));
    JsonObject state = TestClient.http(server.baseUrl(), "GET", "/api/conferences/demo/state", null, ui.token("chutri"));
    String voteId = state.getJsonObject("state").getJsonArray("votes").getJsonObject(0).getJsonObject("vote").getString("id");
    ui.command("daibieu1", Ui.cmd("CastBallot").put("voteId", voteId).put("articleId", "d1").put("choice", "AGREE"));
    ui.command("daibieu4", Ui.cmd("CastBallot").put("voteId", voteId).put("articleId", "d1").put("choice", "OTHER")
        .put("text", "Đề nghị bổ sung cấp ủy cơ quan"));

    // The report, per article, live.
    Page thuky = ui.login(ui.desktop(), "thuky");
    thuky.getByTestId("nav-report").click();
    assertThat(thuky.getByTestId("report-status")).containsText("Báo cáo tạm thời");
    Locator d8 = thuky.getByTestId("report-article-d8");
    assertThat(d8.getByTestId("report-replacement")).containsText(WORDING);
    assertThat(d8.getByTestId("report-who")).containsText("Tỉnh ủy Đồng Tháp");
    assertThat(d8.getByTestId("report-who")).containsText("Nguyễn Thị Mai");
    assertThat(d8.getByTestId("report-answer")).hasText("Chưa phản hồi");
    assertThat(thuky.getByTestId("report-counts-d1")).containsText("Tán thành: 1");
    assertThat(thuky.getByTestId("report-article-d1").locator("[data-kind=VOTE_OPINION]")).containsText("Đề nghị bổ sung cấp ủy cơ quan");
    assertThat(thuky.getByTestId("report-article-d2")).containsText("Thành ủy Hà Nội");
    assertThat(thuky.getByTestId("report-silent")).containsText("Thành ủy Huế");
    assertThat(thuky.getByTestId("total-proposed").locator("dd")).hasText("1");
    TestBrowser.screenshot(thuky, "report-drafting-team");

    // DOCX: fetched with the token, saved under a Vietnamese name; Word's text read back with POI.
    Object[] got = download(thuky, "dl-report-docx", "/report/docx");
    Download docx = (Download) got[0];
    Response res = (Response) got[1];
    assertThat(res.status()).isEqualTo(200);
    assertThat(res.headers().get("content-type")).isEqualTo(DOCX);
    assertThat(Long.parseLong(res.headers().get("content-length"))).as("DOCX size on the wire").isGreaterThan(8_000);
    assertThat(Files.size(docx.path())).as("DOCX size saved").isEqualTo(Long.parseLong(res.headers().get("content-length")));
    assertThat(docx.suggestedFilename()).startsWith("Báo cáo tổng hợp ý kiến góp ý - Hội nghị").contains("tạm thời").endsWith(".docx");
    Path file = docx.path();
    try (InputStream in = Files.newInputStream(file); XWPFDocument doc = new XWPFDocument(in);
        XWPFWordExtractor words = new XWPFWordExtractor(doc)) {
      String text = words.getText();
      assertThat(text).contains("BÁO CÁO").contains("Tổng hợp, tiếp thu, giải trình ý kiến góp ý")
          .contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").contains(WORDING).contains("Nguyễn Thị Mai");
    }

    // The revised draft: take in the wording, preview the differences, create version 2.
    thuky.getByTestId("nav-revise").click();
    Locator wording = thuky.getByTestId("wording").filter(new Locator.FilterOptions().setHasText(WORDING));
    assertThat(wording).containsText("Điều 8, khoản 1");
    wording.getByTestId("wording-check").check();
    thuky.getByTestId("revise-preview").click();
    Locator preview = thuky.getByTestId("revise-preview-result");
    assertThat(preview.getByTestId("applied")).containsText("Nguyễn Thị Mai");
    Locator previewD8 = preview.locator("[data-testid=diff-article][data-article-id=d8]");
    assertThat(previewD8.getByTestId("diff-ins")).containsText("hai tháng");
    assertThat(previewD8.getByTestId("diff-del")).containsText("mỗi quý");
    TestBrowser.screenshot(thuky, "revise-preview");
    // No new version while a vote is open: the view says so and waits; the chair closes the vote.
    assertThat(thuky.getByTestId("revise-vote-open")).isVisible();
    assertThat(thuky.getByTestId("revise-create")).isDisabled();
    ui.command("chutri", Ui.cmd("CloseVote").put("voteId", voteId));
    assertThat(thuky.getByTestId("revise-vote-open")).hasCount(0);
    thuky.getByTestId("revise-create").click();
    assertThat(thuky.getByTestId("revise-done")).containsText("dự thảo lần 2");

    // The differences between versions 1 and 2, word by word, with whom the change came from.
    thuky.getByTestId("revise-see-diff").click();
    Locator diff = thuky.locator("[data-testid=diff-articles] [data-testid=diff-article][data-article-id=d8]");
    assertThat(diff).hasAttribute("data-status", "CHANGED");
    assertThat(diff.getByTestId("diff-new").getByTestId("diff-ins")).hasText(Pattern.compile("\\[bắt đầu phần thêm mới\\]\\s*hai tháng\\s*\\[hết phần thêm mới\\]"));
    assertThat(diff.getByTestId("diff-old").getByTestId("diff-del")).containsText("mỗi quý");
    assertThat(diff.getByTestId("diff-new")).not().containsText("mỗi quý");
    assertThat(diff.getByTestId("diff-proposal")).containsText("Nguyễn Thị Mai");
    assertThat(diff.getByTestId("diff-proposal")).containsText("Đã đưa vào văn bản");
    assertThat(thuky.getByTestId("diff-summary")).containsText("1 điều sửa đổi");
    TestBrowser.screenshot(thuky, "diff-versions");

    // The wording was answered "tiếp thu" with the import; the report says so.
    thuky.getByTestId("nav-report").click();
    assertThat(thuky.locator("[data-id^=ann-] [data-testid=report-answer]").filter(new Locator.FilterOptions().setHasText("Tiếp thu")))
        .hasCount(1);

    // A delegate's draft reader: version 2 by default, version 1 still readable.
    Page mai = ui.login(ui.phone(), "daibieu1");
    mai.getByTestId("article-select").selectOption("d8");
    assertThat(mai.getByTestId("article")).containsText(WORDING);
    mai.getByTestId("draft-version").selectOption("1");
    assertThat(mai.getByTestId("version-article")).containsText(QUOTE);
    assertThat(mai.getByTestId("version-article")).containsText("Điều 8");
    TestBrowser.screenshot(mai, "delegate-version-1-360");
  }

  @Test
  @DisplayName("the audit log shows recent events and keeps secret ballots anonymous; a host reads their part; English works")
  void auditLogHostAndEnglish() throws Exception {
    ui.startSession();
    ui.command("daibieu1", Ui.cmd("AddAnnotation").put("nodeId", "d3.k1").put("kind", "COMMENT").put("body", "Đồng Tháp đồng ý khoản 1."));
    ui.command("daibieu4", Ui.cmd("AddAnnotation").put("nodeId", "d2").put("kind", "QUESTION").put("body", "Câu hỏi của Hà Nội về Điều 2"));
    ui.command("chutri", Ui.cmd("OpenVote").put("nodeIds", new JsonArray().add("d2")).put("mode", "ANONYMOUS").put("title", "Bỏ phiếu kín Điều 2"));
    JsonObject state = TestClient.http(server.baseUrl(), "GET", "/api/conferences/demo/state", null, ui.token("chutri"));
    String voteId = state.getJsonObject("state").getJsonArray("votes").getJsonObject(0).getJsonObject("vote").getString("id");
    ui.command("daibieu2", Ui.cmd("CastBallot").put("voteId", voteId).put("articleId", "d2").put("choice", "DISAGREE"));

    // The chair's console carries the report's numbers and downloads.
    Page chair = ui.login(ui.desktop(), "chutri");
    Locator panel = chair.getByTestId("report-panel");
    assertThat(panel.getByTestId("panel-feedback")).containsText("2 ý kiến góp ý");
    assertThat(panel.getByTestId("dl-report-pdf")).isVisible();

    // The audit log: newest first, who did what; the secret ballot names nobody.
    chair.getByTestId("nav-audit").click();
    Locator rows = chair.getByTestId("audit-row");
    assertThat(rows.first()).hasAttribute("data-type", "SecretBallotCast");
    assertThat(rows.first().getByTestId("audit-who")).hasText("Phiếu kín (ẩn danh)");
    assertThat(rows.first().getByTestId("audit-what")).containsText("Bỏ phiếu kín");
    assertThat(rows.first()).not().containsText("Trần Văn Phúc");
    Locator started = chair.locator("[data-testid=audit-row][data-type=ConferenceStarted]");
    assertThat(started.getByTestId("audit-who")).containsText("Trần Quốc Minh");
    assertThat(started.getByTestId("audit-what")).containsText("Khai mạc hội nghị");
    assertThat(chair.getByTestId("audit-range")).containsText("/");
    TestBrowser.screenshot(chair, "audit-log");

    Object[] got = download(chair, "dl-audit-csv", "/audit/csv");
    Download csv = (Download) got[0];
    Response res = (Response) got[1];
    assertThat(res.status()).isEqualTo(200);
    assertThat(res.headers().get("content-type")).startsWith("text/csv");
    assertThat(csv.suggestedFilename()).startsWith("Nhật ký hội nghị - Hội nghị").endsWith(".csv");
    String log = Files.readString(csv.path(), StandardCharsets.UTF_8);
    assertThat(log).startsWith("\uFEFFseq,at,type,actor,actorName,commandId,data").contains("ConferenceStarted").contains("anonymous-voter");
    assertThat(log.lines().filter(l -> l.contains("SecretBallotCast"))).allMatch(l -> !l.contains("Trần Văn Phúc") && !l.contains("p-49"));

    // English on the synthesis views.
    chair.getByTestId("lang-toggle").click();
    assertThat(chair.locator("#au-h")).hasText("Audit log");
    assertThat(rows.first().getByTestId("audit-who")).hasText("Secret ballot (anonymous)");
    assertThat(rows.first().getByTestId("audit-what")).containsText("Secret ballot cast");
    chair.getByTestId("nav-report").click();
    assertThat(chair.locator("#rep-h")).hasText("Synthesis report: feedback, responses and explanations");
    assertThat(chair.getByTestId("report-status")).containsText("Provisional report");
    assertThat(chair.getByTestId("report-article-d2").locator("table.feedback thead")).containsText("Endpoint, author");
    TestBrowser.screenshot(chair, "report-english");
    chair.getByTestId("nav-diff").click();
    assertThat(chair.locator("#diff-h")).hasText("Compare draft versions");
    assertThat(chair.getByTestId("diff-one-version")).containsText("only one version");
    chair.getByTestId("lang-toggle").click();
    assertThat(chair.locator("#diff-h")).hasText("So sánh các lần dự thảo");

    // A host reads their endpoint's part only: Đồng Tháp's comment, not Hà Nội's question.
    Page host = ui.login(ui.phone(), "dongthap");
    host.getByTestId("nav-report").click();
    assertThat(host.getByTestId("report-scope")).containsText("Tỉnh ủy Đồng Tháp");
    assertThat(host.getByTestId("report-article-d3")).containsText("Đồng Tháp đồng ý khoản 1.");
    assertThat(host.getByTestId("report")).not().containsText("Câu hỏi của Hà Nội");
    assertThat(host.getByTestId("nav-audit")).hasCount(0);
    TestBrowser.screenshot(host, "report-host-360");
    assertThat(((Number) host.evaluate("document.documentElement.scrollWidth")).intValue())
        .as("no horizontal scrolling at 360 px").isLessThanOrEqualTo(360);
  }
}
