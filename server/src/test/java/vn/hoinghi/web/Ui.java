package vn.hoinghi.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import vn.hoinghi.testing.TestClient;
import vn.hoinghi.testing.TestServer;

/**
 * What the browser tests do again and again: open a person's browser (own context, own viewport), log in through
 * the page as a user of the demo conference, and prepare the session over REST where the UI is not under test.
 */
final class Ui {
  static final String PASSWORD = TestClient.DEMO_PASSWORD;
  private static final AtomicInteger IDS = new AtomicInteger();

  final TestServer server;
  final Browser browser;
  final List<BrowserContext> contexts = new ArrayList<>();
  /** Errors the pages logged (uncaught exceptions); a test fails if any appears. */
  final List<String> pageErrors = new ArrayList<>();

  Ui(TestServer server, Browser browser) {
    this.server = server;
    this.browser = browser;
  }

  /** A fresh browser (context) of the given size: separate storage, like a separate device. */
  Page device(int width, int height) {
    BrowserContext ctx = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height));
    contexts.add(ctx);
    Page page = ctx.newPage();
    page.onPageError(e -> pageErrors.add(e));
    return page;
  }

  Page desktop() {
    return device(1280, 900);
  }

  Page phone() {
    return device(360, 740);
  }

  /** Logs in through the login form and waits until the view is live and filled from the snapshot. */
  Page login(Page page, String username) {
    page.navigate(server.baseUrl() + "/#/login");
    page.locator("#login-user").fill(username);
    page.locator("#login-pass").fill(PASSWORD);
    page.getByTestId("login-submit").click();
    assertThat(page.getByTestId("connection")).hasAttribute("data-status", "live");
    page.locator("main .panel, [data-testid=screen] .screen-panel").first().waitFor();
    return page;
  }

  /** An access token of a demo user, for setting the scene over REST. */
  String token(String username) {
    JsonObject r = TestClient.post(server.baseUrl(), "/api/login",
        new JsonObject().put("username", username).put("password", PASSWORD).put("conferenceId", "demo"), null);
    if (r.getInteger("_status") != 200) throw new AssertionError("login " + username + ": " + r);
    return r.getString("accessToken");
  }

  /** Sends one command over REST as this user and expects it to be applied. */
  JsonObject command(String username, JsonObject command) {
    JsonObject r = TestClient.post(server.baseUrl(), "/api/conferences/demo/commands",
        new JsonObject().put("id", "setup-" + IDS.incrementAndGet()).put("command", command), token(username));
    if (r.getInteger("_status") != 200) throw new AssertionError(command.getString("type") + ": " + r);
    return r;
  }

  static JsonObject cmd(String type) {
    return new JsonObject().put("type", type);
  }

  /** The demo conference live, with its first agenda item running. */
  void startSession() {
    command("chutri", cmd("StartConference"));
    command("chutri", cmd("StartAgendaItem").put("itemId", firstAgendaItem()));
  }

  String firstAgendaItem() {
    JsonObject state = TestClient.http(server.baseUrl(), "GET", "/api/conferences/demo/state", null, token("chutri"));
    return state.getJsonObject("state").getJsonArray("agenda").getJsonObject(0).getJsonObject("item").getString("id");
  }

  void closeAll() {
    for (BrowserContext c : contexts) {
      try {
        c.close();
      } catch (RuntimeException ignored) {
        // the browser may be gone already
      }
    }
  }
}
