package vn.hoinghi.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.testing.TestBrowser;
import vn.hoinghi.testing.TestClient;
import vn.hoinghi.testing.TestServer;

/**
 * Every view checked by axe-core (the npm package the web client's build installs, injected into the page): no
 * serious or critical violation of WCAG 2.x A/AA; and every visible control reached by the Tab key.
 */
@DisplayName("Accessibility of every view (axe-core, keyboard)")
class AccessibilityTest {
  static final Path AXE = Path.of("..", "web-client", "node_modules", "axe-core", "axe.min.js");
  private static TestBrowser browser;
  private TestServer server;
  private Ui ui;

  @BeforeAll
  static void launch() {
    browser = TestBrowser.launch();
    if (!Files.isRegularFile(AXE)) {
      String why = AXE + " is missing (npm ci in web-client installs it)";
      if ("1".equals(System.getenv("REQUIRE_BROWSER"))) throw new AssertionError(why + " (REQUIRE_BROWSER=1)");
      org.junit.jupiter.api.Assumptions.abort(why);
    }
  }

  @AfterAll
  static void quit() {
    if (browser != null) browser.close();
  }

  @BeforeEach
  void startServer() {
    server = TestServer.start(TestServer.StoreKind.EMBEDDED, new JsonObject().put("demo.seed", true));
    ui = new Ui(server, browser.browser);
  }

  @AfterEach
  void stopServer() {
    try {
      assertThat(ui.pageErrors).as("uncaught errors in the pages").isEmpty();
    } finally {
      ui.closeAll();
      server.close();
    }
  }

  /** The serious and critical violations on the page as it is now, one line each: rule, impact, first elements. */
  static List<String> seriousViolations(Page page) {
    if (!(Boolean) page.evaluate("() => typeof window.axe !== 'undefined'")) {
      page.addScriptTag(new Page.AddScriptTagOptions().setPath(AXE));
    }
    String json = (String) page.evaluate("async () => {"
        + " const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },"
        + "   resultTypes: ['violations'] });"
        + " return JSON.stringify(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
        + "   .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' — ' + v.nodes.slice(0, 4).map(n => n.target.join(' ')).join(' | '))); }");
    List<String> out = new ArrayList<>();
    new JsonArray(json).forEach(o -> out.add((String) o));
    return out;
  }

  /**
   * Presses Tab through the page and returns the visible, enabled controls that never received the focus (each
   * described by tag, test id or text).
   */
  static List<String> unreachableByKeyboard(Page page) {
    // What the view loads over REST (attendance, the report) must be there before the walk starts.
    page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);"
        + " window.__focused = new Set(); document.addEventListener('focusin', e => window.__focused.add(e.target), true); }");
    int controls = ((Number) page.evaluate("() => document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]').length"))
        .intValue();
    // Twice round the page: a live update that re-renders the focused control sends the focus back to the top.
    for (int i = 0; i < 2 * controls + 10; i++) page.keyboard().press("Tab");
    String json = (String) page.evaluate("() => JSON.stringify([...document.querySelectorAll("
        + "'a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled]), [role=button]')]"
        + " .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0"
        // content of a closed <details> keeps its boxes in Chromium but is not shown (content-visibility: hidden)
        + "   && e.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true }); })"
        + " .filter(e => !window.__focused.has(e))"
        + " .filter(e => !(e.type === 'radio' && !e.checked && [...document.getElementsByName(e.name)].some(x => window.__focused.has(x))))"
        + " .map(e => e.tagName.toLowerCase() + (e.dataset.testid ? '[' + e.dataset.testid + ']' : '') + (e.type ? '(' + e.type + ')' : '') + (e.id ? '#' + e.id : '') + ' ' + (e.textContent || e.value || '').trim().slice(0, 40)"
        + " + ' in ' + (e.closest('[data-testid], section, details')?.outerHTML.slice(0, 80) ?? '')))");
    List<String> out = new ArrayList<>();
    new JsonArray(json).forEach(o -> out.add((String) o));
    return out;
  }

  private void check(Page page, String name, Set<String> problems) {
    for (String v : seriousViolations(page)) problems.add(name + ": " + v);
    TestBrowser.screenshot(page, "a11y-" + name);
  }

  private void checkKeyboard(Page page, String name, Set<String> problems) {
    for (String c : unreachableByKeyboard(page)) problems.add(name + ": not reachable by Tab: " + c);
  }

  /** A session under way: an open vote, a request for the floor and a comment, so every view has its controls. */
  private void scene() {
    ui.startSession();
    ui.command("chutri", Ui.cmd("OpenVote").put("nodeIds", new JsonArray().add("d1")).put("title", "Biểu quyết Điều 1"));
    ui.command("daibieu4", Ui.cmd("RequestFloor").put("kind", "CONTRIBUTION").put("articleId", "d1").put("forHall", false));
    ui.command("daibieu1", Ui.cmd("AddAnnotation").put("nodeId", "d1").put("kind", "COMMENT").put("body", "Đề nghị làm rõ phạm vi"));
  }

  @Test
  @DisplayName("login and join pages: no serious or critical axe violation, every control reached by Tab")
  void publicPages() {
    Set<String> problems = new LinkedHashSet<>();
    Page login = ui.desktop();
    login.navigate(server.baseUrl() + "/#/login");
    assertThat(login.getByTestId("demo-logins")).isVisible();
    check(login, "login", problems);
    checkKeyboard(login, "login", problems);

    JsonObject invite = TestClient.post(server.baseUrl(), "/api/conferences/demo/invites",
        new JsonObject().put("role", "DELEGATE").put("endpointId", endpointOf("dongthap")), ui.token("chutri"));
    assertThat(invite.getInteger("_status")).as(invite.encode()).isEqualTo(201);
    Page join = ui.phone();
    join.navigate(invite.getString("joinUrl"));
    assertThat(join.locator("#join-name")).isVisible();
    check(join, "join", problems);
    checkKeyboard(join, "join", problems);
    assertThat(problems).isEmpty();
  }

  private String endpointOf(String username) {
    JsonObject state = TestClient.http(server.baseUrl(), "GET", "/api/conferences/demo/state", null, ui.token(username))
        .getJsonObject("state");
    return state.getJsonObject("me").getString("endpointId");
  }

  @Test
  @DisplayName("delegate, host, chair, secretary, hall screen and report: no serious or critical axe violation, controls reached by Tab")
  void conferenceViews() {
    scene();
    Set<String> problems = new LinkedHashSet<>();
    Page delegate = ui.login(ui.phone(), "daibieu1");
    assertThat(delegate.getByTestId("ballot-d1")).isVisible();
    check(delegate, "delegate", problems);
    checkKeyboard(delegate, "delegate", problems);

    Page host = ui.login(ui.desktop(), "dongthap");
    check(host, "host", problems);
    checkKeyboard(host, "host", problems);

    Page chair = ui.login(ui.desktop(), "chutri");
    assertThat(chair.getByTestId("queue-item").first()).isVisible();
    check(chair, "chair", problems);
    checkKeyboard(chair, "chair", problems);

    Page secretary = ui.login(ui.desktop(), "thuky");
    check(secretary, "secretary", problems);
    checkKeyboard(secretary, "secretary", problems);

    Page screen = ui.login(ui.device(1366, 768), "manhinh");
    check(screen, "screen", problems);

    chair.navigate(server.baseUrl() + "/#/c/demo/report");
    chair.locator("main .panel").first().waitFor();
    check(chair, "report", problems);
    checkKeyboard(chair, "report", problems);
    assertThat(problems).isEmpty();
  }

  @Test
  @DisplayName("the new parts — floor banner, ý kiến khác form, bottom sheet, confirmation and undo bar: no serious or critical axe violation")
  void screensParts() {
    ui.startSession();
    ui.command("chutri", Ui.cmd("OpenVote").put("nodeIds", new JsonArray().add("d1")).put("title", "Biểu quyết Điều 1"));
    ui.command("daibieu1", Ui.cmd("RequestFloor").put("kind", "CONTRIBUTION").put("forHall", false));
    ui.command("daibieu4", Ui.cmd("RequestFloor").put("kind", "CONTRIBUTION").put("forHall", false));
    JsonObject state = TestClient.http(server.baseUrl(), "GET", "/api/conferences/demo/state", null, ui.token("chutri")).getJsonObject("state");
    ui.command("chutri", Ui.cmd("GrantFloor").put("requestId", state.getJsonObject("speakerQueue").getJsonArray("waiting").getJsonObject(0).getString("id")));
    Set<String> problems = new LinkedHashSet<>();

    Page delegate = ui.login(ui.phone(), "daibieu1");
    assertThat(delegate.getByTestId("floor-banner")).isVisible();
    delegate.getByTestId("ballot-d1").getByTestId("choice-OTHER").click();
    assertThat(delegate.getByTestId("other-form")).isVisible();
    delegate.getByTestId("article-select").selectOption("d1");
    assertThat(delegate.locator("[data-node-text=\"d1.k2\"]")).isVisible();
    delegate.evaluate("() => { const el = document.querySelector('[data-node-text=\"d1.k2\"]');"
        + " const r = document.createRange(); r.setStart(el.firstChild, 0); r.setEnd(el.firstChild, 8);"
        + " const s = window.getSelection(); s.removeAllRanges(); s.addRange(r);"
        + " el.dispatchEvent(new MouseEvent('mouseup', { bubbles: true })); }");
    assertThat(delegate.getByTestId("annotation-composer")).isVisible();
    check(delegate, "delegate-parts", problems);

    Page chair = ui.login(ui.device(1366, 768), "chutri");
    chair.getByTestId("open-feedback").click();
    assertThat(chair.getByTestId("open-feedback-confirm")).isVisible();
    check(chair, "chair-confirm", problems);
    chair.getByTestId("confirm-yes").click();
    assertThat(chair.getByTestId("undo-item")).isVisible();
    check(chair, "chair-undo", problems);
    chair.getByTestId("undo").click();
    assertThat(problems).isEmpty();
  }
}
