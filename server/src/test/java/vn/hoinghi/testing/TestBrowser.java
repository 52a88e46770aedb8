package vn.hoinghi.testing;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium (Debian's package, never a download) driven by Playwright. Missing browser →
 * the test is skipped with the reason, unless {@code REQUIRE_BROWSER=1}, which fails it.
 */
public final class TestBrowser implements AutoCloseable {
  public static final Path CHROMIUM = Paths.get(System.getenv().getOrDefault("HOINGHI_TEST_CHROMIUM", "/usr/bin/chromium"));
  public static final Path SCREENSHOTS = Paths.get("target", "screenshots");

  public final Playwright playwright;
  public final Browser browser;

  private TestBrowser(Playwright playwright, Browser browser) {
    this.playwright = playwright;
    this.browser = browser;
  }

  public static TestBrowser launch() {
    if (!Files.isExecutable(CHROMIUM)) {
      String why = "Chromium not found at " + CHROMIUM + " (apt-get install chromium)";
      if ("1".equals(System.getenv("REQUIRE_BROWSER"))) throw new AssertionError(why + " (REQUIRE_BROWSER=1)");
      Assumptions.abort(why);
    }
    Playwright pw = Playwright.create(new Playwright.CreateOptions()
        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    Browser b = pw.chromium().launch(new BrowserType.LaunchOptions()
        .setExecutablePath(CHROMIUM)
        .setHeadless(true)
        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage")));
    return new TestBrowser(pw, b);
  }

  /** Saves a full-page screenshot under target/screenshots/NAME.png. */
  public static Path screenshot(Page page, String name) {
    Path file = SCREENSHOTS.resolve(name + ".png");
    page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
    return file;
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
