package vn.hoinghi.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import vn.hoinghi.testing.TestBrowser;
import vn.hoinghi.testing.TestServer;

/**
 * What the browser tests share: one Chromium per class, a fresh server with the demo conference per test, and no
 * uncaught error in any page the test opened.
 */
abstract class BrowserSessionTest {
  protected static TestBrowser browser;
  protected TestServer server;
  protected Ui ui;

  @BeforeAll
  static void launch() {
    browser = TestBrowser.launch();
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
}
