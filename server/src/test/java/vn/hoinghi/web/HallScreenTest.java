package vn.hoinghi.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.BoundingBox;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.hoinghi.testing.TestBrowser;
import vn.hoinghi.testing.TestClient;

/**
 * The hall screen on the projectors it is made for (docs/web-client.md, "Hall screen"): at 1280×720, 1366×768 and
 * 1920×1080 everything the hall needs is inside the viewport without scrolling, in type of at least the rule's size
 * (body max(28 px, 3.7 % of the height), captions 0.8 of it), and a paused or overrun speech cannot be missed.
 */
@DisplayName("The hall screen on a projector")
class HallScreenTest extends BrowserSessionTest {

  /** The session under way: Điều 1 put to the vote with 2 agree and 1 disagree, a delegate speaking on it. */
  private void sceneWithVoteAndSpeaker() {
    ui.startSession();
    ui.command("chutri", Ui.cmd("OpenVote").put("nodeIds", new JsonArray().add("d1")).put("title", "Biểu quyết Điều 1"));
    String voteId = state().getJsonArray("votes").getJsonObject(0).getJsonObject("vote").getString("id");
    ui.command("daibieu1", ballot(voteId, "AGREE"));
    ui.command("daibieu2", ballot(voteId, "AGREE"));
    ui.command("daibieu4", ballot(voteId, "DISAGREE"));
    grantFloorTo("daibieu4");
  }

  private static JsonObject ballot(String voteId, String choice) {
    return Ui.cmd("CastBallot").put("voteId", voteId).put("articleId", "d1").put("choice", choice);
  }

  private void grantFloorTo(String username) {
    ui.command(username, Ui.cmd("RequestFloor").put("kind", "CONTRIBUTION").put("articleId", "d1").put("forHall", false));
    JsonArray waiting = state().getJsonObject("speakerQueue").getJsonArray("waiting");
    String requestId = waiting.getJsonObject(waiting.size() - 1).getString("id");
    ui.command("chutri", Ui.cmd("GrantFloor").put("requestId", requestId));
  }

  private JsonObject state() {
    return TestClient.http(server.baseUrl(), "GET", "/api/conferences/demo/state", null, ui.token("chutri"))
        .getJsonObject("state");
  }

  private Page screen(int width, int height) {
    Page page = ui.login(ui.device(width, height), "manhinh");
    assertThat(page.getByTestId("screen")).isVisible();
    return page;
  }

  /** The screen's body size by the rule: max(28 px, 3.7 % of the viewport's height). */
  private static double bodyPx(int height) {
    return Math.max(28, 0.037 * height);
  }

  private static double fontPx(Locator l) {
    return ((Number) l.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")).doubleValue();
  }

  private static void assertInViewport(Page page, String testId, int width, int height) {
    Locator l = page.getByTestId(testId).first();
    assertThat(l).isVisible();
    BoundingBox b = l.boundingBox();
    assertThat(b).as(testId + " has a box").isNotNull();
    assertThat(b.x).as(testId + " left").isGreaterThanOrEqualTo(0);
    assertThat(b.y).as(testId + " top").isGreaterThanOrEqualTo(0);
    assertThat(b.x + b.width).as(testId + " right edge within " + width).isLessThanOrEqualTo(width + 0.5);
    assertThat(b.y + b.height).as(testId + " bottom edge within " + height).isLessThanOrEqualTo(height + 0.5);
  }

  @ParameterizedTest(name = "{0}×{1}")
  @CsvSource({"1280, 720", "1366, 768", "1920, 1080"})
  @DisplayName("at each projector size, agenda, timer, speaker, countdown, result with percentages, chart and article fit without scrolling, in large type")
  void fitsTheProjector(int width, int height) {
    sceneWithVoteAndSpeaker();
    Page page = screen(width, height);
    assertThat(page.getByTestId("speaker-name")).hasText("Bùi Đức Thắng");
    assertThat(page.getByTestId("result-agree-d1")).containsText("66,7 %");
    assertThat(page.getByTestId("result-disagree-d1")).containsText("33,3 %");
    assertThat(page.getByTestId("result-total-d1")).hasText("3 phiếu");
    assertThat(page.getByTestId("article")).containsText("Điều 1");

    Object scroll = page.evaluate("() => document.documentElement.scrollWidth + 'x' + document.documentElement.scrollHeight");
    assertThat(scroll).as("the page does not scroll").isEqualTo(width + "x" + height);
    for (String id : new String[] {"agenda-current", "agenda-timer", "speaker-name", "speech-countdown",
        "screen-result", "result-chart", "result-agree-d1", "result-disagree-d1", "result-other-d1",
        "screen-article", "queue-empty"}) {
      assertInViewport(page, id, width, height);
    }
    // The article's title and first lines are inside its panel, not cut by it.
    Locator title = page.locator("[data-testid=screen-article] .article-title");
    BoundingBox panel = page.getByTestId("screen-article").boundingBox();
    BoundingBox t = title.boundingBox();
    assertThat(t.y + t.height).as("article title inside its panel").isLessThanOrEqualTo(panel.y + panel.height);
    // A text longer than its panel says that it goes on, rather than ending mid-sentence without a sign.
    boolean clipped = (Boolean) page.getByTestId("screen-article")
        .evaluate("e => e.scrollTop + e.clientHeight < e.scrollHeight - 1");
    assertThat(page.getByTestId("article-continues")).hasCount(clipped ? 1 : 0);
    if (clipped) assertInViewport(page, "article-continues", width, height);

    double body = bodyPx(height);
    for (String id : new String[] {"agenda-current", "speaker-name", "result-agree-d1", "article"}) {
      assertThat(fontPx(page.getByTestId(id).first())).as(id + " font size at " + width + "×" + height)
          .isGreaterThanOrEqualTo(body - 0.5);
    }
    assertThat(fontPx(page.getByTestId("speech-countdown"))).as("countdown").isGreaterThanOrEqualTo(1.9 * body);
    assertThat(fontPx(page.getByTestId("agenda-timer"))).as("agenda timer").isGreaterThanOrEqualTo(1.5 * body);
    // No visible text anywhere on the screen is smaller than a caption (0.8 of the body).
    double smallest = ((Number) page.evaluate("() => {"
        + " let min = 1e9; const w = document.createTreeWalker(document.querySelector('[data-testid=screen]'), NodeFilter.SHOW_TEXT);"
        + " for (let n = w.nextNode(); n; n = w.nextNode()) {"
        + "   const e = n.parentElement; if (!n.textContent.trim() || e.closest('.sr-only')) continue;"
        + "   const r = e.getBoundingClientRect(); if (r.width === 0 || r.height === 0) continue;"
        + "   min = Math.min(min, parseFloat(getComputedStyle(e).fontSize)); }"
        + " return min; }")).doubleValue();
    assertThat(smallest).as("smallest visible text").isGreaterThanOrEqualTo(0.8 * body - 0.5);
    TestBrowser.screenshot(page, "hall-screen-" + width + "x" + height);
  }

  @Test
  @DisplayName("a paused speech turns the speaker panel amber with a large TẠM DỪNG banner, and back when it resumes")
  void pausedIsUnmistakable() {
    sceneWithVoteAndSpeaker();
    Page page = screen(1366, 768);
    Locator panel = page.getByTestId("panel-speaker");
    assertThat(panel).hasAttribute("data-speech", "running");
    assertThat(page.getByTestId("speech-banner")).hasCount(0);

    ui.command("chutri", Ui.cmd("PauseSpeech"));
    assertThat(panel).hasAttribute("data-speech", "paused");
    Locator banner = page.getByTestId("speech-banner");
    assertThat(banner).hasText("TẠM DỪNG");
    assertInViewport(page, "speech-banner", 1366, 768);
    assertThat(fontPx(banner)).isGreaterThanOrEqualTo(bodyPx(768) - 0.5);
    assertThat(panel.evaluate("e => getComputedStyle(e).borderTopColor")).isEqualTo("rgb(255, 210, 77)");
    TestBrowser.screenshot(page, "hall-screen-paused-1366x768");

    ui.command("chutri", Ui.cmd("ResumeSpeech"));
    assertThat(panel).hasAttribute("data-speech", "running");
    assertThat(page.getByTestId("speech-banner")).hasCount(0);
  }

  @Test
  @DisplayName("a speech over its limit turns the speaker panel red with QUÁ GIỜ and the time over, counting up")
  void overrunIsUnmistakable() {
    ui.startSession();
    ui.command("chutri", Ui.cmd("UpdateSettings").put("defaultVoteMode", "NAMED").put("speakingLimitSeconds", 1));
    grantFloorTo("daibieu1");
    Page page = screen(1366, 768);
    Locator panel = page.getByTestId("panel-speaker");
    assertThat(panel).hasAttribute("data-speech", "overrun",
        new LocatorAssertions.HasAttributeOptions().setTimeout(10_000));
    assertThat(page.getByTestId("speech-banner")).hasText("QUÁ GIỜ");
    assertThat(page.getByTestId("speech-countdown")).hasText(java.util.regex.Pattern.compile("^\\+00:\\d\\d$"));
    assertInViewport(page, "speech-banner", 1366, 768);
    assertThat(panel.evaluate("e => getComputedStyle(e).backgroundColor")).isEqualTo("rgb(176, 0, 32)");
    TestBrowser.screenshot(page, "hall-screen-overrun-1366x768");
  }
}
