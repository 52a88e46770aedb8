package vn.hoinghi.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import vn.hoinghi.testing.TestClient;
import vn.hoinghi.testing.TestServer;

/**
 * The draft text in a real browser: the live state names the version and its outline, the page fetches the text
 * once per version and keeps it (IndexedDB), so a reload or a reconnect does not download it again; a ballot never
 * waits for it. The demo conference gets a real-size draft (199 articles) as version 2.
 */
@DisplayName("The draft text is downloaded once per version")
class DraftCacheBrowserTest extends BrowserSessionTest {
  static final String REAL_SIZE_DRAFT = "drafts/real/ghep-hien-phap-2013-luat-cntt-2006.txt";
  static final String FIRST_ARTICLE_TEXT = "Nước Cộng hòa xã hội chủ nghĩa Việt Nam là một nước độc lập";

  static String realSizeDraft() {
    try (InputStream in = DraftCacheBrowserTest.class.getClassLoader().getResourceAsStream(REAL_SIZE_DRAFT)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Imports the real-size draft as the next version; answers the id of its first article. */
  static String importRealSize(TestServer server, Ui ui, String note) {
    JsonObject r = TestClient.markdown(server.baseUrl(), "/api/conferences/demo/draft?note=" + note, realSizeDraft(),
        ui.token("thuky"));
    if (r.getInteger("_status") != 201) throw new AssertionError("import: " + r.encode());
    JsonObject state = TestClient.http(server.baseUrl(), "GET", "/api/conferences/demo/state", null, ui.token("chutri"));
    JsonArray outline = state.getJsonObject("state").getJsonObject("draft").getJsonArray("outline");
    return firstArticle(outline);
  }

  private static String firstArticle(JsonArray level) {
    for (Object o : level == null ? new JsonArray() : level) {
      JsonObject n = (JsonObject) o;
      if (n.getString("kind").equals("ARTICLE")) return n.getString("id");
      String under = firstArticle(n.getJsonArray("children"));
      if (under != null) return under;
    }
    return null;
  }

  @Test
  @DisplayName("one request for the text across a reload and a reconnect; a new version is one more")
  void onceAcrossReloadAndReconnect() {
    ui.startSession();
    String article = importRealSize(server, ui, "v2");
    ui.command("chutri", Ui.cmd("OpenVote").put("nodeIds", new JsonArray().add(article)).put("title", "Biểu quyết Điều 1"));

    Page mai = ui.phone();
    List<String> draftRequests = new CopyOnWriteArrayList<>();
    mai.context().onRequest(r -> {
      if (r.url().contains("/drafts/")) draftRequests.add(r.url());
    });
    ui.login(mai, "daibieu1");
    assertThat(mai.getByTestId("ballot-" + article)).hasAttribute("data-state", "none");
    assertThat(mai.locator(".draft-text")).containsText(FIRST_ARTICLE_TEXT);
    assertThat(draftRequests).containsExactly(server.baseUrl() + "/api/conferences/demo/drafts/2?format=json");

    mai.reload();
    assertThat(mai.getByTestId("connection")).hasAttribute("data-status", "live");
    assertThat(mai.locator(".draft-text")).containsText(FIRST_ARTICLE_TEXT);
    assertThat(draftRequests).as("after a reload").hasSize(1);

    mai.context().setOffline(true);
    assertThat(mai.getByTestId("connection")).hasAttribute("data-status", "offline",
        new LocatorAssertions.HasAttributeOptions().setTimeout(20_000));
    mai.context().setOffline(false);
    assertThat(mai.getByTestId("connection")).hasAttribute("data-status", "live",
        new LocatorAssertions.HasAttributeOptions().setTimeout(20_000));
    assertThat(mai.locator(".draft-text")).containsText(FIRST_ARTICLE_TEXT);
    assertThat(draftRequests).as("after a reconnect").hasSize(1);

    // A new version (a vote must not be open for that).
    String voteId = TestClient.http(server.baseUrl(), "GET", "/api/conferences/demo/state", null, ui.token("chutri"))
        .getJsonObject("state").getJsonArray("votes").getJsonObject(0).getJsonObject("vote").getString("id");
    ui.command("chutri", Ui.cmd("CloseVote").put("voteId", voteId));
    importRealSize(server, ui, "v3");
    assertThat(mai.getByTestId("draft-version")).isVisible();
    assertThat(mai.locator(".draft-text")).containsText(FIRST_ARTICLE_TEXT);
    assertThat(draftRequests).as("a new version").hasSize(2);
    assertThat(draftRequests.get(1)).endsWith("/drafts/3?format=json");
  }

  @Test
  @DisplayName("the ballot names the article while the text cannot be fetched; the text comes when it can")
  void ballotDoesNotWaitForTheText() {
    ui.startSession();
    String article = importRealSize(server, ui, "v2");
    ui.command("chutri", Ui.cmd("OpenVote").put("nodeIds", new JsonArray().add(article)).put("title", "Biểu quyết Điều 1"));

    Page mai = ui.phone();
    mai.context().route("**/drafts/**", r -> r.abort());
    ui.login(mai, "daibieu1");
    assertThat(mai.getByTestId("ballot-" + article).locator("legend")).containsText("Điều 1. Hiến pháp năm 2013, Điều 1");
    assertThat(mai.getByTestId("draft-loading")).isVisible();
    mai.getByTestId("ballot-" + article).getByTestId("choice-AGREE").click();
    assertThat(mai.getByTestId("ballot-" + article)).hasAttribute("data-state", "voted");

    mai.context().unroute("**/drafts/**");
    assertThat(mai.locator(".draft-text")).containsText(FIRST_ARTICLE_TEXT,
        new LocatorAssertions.ContainsTextOptions().setTimeout(15_000));
  }
}
