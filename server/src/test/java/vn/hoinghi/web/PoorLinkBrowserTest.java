package vn.hoinghi.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.testing.SlowLink;
import vn.hoinghi.testing.TestClient;

/**
 * A delegate's phone on an emulated 3G link ({@link SlowLink#G3}: 400 kbit/s each way, 300 ms round trip, 2 % of
 * segments lost and sent again), the whole client through it — page, scripts, REST and the WebSocket — on a real-size
 * draft (199 articles): from the personal link on the invitation card to a ballot on screen, a ballot acknowledged,
 * then the link dead for longer than the client's silence limit in the middle of the vote and back. Times are written
 * to target/poor-link.md (bench/poor-link.sh runs it several times and docs/benchmarks.md keeps the figures); the
 * test holds the behaviour, with bounds wide enough for a loaded machine.
 */
@DisplayName("A delegate on a 3G link")
class PoorLinkBrowserTest extends BrowserSessionTest {
  private static final LocatorAssertions.IsVisibleOptions WAIT =
      new LocatorAssertions.IsVisibleOptions().setTimeout(60_000);

  @Test
  @DisplayName("joins from the card's link to a ballot, votes, and after a dead link resumes without a reload: the"
      + " ballot given while cut counts once and what happened meanwhile is shown")
  void joinVoteCutResume() throws Exception {
    ui.startSession();
    String article = DraftCacheBrowserTest.importRealSize(server, ui, "3g");
    String second = secondArticle(article);
    String secretary = ui.token("thuky");
    String csv = "họ tên,điểm cầu\n\"Lê Văn Ba Gờ\",DTP\n";
    JsonObject listed = TestClient.upload(server.baseUrl(), "/api/conferences/demo/delegates/import",
        csv.getBytes(StandardCharsets.UTF_8), "text/csv", secretary);
    assertThat(listed.getInteger("_status")).as(listed.encode()).isEqualTo(201);
    String joinUrl = null;
    for (Object o : TestClient.http(server.baseUrl(), "GET", "/api/conferences/demo/delegates", null, secretary)
        .getJsonArray("delegates")) {
      JsonObject d = (JsonObject) o;
      if (d.getString("fullName").equals("Lê Văn Ba Gờ")) joinUrl = d.getString("joinUrl");
    }
    assertThat(joinUrl).contains("/#/join/demo/");
    ui.command("chutri", Ui.cmd("OpenVote").put("nodeIds", new JsonArray().add(article)).put("title", "Biểu quyết"));

    try (SlowLink link = new SlowLink(server.port(), SlowLink.G3, 20261205L)) {
      Page phone = ui.phone();
      String throughLink = link.baseUrl() + joinUrl.substring(joinUrl.indexOf("/#/"));

      // 1. From the link on the card to a ballot on screen.
      long t0 = System.nanoTime();
      phone.navigate(throughLink);
      assertThat(phone.getByTestId("join-personal")).isVisible(WAIT);
      phone.getByTestId("join-submit").click();
      assertThat(phone.getByTestId("ballot-" + article)).isVisible(WAIT);
      long ballotReadyMs = ms(t0);
      assertThat(phone.getByTestId("ballot-" + article)).isInViewport();
      long bytesToBallot = link.bytesDown();

      // 2. A ballot, acknowledged.
      long t1 = System.nanoTime();
      phone.getByTestId("ballot-" + article).getByTestId("choice-AGREE").click();
      assertThat(phone.getByTestId("ballot-" + article).getByTestId("my-choice")).isVisible(WAIT);
      long ackMs = ms(t1);
      phone.evaluate("() => { window.__sameDocument = 'yes'; }");

      // 3. The link dies in the middle of the vote; the delegate changes the ballot meanwhile, and the chair opens a
      //    vote on another article. The link stays dead past the client's silence limit (10 s).
      link.cut();
      phone.getByTestId("ballot-" + article).getByTestId("choice-DISAGREE").click();
      assertThat(phone.getByTestId("ballot-" + article)).hasAttribute("data-state", "pending");
      ui.command("chutri", Ui.cmd("OpenVote").put("nodeIds", new JsonArray().add(second)).put("title", "Biểu quyết 2"));
      assertThat(phone.getByTestId("connection")).not().hasAttribute("data-status", "live",
          new LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
      long t2 = System.nanoTime();
      link.restore();

      // 4. Back: the same document (no reload), live again, the second vote shown, the ballot given while cut counted.
      assertThat(phone.getByTestId("ballot-" + second)).isVisible(WAIT);
      assertThat(phone.getByTestId("ballot-" + article).getByTestId("my-choice")).containsText("Không tán thành",
          new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
      long resumeMs = ms(t2);
      assertThat(phone.getByTestId("connection")).hasAttribute("data-status", "live");
      assertThat(phone.evaluate("() => window.__sameDocument")).isEqualTo("yes");
      JsonObject state = TestClient.http(server.baseUrl(), "GET", "/api/conferences/demo/state", null,
          ui.token("chutri")).getJsonObject("state");
      String voteId = state.getJsonArray("votes").stream().map(v -> ((JsonObject) v).getJsonObject("vote"))
          .filter(v -> v.getJsonArray("articleIds").contains(article)).findFirst().orElseThrow().getString("id");
      JsonObject tally = TestClient.http(server.baseUrl(), "GET", "/api/conferences/demo/votes/" + voteId + "/tally",
          null, ui.token("chutri"));
      assertThat(tally.getJsonArray("articles")).as(tally.encode()).hasSize(1);
      JsonObject counted = tally.getJsonArray("articles").getJsonObject(0);
      assertThat(counted.getInteger("disagree")).as(counted.encode()).isEqualTo(1);
      assertThat(counted.getInteger("agree")).as(counted.encode()).isZero();
      assertThat(counted.getInteger("total")).as(counted.encode()).isEqualTo(1);

      String line = String.format("| %s | %,d | %,d | %,d | %,d B | %,d | %d |%n", Instant.now(), ballotReadyMs, ackMs,
          resumeMs, bytesToBallot, link.connections.get(), link.lostSegments.get());
      Path out = Path.of("target", "poor-link.md");
      Files.writeString(out, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      System.out.print("poor link: " + line);
    }
  }

  private String secondArticle(String first) {
    JsonObject state = TestClient.http(server.baseUrl(), "GET", "/api/conferences/demo/state", null,
        ui.token("chutri"));
    java.util.List<String> ids = new java.util.ArrayList<>();
    collect(state.getJsonObject("state").getJsonObject("draft").getJsonArray("outline"), ids);
    return ids.get(ids.indexOf(first) + 1);
  }

  private static void collect(JsonArray level, java.util.List<String> ids) {
    for (Object o : level == null ? new JsonArray() : level) {
      JsonObject n = (JsonObject) o;
      if (n.getString("kind").equals("ARTICLE")) ids.add(n.getString("id"));
      collect(n.getJsonArray("children"), ids);
    }
  }

  private static long ms(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }
}
