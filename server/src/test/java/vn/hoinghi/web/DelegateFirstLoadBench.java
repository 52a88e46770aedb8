package vn.hoinghi.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import vn.hoinghi.testing.TestBrowser;
import vn.hoinghi.testing.TestClient;
import vn.hoinghi.testing.TestServer;

/**
 * Bytes a delegate's phone downloads to a ballot-ready screen on a real-size draft (199 articles), before and after
 * the draft became a resource and the views were split (docs/benchmarks.md, "First load of a delegate on a real
 * draft"). Not a test (no *Test name): run by bench/first-load.sh, which builds the "before" web client from git.
 *
 * <p>After: measured in Chromium against this server: every HTTP answer's body as it came over the wire (encoded),
 * and the WebSocket frames, deflated again at the server's permessage-deflate level (6) since the browser reports them
 * inflated. Before: the same snapshot with the document in it (as the feed sent it until now: REST state read of the
 * same delegate), deflated the same way, and the previous web client's index.html with the files it references, at
 * the precompressed size the server sends (brotli if the browser took brotli, else gzip).
 */
class DelegateFirstLoadBench {

  static int deflated(byte[] data) {
    Deflater d = new Deflater(6, true);
    d.setInput(data);
    byte[] buf = new byte[data.length + 64];
    int n = d.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
    d.end();
    return Math.max(0, n - 4); // permessage-deflate drops the sync flush's 00 00 ff ff
  }

  static long precompressed(Path webroot, String file, String encoding) throws IOException {
    Path p = webroot.resolve(file + (encoding.equals("br") ? ".br" : ".gz"));
    return Files.exists(p) ? Files.size(p) : Files.size(webroot.resolve(file));
  }

  @Test
  void measure() throws Exception {
    Path before = Paths.get(System.getProperty("before.webroot", "target/before-webroot"));
    TestServer server = TestServer.start(TestServer.StoreKind.EMBEDDED, new JsonObject().put("demo.seed", true));
    try (TestBrowser browser = TestBrowser.launch()) {
      Ui ui = new Ui(server, browser.browser);
      ui.startSession();
      String article = DraftCacheBrowserTest.importRealSize(server, ui, "real-size");
      ui.command("chutri", Ui.cmd("OpenVote").put("nodeIds", new JsonArray().add(article)).put("title", "Biểu quyết"));

      Page page = ui.phone();
      Map<String, long[]> http = new LinkedHashMap<>(); // url -> {body bytes on the wire, headers}
      List<String> encodings = new ArrayList<>();
      List<byte[]> frames = new ArrayList<>();
      List<Response> responses = new ArrayList<>();
      page.onResponse(responses::add);
      page.onWebSocket(ws -> ws.onFrameReceived(f -> frames.add(f.text() != null
          ? f.text().getBytes(StandardCharsets.UTF_8) : f.binary())));
      long t0 = System.nanoTime();
      ui.login(page, "daibieu1");
      assertThat(page.getByTestId("ballot-" + article)).isVisible();
      long ballotMs = (System.nanoTime() - t0) / 1_000_000;
      assertThat(page.locator(".draft-text")).containsText(DraftCacheBrowserTest.FIRST_ARTICLE_TEXT);
      long textMs = (System.nanoTime() - t0) / 1_000_000;
      for (Response r : responses) {
        var sizes = r.request().sizes();
        http.put(r.url().replace(server.baseUrl(), ""), new long[] {Math.max(0, sizes.responseBodySize), sizes.responseHeadersSize});
        String ce = r.headerValue("content-encoding");
        if (r.url().contains("/assets/") && ce != null) encodings.add(ce);
      }
      String enc = encodings.contains("br") ? "br" : "gzip";

      long afterStatic = 0;
      long afterApi = 0;
      long afterDraft = 0;
      StringBuilder lines = new StringBuilder();
      for (Map.Entry<String, long[]> e : http.entrySet()) {
        String u = e.getKey();
        long body = e.getValue()[0];
        if (u.contains("/drafts/")) afterDraft += body;
        else if (u.startsWith("/api/")) afterApi += body;
        else afterStatic += body;
        lines.append(String.format("  %-60s %8d B%n", u.length() > 60 ? u.substring(0, 60) : u, body));
      }
      long afterWs = 0;
      long snapshotPlain = 0;
      long snapshotWire = 0;
      for (byte[] f : frames) {
        int z = deflated(f);
        afterWs += z;
        if (new String(f, 0, Math.min(f.length, 40), StandardCharsets.UTF_8).contains("\"snapshot\"")) {
          snapshotPlain = f.length;
          snapshotWire = z;
        }
      }

      // The same phone again (reload): what a returning delegate downloads.
      responses.clear();
      frames.clear();
      page.reload();
      assertThat(page.getByTestId("ballot-" + article)).isVisible();
      assertThat(page.locator(".draft-text")).containsText(DraftCacheBrowserTest.FIRST_ARTICLE_TEXT);
      long reloadHttp = 0;
      for (Response r : responses) reloadHttp += Math.max(0, r.request().sizes().responseBodySize);
      long reloadWs = 0;
      for (byte[] f : frames) reloadWs += deflated(f);

      // Before: the previous client's files, and the snapshot with the document inside.
      String index = Files.readString(before.resolve("index.html"));
      long beforeStatic = precompressed(before, "index.html", enc);
      Matcher m = Pattern.compile("(?:src|href)=\"/(assets/[^\"]+)\"").matcher(index);
      List<String> beforeFiles = new ArrayList<>();
      while (m.find()) {
        beforeFiles.add(m.group(1));
        beforeStatic += precompressed(before, m.group(1), enc);
      }
      JsonObject state = TestClient.http(server.baseUrl(), "GET", "/api/conferences/demo/state", null,
          ui.token("daibieu1"));
      JsonObject view = state.getJsonObject("state");
      JsonObject draft = view.getJsonObject("draft");
      draft.remove("outline");
      draft.remove("documentEtag");
      byte[] oldSnapshot = new JsonObject().put("type", "snapshot").put("upTo", state.getLong("upTo"))
          .put("serverTime", "2026-12-04T00:00:00Z").put("state", view).encode().getBytes(StandardCharsets.UTF_8);
      long beforeSnapshot = deflated(oldSnapshot);
      long beforeWsOther = afterWs - snapshotWire;

      long beforeTotal = beforeStatic + afterApi + beforeSnapshot + beforeWsOther;
      long afterTotal = afterStatic + afterApi + afterDraft + afterWs;
      String report = String.format("""
          First load of a delegate (daibieu1, 360x740) on a %d-article draft, ballot open; Chromium took %s
          HTTP answers after (body bytes on the wire):
          %s
          | | before | after |
          |---|---:|---:|
          | index.html + JS + CSS (%s) | %,d B (%d files) | %,d B (%d files) |
          | REST (login, session) | %,d B | %,d B |
          | snapshot frame (plain → deflated) | %,d → %,d B | %,d → %,d B |
          | other WebSocket frames (deflated) | %,d B | %,d B |
          | draft text JSON (gzip, once per version) | — | %,d B |
          | **total** | **%,d B** | **%,d B** |
          | reload of the same phone (files cached: index.html revalidated; snapshot; draft text from IndexedDB) | %,d B | %,d B |
          ballot visible after %d ms, draft text after %d ms (this machine, loopback)
          """, countArticles(view.getJsonObject("draft")), enc, lines, enc, beforeStatic, beforeFiles.size() + 1,
          afterStatic, http.keySet().stream().filter(u -> !u.startsWith("/api/")).count(), afterApi, afterApi,
          oldSnapshot.length, beforeSnapshot, snapshotPlain, snapshotWire, beforeWsOther, afterWs - snapshotWire,
          afterDraft, beforeTotal, afterTotal, reloadHttp + beforeSnapshot + beforeWsOther, reloadHttp + reloadWs,
          ballotMs, textMs);
      System.out.println(report);
      Files.writeString(Paths.get("target", "first-load.md"), report);
      ui.closeAll();
    } finally {
      server.close();
    }
  }

  private static int countArticles(JsonObject draft) {
    return draft.getJsonObject("document") == null ? -1 : count(draft.getJsonObject("document").getJsonArray("nodes"));
  }

  private static int count(JsonArray nodes) {
    int n = 0;
    for (Object o : nodes == null ? new JsonArray() : nodes) {
      JsonObject node = (JsonObject) o;
      n += node.getString("kind").equals("ARTICLE") ? 1 : count(node.getJsonArray("children"));
    }
    return n;
  }
}
