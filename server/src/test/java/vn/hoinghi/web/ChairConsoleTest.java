package vn.hoinghi.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.BoundingBox;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.testing.TestBrowser;
import vn.hoinghi.testing.TestClient;

/**
 * The chair's console (issue 16 item 3): confirmation and an 8-second undo window before an irreversible act is
 * sent, the console's parts on the first screen at 1366×768 and 1920×1080, keyboard shortcuts and drag-and-drop in
 * the queue, and the English per-hall table inside 360 px.
 */
@DisplayName("The chair's console")
class ChairConsoleTest extends BrowserSessionTest {
  /** The undo window (ui/Undo.tsx UNDO_MS) and a margin for a loaded machine. */
  private static final int WINDOW_MS = 8000;

  private JsonObject state() {
    return TestClient.http(server.baseUrl(), "GET", "/api/conferences/demo/state", null, ui.token("chutri")).getJsonObject("state");
  }

  private String status() {
    return state().getJsonObject("info").getString("status");
  }

  private List<String> waitingIds() {
    return state().getJsonObject("speakerQueue").getJsonArray("waiting").stream().map(o -> ((JsonObject) o).getString("id")).toList();
  }

  private List<String> domOrder(Page chair) {
    return chair.getByTestId("queue-item").all().stream().map(l -> l.getAttribute("data-request-id")).toList();
  }

  @Test
  @DisplayName("ending the live session asks first, then waits 8 s with 'Hoàn tác': undo really cancels, and after the window the session ends")
  void endSessionWithUndo() {
    ui.startSession();
    Page chair = ui.login(ui.device(1366, 768), "chutri");
    chair.getByTestId("open-feedback").click();
    Locator confirm = chair.getByTestId("open-feedback-confirm");
    assertThat(confirm).containsText("Kết thúc phiên họp trực tuyến?");
    confirm.getByTestId("confirm-yes").click();
    Locator item = chair.getByTestId("undo-item");
    assertThat(item).containsText("Kết thúc phiên họp, tiếp tục nhận góp ý");
    assertThat(item).containsText("giây");
    TestBrowser.screenshot(chair, "chair-undo-1366");
    assertThat(status()).as("nothing sent inside the window").isEqualTo("LIVE");
    item.getByTestId("undo").click();
    assertThat(item).hasCount(0);
    chair.waitForTimeout(WINDOW_MS + 1500);
    assertThat(status()).as("undone: still live after the window").isEqualTo("LIVE");

    chair.getByTestId("open-feedback").click();
    chair.getByTestId("open-feedback-confirm").getByTestId("confirm-yes").click();
    chair.waitForTimeout(WINDOW_MS - 2500);
    assertThat(status()).as("still inside the window").isEqualTo("LIVE");
    assertThat(chair.getByTestId("conference-status")).hasText("Đang nhận góp ý",
        new LocatorAssertions.HasTextOptions().setTimeout(10_000));
    assertThat(status()).isEqualTo("FEEDBACK_OPEN");
    assertThat(chair.getByTestId("undo-item")).hasCount(0);
  }

  @Test
  @DisplayName("'Từ chối' on a request waits the undo window: undone, the request stays; not undone, it leaves the queue")
  void rejectWithUndo() {
    ui.startSession();
    ui.command("daibieu4", Ui.cmd("RequestFloor").put("kind", "CONTRIBUTION").put("forHall", false));
    Page chair = ui.login(ui.device(1366, 768), "chutri");
    Locator req = chair.getByTestId("queue-item");
    assertThat(req).hasCount(1);
    req.getByTestId("reject").click();
    chair.getByTestId("undo-item").getByTestId("undo").click();
    chair.waitForTimeout(WINDOW_MS + 1500);
    assertThat(req).hasCount(1);
    assertThat(waitingIds()).hasSize(1);

    req.getByTestId("reject").click();
    assertThat(chair.getByTestId("undo-item")).containsText("Bùi Đức Thắng");
    assertThat(req).hasCount(0, new LocatorAssertions.HasCountOptions().setTimeout(WINDOW_MS + 5000));
    assertThat(waitingIds()).isEmpty();
  }

  private void threeRequests() {
    ui.startSession();
    for (String u : List.of("daibieu1", "daibieu4", "daibieu5")) {
      ui.command(u, Ui.cmd("RequestFloor").put("kind", "CONTRIBUTION").put("forHall", false));
    }
  }

  @Test
  @DisplayName("dragging a request by its handle with the mouse moves it, three times in a row, and selects no text")
  void dragAndDrop() {
    threeRequests();
    Page chair = ui.login(ui.device(1366, 768), "chutri");
    assertThat(chair.getByTestId("queue-item")).hasCount(3);
    for (int run = 1; run <= 3; run++) {
      List<String> before = domOrder(chair);
      // The first request dragged below the last one, the list in view as the chair would have it.
      chair.getByTestId("queue-list").evaluate("e => e.scrollIntoView({ block: 'center' })");
      BoundingBox handle = chair.getByTestId("queue-item").first().getByTestId("drag-handle").boundingBox();
      BoundingBox last = chair.getByTestId("queue-item").last().boundingBox();
      double x = handle.x + handle.width / 2;
      double y = handle.y + handle.height / 2;
      chair.mouse().move(x, y);
      chair.mouse().down();
      double toY = last.y + last.height * 0.85;
      // At a hand's pace: 20 steps of 25 ms, then a short hold over the place before letting go.
      for (int i = 1; i <= 20; i++) {
        chair.mouse().move(x, y + (toY - y) * i / 20.0);
        chair.waitForTimeout(25);
      }
      chair.waitForTimeout(200);
      chair.mouse().move(x, toY + 2);
      chair.waitForTimeout(100);
      chair.mouse().up();
      List<String> expected = List.of(before.get(1), before.get(2), before.get(0));
      for (int i = 0; i < 50 && !waitingIds().equals(expected); i++) chair.waitForTimeout(100);
      assertThat(waitingIds()).as("run " + run + ": the server's order").isEqualTo(expected);
      assertThat(chair.getByTestId("queue-item").last()).hasAttribute("data-request-id", before.get(0));
      assertThat(domOrder(chair)).as("run " + run + ": the list shows the new order").isEqualTo(expected);
      assertThat(chair.evaluate("() => window.getSelection().toString()")).as("run " + run + ": no text selected").isEqualTo("");
    }
  }

  @Test
  @DisplayName("queue shortcuts: arrows select a request, Alt+↓ moves it down, D approves, G gives the floor")
  void keyboardShortcuts() {
    threeRequests();
    Page chair = ui.login(ui.device(1366, 768), "chutri");
    assertThat(chair.getByTestId("queue-shortcuts")).containsText("Alt+↑/Alt+↓");
    List<String> before = domOrder(chair);
    chair.getByTestId("queue-item").first().focus();
    chair.keyboard().press("Alt+ArrowDown");
    List<String> moved = List.of(before.get(1), before.get(0), before.get(2));
    assertThat(chair.getByTestId("queue-item").nth(1)).hasAttribute("data-request-id", before.get(0));
    assertThat(waitingIds()).isEqualTo(moved);
    // The focus follows the moved request; ↑ goes back to the first one, which D approves and G calls.
    assertThat(chair.getByTestId("queue-item").nth(1)).isFocused();
    chair.keyboard().press("ArrowUp");
    assertThat(chair.getByTestId("queue-item").first()).isFocused();
    chair.keyboard().press("d");
    assertThat(chair.getByTestId("queue-item").first()).containsText("Đã duyệt");
    chair.keyboard().press("g");
    assertThat(chair.getByTestId("speaker-name").first()).hasText("Bùi Đức Thắng");
  }

  private static void assertTopOnScreen(Page page, String testId, int height) {
    BoundingBox b = page.getByTestId(testId).first().boundingBox();
    assertThat(b).as(testId).isNotNull();
    assertThat(b.y).as(testId + " top within the first screen of " + height).isBetween(0.0, height - 60.0);
    Locator h = page.getByTestId(testId).first().locator("h2").first();
    double font = ((Number) h.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")).doubleValue();
    assertThat(font).as(testId + " heading font").isGreaterThanOrEqualTo(16);
  }

  @Test
  @DisplayName("at 1366×768 and 1920×1080 moderation, queue, votes and the 34 halls all start on the first screen")
  void consoleLayout() {
    ui.startSession();
    ui.command("chutri", Ui.cmd("OpenVote").put("nodeIds", new JsonArray().add("d1")).put("title", "Biểu quyết Điều 1"));
    ui.command("daibieu1", Ui.cmd("AddAnnotation").put("nodeId", "d1").put("kind", "COMMENT").put("body", "Đề nghị làm rõ phạm vi"));
    for (int[] size : new int[][] {{1366, 768}, {1920, 1080}}) {
      Page chair = ui.login(ui.device(size[0], size[1]), "chutri");
      assertThat(chair.locator("[data-testid^=presence-]").first()).isVisible();
      for (String part : List.of("conference-controls", "queue-control", "vote-control", "moderation", "presence")) {
        assertTopOnScreen(chair, part, size[1]);
      }
      BoundingBox presence = chair.getByTestId("presence").boundingBox();
      assertThat(presence.height).as("the hall list scrolls inside its panel").isLessThan(size[1]);
      TestBrowser.screenshot(chair, "chair-console-" + size[0]);
    }
  }

  @Test
  @DisplayName("in English at 360 px the per-hall table fits the screen, and one speech is '1 speech'")
  void englishPhone() {
    ui.startSession();
    ui.command("chutri", Ui.cmd("OpenVote").put("nodeIds", new JsonArray().add("d1")).put("title", "Vote on Article 1"));
    String voteId = state().getJsonArray("votes").getJsonObject(0).getJsonObject("vote").getString("id");
    for (String u : List.of("daibieu1", "daibieu4")) {
      ui.command(u, Ui.cmd("CastBallot").put("voteId", voteId).put("articleId", "d1").put("choice", "DISAGREE"));
    }
    ui.command("daibieu4", Ui.cmd("RequestFloor").put("kind", "CONTRIBUTION").put("forHall", false));
    ui.command("chutri", Ui.cmd("GrantFloor").put("requestId", waitingIds().get(0)));
    ui.command("chutri", Ui.cmd("EndSpeech"));
    Page chair = ui.login(ui.phone(), "chutri");
    chair.getByTestId("lang-toggle").click();
    Locator table = chair.locator("[data-testid^=endpoint-tally-]").first();
    assertThat(table).containsText("Disagree");
    double right = table.boundingBox().x + table.boundingBox().width;
    assertThat(right).as("table's right edge").isLessThanOrEqualTo(360);
    assertThat(((Number) table.evaluate("e => e.scrollWidth - e.clientWidth")).intValue()).as("table overflow").isLessThanOrEqualTo(0);
    assertThat(((Number) chair.evaluate("document.documentElement.scrollWidth")).intValue()).as("page width").isLessThanOrEqualTo(360);
    assertThat(chair.getByTestId("report-panel")).containsText("1 speech");
    assertThat(chair.getByTestId("report-panel")).not().containsText("1 speeches");
    TestBrowser.screenshot(chair, "chair-en-360");
  }
}
