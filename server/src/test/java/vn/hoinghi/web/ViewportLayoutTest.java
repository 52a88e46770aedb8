package vn.hoinghi.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.testing.TestBrowser;
import vn.hoinghi.testing.TestClient;

/**
 * Every view at 360×740, 1366×768 and 1920×1080 (issue 16 item 8): what the person must see first is inside the
 * viewport without scrolling (its bounding box), in type of at least 14 px, and the page never scrolls sideways.
 * The first screen of each is kept in target/screenshots/ (the CI's artifacts) as view-&lt;name&gt;-&lt;width&gt;.png.
 */
@DisplayName("Every view at phone, laptop and full-HD sizes")
class ViewportLayoutTest extends BrowserSessionTest {
  private static final int[][] SIZES = {{360, 740}, {1366, 768}, {1920, 1080}};

  /** Checks that each selector's first match is inside the viewport and readable; screenshots the first screen. */
  private static void check(SoftAssertions soft, Page page, String view, int[] size, List<String> selectors) {
    for (String sel : selectors) {
      Locator l = page.locator(sel).first();
      String what = view + " at " + size[0] + "×" + size[1] + ": " + sel;
      l.waitFor();
      BoundingBox b = l.boundingBox();
      soft.assertThat(b).as(what + " has a box").isNotNull();
      if (b == null) continue;
      soft.assertThat(b.x).as(what + " left").isGreaterThanOrEqualTo(-0.5);
      soft.assertThat(b.y).as(what + " top").isGreaterThanOrEqualTo(-0.5);
      soft.assertThat(b.x + b.width).as(what + " right").isLessThanOrEqualTo(size[0] + 0.5);
      soft.assertThat(b.y + b.height).as(what + " bottom").isLessThanOrEqualTo(size[1] + 0.5);
      double font = ((Number) l.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")).doubleValue();
      soft.assertThat(font).as(what + " font px").isGreaterThanOrEqualTo(14);
    }
    int scrollWidth = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
    soft.assertThat(scrollWidth).as(view + " at " + size[0] + ": no sideways scrolling").isLessThanOrEqualTo(size[0]);
    page.screenshot(new Page.ScreenshotOptions().setPath(TestBrowser.SCREENSHOTS.resolve("view-" + view + "-" + size[0] + ".png")));
  }

  @Test
  @DisplayName("login and join: the form and its button on the first screen at every size")
  void publicPages() {
    JsonObject invite = TestClient.post(server.baseUrl(), "/api/conferences/demo/invites",
        new JsonObject().put("role", "DELEGATE").put("endpointId", state().getJsonObject("me").getString("endpointId")), ui.token("chutri"));
    SoftAssertions soft = new SoftAssertions();
    for (int[] size : SIZES) {
      Page page = ui.device(size[0], size[1]);
      page.navigate(server.baseUrl() + "/#/login");
      check(soft, page, "login", size, List.of("#login-user", "#login-pass", "[data-testid=login-submit]"));
      page.navigate(invite.getString("joinUrl"));
      assertThat(page.locator("#join-name")).isVisible();
      check(soft, page, "join", size, List.of("[data-testid=join-where]", "#join-name", "[data-testid=join-submit]"));
    }
    soft.assertAll();
  }

  private JsonObject state() {
    return TestClient.http(server.baseUrl(), "GET", "/api/conferences/demo/state", null, ui.token("chutri")).getJsonObject("state");
  }

  @Test
  @DisplayName("delegate, chair, host, secretary, hall screen and report: their first things on the first screen at every size")
  void conferenceViews() {
    ui.startSession();
    ui.command("chutri", Ui.cmd("OpenVote").put("nodeIds", new JsonArray().add("d1")).put("title", "Biểu quyết Điều 1"));
    ui.command("daibieu4", Ui.cmd("RequestFloor").put("kind", "CONTRIBUTION").put("articleId", "d1").put("forHall", false));
    ui.command("daibieu1", Ui.cmd("AddAnnotation").put("nodeId", "d1.k2").put("kind", "COMMENT").put("body", "Đề nghị làm rõ phạm vi"));
    String endpointId = TestClient.http(server.baseUrl(), "GET", "/api/conferences/demo/state", null, ui.token("dongthap"))
        .getJsonObject("state").getJsonObject("me").getString("endpointId");
    ui.command("dongthap", Ui.cmd("CheckInEndpoint").put("endpointId", endpointId).put("headCount", 25));
    SoftAssertions soft = new SoftAssertions();
    for (int[] size : SIZES) {
      boolean wide = size[0] >= 1366;
      Page delegate = ui.login(ui.device(size[0], size[1]), "daibieu1");
      check(soft, delegate, "delegate", size, List.of("[data-testid=connection]", "[data-testid=ballot-d1] [data-testid=choice-AGREE]",
          "[data-testid=ballot-d1] [data-testid=choice-OTHER]"));

      Page chair = ui.login(ui.device(size[0], size[1]), "chutri");
      check(soft, chair, "chair", size, wide
          ? List.of("#cc-h", "#qc-h", "[data-testid=queue-item] [data-testid=grant]", "#vc-h", "#mo-h", "#pr-h")
          : List.of("#cc-h", ".jump-bar button"));

      Page host = ui.login(ui.device(size[0], size[1]), "dongthap");
      check(soft, host, "host", size, wide
          ? List.of("[data-testid=checkin-status]", "[data-testid=headcount]", "[data-testid=hall-vote-d1] input")
          : List.of("[data-testid=checkin-status]", "[data-testid=headcount]"));

      Page secretary = ui.login(ui.device(size[0], size[1]), "thuky");
      check(soft, secretary, "secretary", size, wide
          ? List.of("[data-testid=sec-counts]", "[data-testid=filter-response]", "[data-testid=feedback-d1] h3", "[data-testid=report-panel] h2")
          : List.of("[data-testid=sec-counts]", "[data-testid=filter-response]"));

      Page screen = ui.login(ui.device(size[0], size[1]), "manhinh");
      check(soft, screen, "screen", size, List.of("[data-testid=screen]"));

      chair.navigate(server.baseUrl() + "/#/c/demo/report");
      chair.locator("#rep-h").waitFor();
      check(soft, chair, "report", size, List.of("#rep-h"));
      ui.closeAll();
      ui.contexts.clear();
    }
    soft.assertAll();
  }
}
