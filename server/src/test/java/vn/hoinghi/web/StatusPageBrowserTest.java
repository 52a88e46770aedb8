package vn.hoinghi.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.testing.TestBrowser;
import vn.hoinghi.testing.TestServer;

@DisplayName("The web client in a real browser")
class StatusPageBrowserTest {

  @Test
  @DisplayName("the page served by the jar loads, opens a WebSocket and shows the server status in Vietnamese")
  void statusPage() {
    try (TestServer server = TestServer.start(TestServer.StoreKind.EMBEDDED);
         TestBrowser b = TestBrowser.launch()) {
      Page page = b.browser.newPage();
      page.navigate(server.baseUrl() + "/");
      assertThat(page.getByTestId("connection")).hasText("Đã kết nối");
      assertThat(page.getByTestId("server-status")).containsText("embedded");
      assertThat(page.locator("h1")).hasText("Hội Nghị trực tuyến");
      assertThat(TestBrowser.screenshot(page, "status-page")).exists();
    }
  }
}
