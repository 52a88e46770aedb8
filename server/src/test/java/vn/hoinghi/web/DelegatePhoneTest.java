package vn.hoinghi.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.testing.TestBrowser;
import vn.hoinghi.testing.TestClient;

/**
 * The delegate's phone at 360×740 (issue 16 item 2): the composer as a bottom sheet that keeps the passage in view,
 * a selection snapped to whole words, the "ý kiến khác" flow, the floor banner, and the ballot first.
 */
@DisplayName("The delegate's phone")
class DelegatePhoneTest extends BrowserSessionTest {

  private Page phone() {
    Page page = ui.login(ui.phone(), "daibieu1");
    page.getByTestId("article-select").selectOption("d1");
    return page;
  }

  /** Selects [from, to) of a node's text as a finger would end it (mouseup) and returns the raw selected text. */
  private static String select(Page page, String nodeId, int from, int to) {
    return (String) page.evaluate("([id, a, b]) => {"
        + " const el = document.querySelector(`[data-node-text=\"${id}\"]`);"
        + " const r = document.createRange(); r.setStart(el.firstChild, a); r.setEnd(el.firstChild, b);"
        + " const s = window.getSelection(); s.removeAllRanges(); s.addRange(r);"
        + " el.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));"
        + " return el.firstChild.textContent.slice(a, b); }", new Object[] {nodeId, from, to});
  }

  private static BoundingBox selectionBox(Page page) {
    JsonObject r = new JsonObject((String) page.evaluate("() => { const r = window.getSelection().getRangeAt(0).getBoundingClientRect();"
        + " return JSON.stringify({ x: r.x, y: r.y, width: r.width, height: r.height }); }"));
    BoundingBox b = new BoundingBox();
    b.x = r.getDouble("x");
    b.y = r.getDouble("y");
    b.width = r.getDouble("width");
    b.height = r.getDouble("height");
    return b;
  }

  @Test
  @DisplayName("selecting a passage low on the screen opens the composer as a bottom sheet with the passage still visible above it")
  void bottomSheet() {
    ui.startSession();
    Page page = phone();
    // The last clause of Điều 1, scrolled to the bottom edge: where the old composer opened below the fold.
    Locator node = page.locator("[data-node-text]").last();
    String nodeId = node.getAttribute("data-node-text");
    node.evaluate("e => { const r = e.getBoundingClientRect(); window.scrollBy(0, r.top - (window.innerHeight - r.height - 4)); }");
    select(page, nodeId, 0, 12);

    Locator sheet = page.getByTestId("annotation-composer");
    assertThat(sheet).isVisible();
    BoundingBox box = sheet.boundingBox();
    assertThat(box.y + box.height).as("sheet bottom").isLessThanOrEqualTo(740.5);
    assertThat(box.y).as("sheet top inside the screen").isLessThan(740).isGreaterThan(740 * 0.3);
    assertThat(page.getByTestId("composer-quote")).isVisible();
    BoundingBox sel = selectionBox(page);
    assertThat(sel.y).as("the passage's top is on the screen").isGreaterThanOrEqualTo(0);
    assertThat(sel.y + sel.height).as("the passage is above the sheet").isLessThanOrEqualTo(box.y);
    BoundingBox submit = page.getByTestId("annotation-body").boundingBox();
    assertThat(submit.y + submit.height).as("the text box is inside the sheet's visible part").isLessThanOrEqualTo(740);
    TestBrowser.screenshot(page, "delegate-bottom-sheet-360");

    page.getByTestId("annotation-body").fill("Đề nghị bổ sung");
    page.getByTestId("annotation-submit").click();
    assertThat(page.getByTestId("thread").first().getByTestId("ann-body")).hasText("Đề nghị bổ sung");
    assertThat(sheet).hasCount(0);
  }

  @Test
  @DisplayName("a selection that starts and ends inside words becomes the whole words, on the page and in the quote")
  void wordSnapping() {
    ui.startSession();
    Page page = phone();
    String text = (String) page.locator("[data-node-text=\"d1.k2\"]").evaluate("e => e.textContent");
    // From the middle of the third word to the middle of the fifth.
    int[] starts = wordStarts(text);
    int from = starts[2] + 1;
    int to = starts[4] + 2;
    String raw = select(page, "d1.k2", from, to);
    int end = starts[4];
    while (end < text.length() && Character.isLetterOrDigit(text.codePointAt(end))) end++;
    String whole = text.substring(starts[2], end);
    assertThat(raw).as("the raw selection cuts words").isNotEqualTo(whole);
    assertThat(page.getByTestId("composer-quote")).hasText("“" + whole + "”");
    assertThat(page.evaluate("() => window.getSelection().toString()")).isEqualTo(whole);
    page.getByTestId("annotation-body").fill("Góp ý về cụm từ");
    page.getByTestId("annotation-submit").click();
    assertThat(page.getByTestId("highlight").first()).hasText(whole);
  }

  private static int[] wordStarts(String text) {
    java.util.List<Integer> out = new java.util.ArrayList<>();
    for (int i = 0; i < text.length(); i++) {
      boolean word = Character.isLetterOrDigit(text.charAt(i));
      boolean before = i > 0 && Character.isLetterOrDigit(text.charAt(i - 1));
      if (word && !before) out.add(i);
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  @Test
  @DisplayName("'ý kiến khác': the earlier choice is no longer pressed, an empty text cannot be sent, it stays 'not sent' until sent, then it is recorded")
  void otherOpinion() {
    ui.startSession();
    ui.command("chutri", Ui.cmd("OpenVote").put("nodeIds", new JsonArray().add("d1")).put("title", "Biểu quyết Điều 1"));
    Page page = phone();
    Locator ballot = page.getByTestId("ballot-d1");
    ballot.getByTestId("choice-AGREE").click();
    assertThat(ballot).hasAttribute("data-state", "voted");
    assertThat(ballot.getByTestId("choice-AGREE")).hasAttribute("aria-pressed", "true");

    ballot.getByTestId("choice-OTHER").click();
    assertThat(ballot.getByTestId("choice-AGREE")).hasAttribute("aria-pressed", "false");
    assertThat(ballot.getByTestId("choice-OTHER")).hasAttribute("aria-pressed", "true");
    assertThat(ballot).hasAttribute("data-state", "draft");
    assertThat(ballot.getByTestId("ballot-state")).hasText("Chưa gửi");
    assertThat(ballot.getByTestId("other-submit")).isDisabled();
    ballot.getByTestId("other-text").fill("   ");
    assertThat(ballot.getByTestId("other-submit")).isDisabled();
    // Nothing went to the server: the recorded ballot is still "tán thành".
    assertThat(myChoice()).isEqualTo("AGREE");
    TestBrowser.screenshot(page, "delegate-other-opinion-360");

    ballot.getByTestId("other-text").fill("Đề nghị tách thành hai khoản");
    assertThat(ballot.getByTestId("other-submit")).isEnabled();
    ballot.getByTestId("other-submit").click();
    assertThat(ballot).hasAttribute("data-state", "changed");
    assertThat(ballot.getByTestId("my-choice")).containsText("Đề nghị tách thành hai khoản");
    assertThat(ballot.getByTestId("choice-OTHER")).hasAttribute("aria-pressed", "true");
    assertThat(myChoice()).isEqualTo("OTHER");
  }

  /** The only ballot on Điều 1 (daibieu1's) as the server counts it: AGREE, DISAGREE or OTHER. */
  private String myChoice() {
    JsonObject t = TestClient.http(server.baseUrl(), "GET", "/api/conferences/demo/state", null, ui.token("chutri"))
        .getJsonObject("state").getJsonArray("votes").getJsonObject(0).getJsonObject("tallies").getJsonObject("d1");
    assertThat(t.getInteger("total")).as("one ballot: " + t.encode()).isEqualTo(1);
    return t.getInteger("agree") == 1 ? "AGREE" : t.getInteger("disagree") == 1 ? "DISAGREE" : "OTHER";
  }

  @Test
  @DisplayName("given the floor, the delegate sees a banner at the top with the countdown, stays there when scrolling, and the phone vibrates")
  void floorBanner() {
    ui.startSession();
    Page page = ui.phone();
    page.addInitScript("window.__vibrations = []; navigator.vibrate = (p) => { window.__vibrations.push(p); return true; };");
    ui.login(page, "daibieu1");
    assertThat(page.getByTestId("floor-banner")).hasCount(0);
    ui.command("daibieu1", Ui.cmd("RequestFloor").put("kind", "CONTRIBUTION").put("forHall", false));
    JsonArray waiting = TestClient.http(server.baseUrl(), "GET", "/api/conferences/demo/state", null, ui.token("chutri"))
        .getJsonObject("state").getJsonObject("speakerQueue").getJsonArray("waiting");
    ui.command("chutri", Ui.cmd("GrantFloor").put("requestId", waiting.getJsonObject(0).getString("id")));

    Locator banner = page.getByTestId("floor-banner");
    assertThat(banner).isVisible();
    assertThat(banner).containsText("Mời đồng chí phát biểu");
    assertThat(page.getByTestId("floor-countdown")).hasText(Pattern.compile("Còn \\d\\d:\\d\\d"));
    BoundingBox top = banner.boundingBox();
    assertThat(top.y).as("banner near the top").isLessThan(740 / 3.0);
    page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)");
    page.waitForTimeout(200);
    BoundingBox scrolled = banner.boundingBox();
    assertThat(scrolled.y).as("still at the top after scrolling").isBetween(-0.5, 2.0);
    double font = ((Number) page.getByTestId("floor-countdown").evaluate("e => parseFloat(getComputedStyle(e).fontSize)")).doubleValue();
    assertThat(font).as("countdown font px").isGreaterThanOrEqualTo(20);
    assertThat(((Number) page.evaluate("() => window.__vibrations.length")).intValue()).as("vibrations").isEqualTo(1);
    TestBrowser.screenshot(page, "delegate-floor-banner-360");

    ui.command("chutri", Ui.cmd("EndSpeech"));
    assertThat(banner).hasCount(0);
  }

  @Test
  @DisplayName("with a vote open, the ballot comes first on the phone and its buttons are on the first screen")
  void ballotFirst() {
    ui.startSession();
    ui.command("chutri", Ui.cmd("OpenVote").put("nodeIds", new JsonArray().add("d1")).put("title", "Biểu quyết Điều 1"));
    Page page = ui.login(ui.phone(), "daibieu1");
    BoundingBox votes = page.getByTestId("delegate-votes").boundingBox();
    BoundingBox queue = page.getByTestId("delegate-queue").boundingBox();
    assertThat(votes.y).as("ballot above the queue").isLessThan(queue.y);
    BoundingBox agree = page.getByTestId("ballot-d1").getByTestId("choice-AGREE").boundingBox();
    assertThat(agree.y + agree.height).as("the first choice on the first screen").isLessThanOrEqualTo(740);
  }
}
