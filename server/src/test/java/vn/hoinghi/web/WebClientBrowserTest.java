package vn.hoinghi.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.testing.TestBrowser;
import vn.hoinghi.testing.TestClient;

/**
 * The web client in headless Chromium against the real server (embedded store, demo conference), each person in
 * their own browser context: the story's session as the chair, delegates, a hall host and a hall screen run it.
 * Screenshots of every view go to target/screenshots/.
 */
@DisplayName("The web client in a real browser")
class WebClientBrowserTest extends BrowserSessionTest {
  private static final String MALICIOUS = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\"> Đề nghị làm rõ";

  private static Locator first(Page page, String css) {
    return page.locator(css).first();
  }

  @Test
  @DisplayName("the chair opens a vote, two delegates vote, the chair's chart and table show the counts live")
  void voting() {
    Page chair = ui.login(ui.desktop(), "chutri");
    chair.getByTestId("start-conference").click();
    assertThat(chair.getByTestId("conference-status")).hasText("Đang diễn ra");
    chair.getByTestId("agenda-start").first().click();
    assertThat(chair.getByTestId("agenda-timer")).isVisible();
    chair.getByTestId("vote-target").selectOption("d1");
    chair.getByTestId("open-vote").click();
    assertThat(chair.getByTestId("close-vote")).isVisible();

    Page mai = ui.login(ui.phone(), "daibieu1");      // Đồng Tháp, on a phone
    Page thang = ui.login(ui.desktop(), "daibieu4");  // Hà Nội
    Locator maiBallot = mai.getByTestId("ballot-d1");
    assertThat(maiBallot).hasAttribute("data-state", "none");
    assertThat(maiBallot.getByTestId("ballot-state")).hasText("Chưa biểu quyết");
    maiBallot.getByTestId("choice-AGREE").click();
    Locator thangBallot = thang.getByTestId("ballot-d1");
    thangBallot.getByTestId("choice-OTHER").click();
    thangBallot.getByTestId("other-text").fill("Đề nghị bổ sung “cấp ủy cơ quan” vào khoản 1");
    thangBallot.getByTestId("other-submit").click();
    assertThat(maiBallot).hasAttribute("data-state", "voted");
    assertThat(maiBallot.getByTestId("ballot-state")).hasText("Đã biểu quyết");
    assertThat(thangBallot).hasAttribute("data-state", "voted");

    Locator table = first(chair, "[data-testid^=tally-table-]");
    assertThat(table.getByTestId("agree-d1")).containsText("1");
    assertThat(table.getByTestId("other-d1")).containsText("1");
    assertThat(table.getByTestId("total-d1")).hasText("2");
    assertThat(first(chair, "[data-testid^=tally-chart-] [data-testid=chart-counts-d1]")).hasText("1 · 0 · 1 / 2");
    Locator byEndpoint = first(chair, "[data-testid^=endpoint-tally-]");
    assertThat(byEndpoint).containsText("Tỉnh ủy Đồng Tháp");
    assertThat(byEndpoint).containsText("Thành ủy Hà Nội");

    // A delegate may change their mind until the vote closes; the chart follows.
    maiBallot.getByTestId("choice-DISAGREE").click();
    assertThat(maiBallot).hasAttribute("data-state", "changed");
    assertThat(first(chair, "[data-testid^=tally-chart-] [data-testid=chart-counts-d1]")).hasText("0 · 1 · 1 / 2");
    TestBrowser.screenshot(chair, "chair-console");
    TestBrowser.screenshot(mai, "delegate-vote-360");
    assertThat(((Number) mai.evaluate("document.documentElement.scrollWidth")).intValue())
        .as("no horizontal scrolling at 360 px").isLessThanOrEqualTo(360);

    chair.getByTestId("close-vote").click();
    assertThat(maiBallot).hasAttribute("data-state", "closed");
    assertThat(maiBallot.getByTestId("my-choice")).containsText("Không tán thành");
  }

  @Test
  @DisplayName("a delegate annotates a passage, the other sees the highlight appear, replies; user text stays inert")
  void annotations() {
    ui.startSession();
    Page mai = ui.login(ui.phone(), "daibieu1");
    Page thang = ui.login(ui.desktop(), "daibieu4");
    mai.getByTestId("article-select").selectOption("d1");
    thang.getByTestId("article-select").selectOption("d1");
    // The draft's text comes over HTTP after the snapshot: select in the passage only once it is on the screen.
    assertThat(thang.locator("[data-node-text=\"d1.k2\"]")).isVisible();

    String exact = (String) thang.evaluate("() => {"
        + " const el = document.querySelector('[data-node-text=\"d1.k2\"]');"
        + " const r = document.createRange(); r.setStart(el.firstChild, 10); r.setEnd(el.firstChild, 40);"
        + " const s = window.getSelection(); s.removeAllRanges(); s.addRange(r);"
        + " el.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));"
        + " return el.textContent.slice(10, 40); }");
    assertThat(thang.getByTestId("composer-quote")).containsText(exact);
    thang.getByTestId("annotation-body").fill(MALICIOUS);
    thang.getByTestId("annotation-submit").click();

    Locator highlight = mai.getByTestId("highlight").first();
    assertThat(highlight).containsText(exact); // the selection snaps to whole words: the highlight may be wider
    Locator thread = mai.getByTestId("thread").first();
    assertThat(thread.getByTestId("ann-body")).hasText(MALICIOUS);
    assertThat(thread).containsText("Bùi Đức Thắng");
    assertThat(mai.locator("[data-testid=thread] img")).hasCount(0);
    assertThat(mai.locator("[data-testid=thread] script")).hasCount(0);
    assertThat(mai.evaluate("window.__pwned")).isNull();
    assertThat(thang.evaluate("window.__pwned")).isNull();

    // Reply: threads are live both ways.
    mai.locator("[data-testid=thread] .reply-form input").first().fill("Đồng ý, nên viết rõ hơn");
    mai.locator("[data-testid=thread] .reply-form button").first().click();
    assertThat(thang.getByTestId("reply").first()).containsText("Đồng ý, nên viết rõ hơn");
    highlight.click();
    TestBrowser.screenshot(mai, "delegate-annotation-360");

    // The drafting team sees it under Điều 1 and answers; the delegate sees the answer.
    Page thuky = ui.login(ui.desktop(), "thuky");
    Locator feedback = thuky.getByTestId("feedback-d1");
    assertThat(feedback.getByTestId("ann-body").first()).hasText(MALICIOUS);
    thuky.getByTestId("filter-response").selectOption("none");
    assertThat(feedback).isVisible();
    Locator form = feedback.getByTestId("respond-form").first();
    form.locator("input[value=EXPLAINED]").check();
    form.locator("textarea").fill("Giữ nguyên vì đã thống nhất với Điều lệ Đảng.");
    form.locator("button[type=submit]").click();
    assertThat(mai.getByTestId("thread").first().getByTestId("response")).hasText("Giải trình");
    thuky.getByTestId("filter-response").selectOption("EXPLAINED");
    assertThat(feedback).isVisible();
    TestBrowser.screenshot(thuky, "drafting-team");
  }

  @Test
  @DisplayName("a host checks in and requests the floor, the chair grants it, the hall screen shows speaker and countdown")
  void floor() {
    ui.startSession();
    Page host = ui.login(ui.desktop(), "dongthap");
    Page chair = ui.login(ui.desktop(), "chutri");
    Page screen = ui.login(ui.device(1280, 800), "manhinh");
    assertThat(screen.getByTestId("screen")).isVisible();

    host.getByTestId("headcount").fill("25");
    host.getByTestId("checkin-submit").click();
    assertThat(host.getByTestId("checkin-status")).containsText("25");
    host.getByTestId("request-floor").click();
    assertThat(host.getByTestId("my-request")).containsText("1");

    Locator item = chair.getByTestId("queue-item").first();
    assertThat(item).containsText("Tỉnh ủy Đồng Tháp");
    assertThat(screen.getByTestId("queue-item").first()).containsText("Tỉnh ủy Đồng Tháp");
    // A second request; the chair moves it to the front from the keyboard (the ↑ button), screens follow.
    ui.command("daibieu4", Ui.cmd("RequestFloor").put("kind", "CONTRIBUTION").put("forHall", false));
    assertThat(chair.getByTestId("queue-item")).hasCount(2);
    chair.getByTestId("queue-item").nth(1).getByLabel("Đưa Bùi Đức Thắng lên trên").press("Enter");
    assertThat(screen.getByTestId("queue-item").first()).containsText("Bùi Đức Thắng");
    assertThat(chair.getByTestId("queue-item").first()).containsText("Bùi Đức Thắng");
    item = chair.getByTestId("queue-item").nth(1);
    assertThat(item).containsText("Tỉnh ủy Đồng Tháp");
    item.getByTestId("grant").click();

    assertThat(screen.getByTestId("speaker-name")).hasText("Võ Thành Nhân");
    Locator countdown = screen.getByTestId("speech-countdown");
    assertThat(countdown).hasText(Pattern.compile("0[45]:[0-5]\\d"));
    String before = countdown.textContent();
    assertThat(countdown).not().hasText(before, new LocatorAssertions.HasTextOptions().setTimeout(4000));
    assertThat(first(chair, "[data-testid=presence-DTP]")).hasAttribute("data-online", "true");
    TestBrowser.screenshot(screen, "hall-screen");
    TestBrowser.screenshot(chair, "chair-queue");

    chair.getByTestId("end-speech").click();
    assertThat(screen.getByTestId("speaker-now")).hasText("Chưa có người phát biểu");

    // The hall's invite as a QR code; its link lets a delegate join from a phone and land on the delegate view.
    host.getByTestId("issue-invite").click();
    Locator qr = host.getByTestId("qr-code");
    assertThat(qr).isVisible();
    String joinUrl = qr.getAttribute("data-text");
    assertThat(joinUrl).contains("/#/join/demo/");
    TestBrowser.screenshot(host, "host");
    Page guest = ui.phone();
    guest.navigate(joinUrl);
    guest.locator("#join-name").fill("Phan Văn Khách");
    guest.locator("form button[type=submit]").click();
    // A hall's shared link waits for the host to admit the person (WebClientAdmissionTest goes further).
    assertThat(guest.getByTestId("join-waiting")).containsText("Đang chờ điểm cầu duyệt…");
    host.getByTestId("join-request").getByTestId("admit").click();
    assertThat(guest.getByTestId("connection")).hasAttribute("data-status", "live");
    assertThat(guest).hasURL(Pattern.compile("#/c/demo/delegate$"));
    assertThat(guest.getByTestId("who")).containsText("Phan Văn Khách");
    assertThat(host.getByTestId("hall-delegates")).containsText("Phan Văn Khách");
  }

  @Test
  @DisplayName("the link is cut: the client shows it, queues a ballot, reconnects and shows what it missed without reload")
  void reconnect() {
    ui.startSession();
    ui.command("chutri", Ui.cmd("OpenVote").put("nodeIds", new JsonArray().add("d1")).put("title", "Biểu quyết Điều 1"));
    Page chair = ui.login(ui.desktop(), "chutri");
    Page mai = ui.login(ui.phone(), "daibieu1");
    assertThat(mai.getByTestId("ballot-d1")).hasAttribute("data-state", "none");
    assertThat(chair.getByTestId("presence-DTP")).hasAttribute("data-online", "true");
    mai.evaluate("window.__sameDocument = 42");

    mai.context().setOffline(true);
    assertThat(mai.getByTestId("connection")).hasAttribute("data-status", "offline",
        new LocatorAssertions.HasAttributeOptions().setTimeout(20_000));
    // Meanwhile the session goes on.
    JsonObject state = TestClient.http(server.baseUrl(), "GET", "/api/conferences/demo/state", null, ui.token("chutri"));
    String second = state.getJsonObject("state").getJsonArray("agenda").getJsonObject(1).getJsonObject("item").getString("id");
    ui.command("chutri", Ui.cmd("StartAgendaItem").put("itemId", second));
    ui.command("daibieu4", Ui.cmd("RequestFloor").put("kind", "CONTRIBUTION").put("forHall", false));
    ui.command("chutri", Ui.cmd("OpenVote").put("nodeIds", new JsonArray().add("d2")).put("title", "Biểu quyết Điều 2"));
    // The delegate votes while offline: the ballot waits in the queue.
    mai.getByTestId("ballot-d1").getByTestId("choice-AGREE").click();
    assertThat(mai.getByTestId("pending-count")).isVisible();
    assertThat(mai.getByTestId("ballot-d1")).hasAttribute("data-state", "pending");
    TestBrowser.screenshot(mai, "delegate-offline-360");
    // The chair sees the hall drop out (the server notices the dead link by its heartbeat, within seconds).
    assertThat(chair.getByTestId("presence-DTP")).hasClass(Pattern.compile("presence-lost"),
        new LocatorAssertions.HasClassOptions().setTimeout(15_000));
    assertThat(chair.getByTestId("presence-DTP")).containsText("Mất kết nối");
    TestBrowser.screenshot(chair, "chair-hall-lost");

    mai.context().setOffline(false);
    assertThat(mai.getByTestId("connection")).hasAttribute("data-status", "live",
        new LocatorAssertions.HasAttributeOptions().setTimeout(20_000));
    assertThat(mai.getByTestId("agenda-current")).containsText("Trình bày tóm tắt dự thảo");
    assertThat(mai.getByTestId("ballot-d2")).hasAttribute("data-state", "none");
    assertThat(mai.getByTestId("queue-list")).containsText("Bùi Đức Thắng");
    assertThat(mai.getByTestId("ballot-d1")).hasAttribute("data-state", "voted");
    assertThat(mai.getByTestId("pending-count")).hasCount(0);
    assertThat(mai.evaluate("window.__sameDocument")).isEqualTo(42);
    assertThat(chair.getByTestId("presence-DTP")).hasAttribute("data-online", "true",
        new LocatorAssertions.HasAttributeOptions().setTimeout(10_000));
    TestBrowser.screenshot(mai, "delegate-caught-up-360");

    // The queued ballot was applied exactly once.
    JsonObject s2 = TestClient.http(server.baseUrl(), "GET", "/api/conferences/demo/state", null, ui.token("chutri"));
    String voteId = s2.getJsonObject("state").getJsonArray("votes").getJsonObject(0).getJsonObject("vote").getString("id");
    JsonObject tally = TestClient.http(server.baseUrl(), "GET", "/api/conferences/demo/votes/" + voteId + "/tally", null,
        ui.token("chutri"));
    assertThat(tally.getJsonArray("articles").getJsonObject(0).getInteger("agree")).isEqualTo(1);
    assertThat(tally.getJsonArray("articles").getJsonObject(0).getInteger("total")).isEqualTo(1);
  }

  @Test
  @DisplayName("Vietnamese by default; the toggle switches the whole interface to English and back")
  void language() {
    Page page = ui.phone();
    page.navigate(server.baseUrl() + "/#/login");
    assertThat(page.getByTestId("login-submit")).hasText("Đăng nhập");
    assertThat(page.locator("html")).hasAttribute("lang", "vi");
    page.getByTestId("lang-toggle").click();
    assertThat(page.getByTestId("login-submit")).hasText("Log in");
    assertThat(page.locator("html")).hasAttribute("lang", "en");
    ui.login(page, "daibieu2");
    assertThat(page.locator("#now-h")).hasText("Current item");
    assertThat(page.getByTestId("connection-text")).hasText("Connected");
    assertThat(page.locator("#queue-h")).hasText("Requests for the floor");
    TestBrowser.screenshot(page, "delegate-english-360");
    page.getByTestId("lang-toggle").click();
    assertThat(page.locator("#now-h")).hasText("Nội dung hiện tại");
    assertThat(page.getByTestId("connection-text")).hasText("Đã kết nối");
    TestBrowser.screenshot(page, "delegate-vietnamese-360");
  }
}
