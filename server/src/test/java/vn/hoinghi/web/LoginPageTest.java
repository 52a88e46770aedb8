package vn.hoinghi.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.testing.TestBrowser;
import vn.hoinghi.testing.TestServer;

/** First contact: the login page says what the product is, in Vietnamese first, and a demo server shows its logins. */
@DisplayName("The login page")
class LoginPageTest {
  private static TestBrowser browser;

  @BeforeAll
  static void launch() {
    browser = TestBrowser.launch();
  }

  @AfterAll
  static void quit() {
    if (browser != null) browser.close();
  }

  @Test
  @DisplayName("on a demo server it says what the product is in Vietnamese and lists the demo logins; one click fills the form")
  void demoServer() {
    try (TestServer server = TestServer.start(TestServer.StoreKind.EMBEDDED, new JsonObject().put("demo.seed", true))) {
      Ui ui = new Ui(server, browser.browser);
      try {
        Page page = ui.desktop();
        page.navigate(server.baseUrl() + "/#/login");
        assertThat(page.getByTestId("login-intro")).containsText("góp ý dự thảo văn bản, biểu quyết và điều hành phát biểu");
        assertThat(page.getByTestId("demo-logins")).containsText("hoinghi-demo");
        assertThat(page.getByTestId("demo-login-chutri")).containsText("Chủ trì");
        assertThat(page.getByTestId("demo-login-manhinh")).containsText("Màn hình hội trường");
        TestBrowser.screenshot(page, "login-demo");
        page.getByTestId("demo-login-chutri").getByRole(com.microsoft.playwright.options.AriaRole.BUTTON).click();
        assertThat(page.locator("#login-user")).hasValue("chutri");
        assertThat(page.locator("#login-pass")).hasValue("hoinghi-demo");
        page.getByTestId("login-submit").click();
        assertThat(page).hasURL(Pattern.compile("#/c/demo/chair$"));
        assertThat(ui.pageErrors).isEmpty();
      } finally {
        ui.closeAll();
      }
    }
  }

  @Test
  @DisplayName("on a server without the demo it still says what the product is, and lists no login")
  void ordinaryServer() {
    try (TestServer server = TestServer.start(TestServer.StoreKind.EMBEDDED)) {
      Ui ui = new Ui(server, browser.browser);
      try {
        Page page = ui.desktop();
        page.navigate(server.baseUrl() + "/#/login");
        assertThat(page.getByTestId("login-intro")).containsText("Hội nghị trực tuyến nhiều điểm cầu");
        assertThat(page.getByTestId("login-submit")).isVisible();
        assertThat(page.getByTestId("demo-logins")).hasCount(0);
        page.getByTestId("lang-toggle").click();
        assertThat(page.getByTestId("login-intro")).containsText("Online conferences across many halls");
        assertThat(ui.pageErrors).isEmpty();
      } finally {
        ui.closeAll();
      }
    }
  }
}
