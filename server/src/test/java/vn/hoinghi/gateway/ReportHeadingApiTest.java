package vn.hoinghi.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoinghi.testing.TestClient.cmd;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.hoinghi.testing.TestClient;
import vn.hoinghi.testing.TestServer;

/**
 * SetReportHeading over a real server (embedded store, demo conference): the secretary stores the heading over the
 * WebSocket, the report routes use it as their defaults (DOCX read back with POI, the comparison table too), a query
 * parameter still wins for one request, bad input is refused with a clear error and changes nothing.
 */
@DisplayName("The report's heading block and signature, set once per conference, over the wire")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportHeadingApiTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  static TestServer server;
  static TestClient chair;
  static TestClient secretary;
  static TestClient hostDtp;
  static TestClient delegate;

  @BeforeAll
  static void start() {
    server = TestServer.start(TestServer.StoreKind.EMBEDDED, new JsonObject().put("demo.seed", true));
    chair = TestClient.demo(server, "chutri");
    secretary = TestClient.demo(server, "thuky");
    hostDtp = TestClient.demo(server, "dongthap");
    delegate = TestClient.demo(server, "daibieu1");
  }

  @AfterAll
  static void stop() {
    for (TestClient c : List.of(chair, secretary, hostDtp, delegate)) c.close();
    server.close();
  }

  static JsonObject heading() {
    return new JsonObject().put("style", "STATE").put("draftingBody", "TO_BIEN_TAP").put("agency", "Bộ Tư pháp")
        .put("parentBody", "Chính phủ").put("number", "25/BC-TBT").put("place", "Đà Nẵng").put("signing", "KT")
        .put("headTitle", "Tổ trưởng").put("signerTitle", "Tổ phó").put("signerName", "Nguyễn Văn An")
        .put("recipients", new JsonArray().add("Bộ trưởng Bộ Tư pháp (để báo cáo);").add("Các điểm cầu"));
  }

  static byte[] get(String path, String token, int expect) {
    try {
      HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
          .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      assertThat(r.statusCode()).as(path + ": " + new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(expect);
      return r.body();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String docxText(byte[] body) throws Exception {
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(body));
         XWPFWordExtractor ex = new XWPFWordExtractor(doc)) {
      return ex.getText();
    }
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static JsonObject stored(TestClient c) {
    return c.state().getJsonObject("state").getJsonObject("reportHeading");
  }

  @Test
  @Order(1)
  @DisplayName("the secretary stores it; the moderators see it in the state and the feed, hosts and delegates do not")
  void stores() {
    assertThat(stored(secretary)).isNull();
    secretary.ok(cmd("SetReportHeading").put("heading", heading()));
    JsonObject h = stored(chair);
    assertThat(h.getString("agency")).isEqualTo("BỘ TƯ PHÁP");
    assertThat(h.getString("number")).isEqualTo("Số: 25/BC-TBT");
    assertThat(h.getJsonArray("recipients")).containsExactly("Bộ trưởng Bộ Tư pháp (để báo cáo)", "Các điểm cầu");
    JsonObject event = chair.awaitEvent("ReportHeadingSet", d -> true);
    assertThat(event.getJsonObject("data").getJsonObject("heading").getString("signerName")).isEqualTo("Nguyễn Văn An");
    assertThat(stored(hostDtp)).isNull();
    assertThat(stored(delegate)).isNull();
    assertThat(hostDtp.sawEvent("ReportHeadingSet")).isFalse();
    assertThat(delegate.sawEvent("ReportHeadingSet")).isFalse();
    JsonObject refused = hostDtp.command(cmd("SetReportHeading").put("heading", heading()));
    assertThat(refused.getString("code")).isEqualTo("FORBIDDEN");
  }

  @Test
  @Order(2)
  @DisplayName("the DOCX report and the comparison table carry it without any query parameter")
  void downloadsUseIt() throws Exception {
    String text = docxText(get("/api/conferences/demo/report/docx", secretary.accessToken, 200));
    assertThat(text).contains("CHÍNH PHỦ", "BỘ TƯ PHÁP", "Số: 25/BC-TBT", "Đà Nẵng, ngày ", "KT. TỔ TRƯỞNG", "TỔ PHÓ",
        "Nguyễn Văn An", "- Bộ trưởng Bộ Tư pháp (để báo cáo);", "- Các điểm cầu;", "- Lưu: VT, TBT.",
        "Tổ biên tập tổng hợp, tiếp thu, giải trình").doesNotContain("Ban soạn thảo", "TM. ");
    String md = new String(get("/api/conferences/demo/report/md", chair.accessToken, 200), StandardCharsets.UTF_8);
    assertThat(md).contains("**BỘ TƯ PHÁP**", "*Đà Nẵng, ngày ");
    // A host's part is filed under the same heading.
    assertThat(docxText(get("/api/conferences/demo/report/docx", hostDtp.accessToken, 200))).contains("BỘ TƯ PHÁP",
        "Số: 25/BC-TBT", "Nguyễn Văn An");
    // The comparison table (one version only: it compares version 1 with itself) under the same heading block.
    String diff = docxText(get("/api/conferences/demo/drafts/diff?format=docx&from=1&to=1", secretary.accessToken, 200));
    assertThat(diff).contains("BỘ TƯ PHÁP", "Số: 25/BC-TBT", "Nguyễn Văn An", "- Lưu: VT, TBT.");
  }

  @Test
  @Order(3)
  @DisplayName("a query parameter overrides its field for one request; the stored heading stays")
  void queryWins() throws Exception {
    String q = "number=" + enc("30/BC-BST") + "&draftingBody=ban-soan-thao&signing=tm&signerName=" + enc("Lê Thị Hoa")
        + "&recipient=" + enc("Văn phòng Chính phủ");
    String text = docxText(get("/api/conferences/demo/report/docx?" + q, secretary.accessToken, 200));
    assertThat(text).contains("BỘ TƯ PHÁP", "Số: 30/BC-BST", "TM. BỘ TƯ PHÁP", "Lê Thị Hoa", "- Văn phòng Chính phủ;",
        "- Lưu: VT, BST.", "Ban soạn thảo tổng hợp").doesNotContain("Nguyễn Văn An", "Bộ trưởng Bộ Tư pháp", "KT. ");
    assertThat(docxText(get("/api/conferences/demo/drafts/diff?format=docx&from=1&to=1&signerName=" + enc("Lê Thị Hoa"),
        chair.accessToken, 200))).contains("Lê Thị Hoa").doesNotContain("Nguyễn Văn An");
    assertThat(stored(chair).getString("signerName")).isEqualTo("Nguyễn Văn An");
    // Over the stored KT., an empty signer title in the query is refused as the command would refuse it.
    JsonObject bad = new JsonObject(new String(get("/api/conferences/demo/report/docx?signerTitle=",
        secretary.accessToken, 400), StandardCharsets.UTF_8));
    assertThat(bad.getString("code")).isEqualTo("INVALID");
    assertThat(bad.encode()).contains("signerTitle");
  }

  @Test
  @Order(4)
  @DisplayName("bad input: too long, control characters, 21 recipients, KT. without the signer's title — a clear error, nothing changes")
  void badInput() throws Exception {
    JsonObject before = stored(chair);
    long seqBefore = chair.state().getJsonObject("state").getLong("asOfSeq");
    JsonArray many = new JsonArray();
    for (int i = 0; i < 21; i++) many.add("Nơi nhận " + i);
    record Case(JsonObject heading, String code, String field) {}
    List<Case> cases = List.of(
        new Case(heading().put("agency", "x".repeat(201)), "LIMIT", "agency"),
        new Case(heading().put("signerName", "Nguyễn\u0000Văn An"), "INVALID", "signerName"),
        new Case(heading().put("place", "Hà\nNội"), "INVALID", "place"),
        new Case(heading().put("recipients", many), "LIMIT", "recipient"),
        new Case(heading().putNull("signerTitle"), "INVALID", "signerTitle"),
        new Case(heading().put("signerTitle", " "), "INVALID", "signerTitle"));
    for (Case c : cases) {
      JsonObject r = secretary.command(cmd("SetReportHeading").put("heading", c.heading()));
      assertThat(r.getString("type")).as(c.field()).isEqualTo("error");
      assertThat(r.getString("code")).as(c.field()).isEqualTo(c.code());
      assertThat(r.getJsonObject("message").getString("en")).as(c.field()).containsIgnoringCase(c.field());
      assertThat(r.getJsonObject("message").getString("vi")).as(c.field()).isNotBlank();
    }
    // A value the schema refuses (not one of the enums) never reaches the core.
    JsonObject enumBad = secretary.command(cmd("SetReportHeading").put("heading", heading().put("signing", "TL")));
    assertThat(enumBad.getString("type")).isEqualTo("error");
    assertThat(enumBad.encode()).contains("signing");
    // Over REST as well.
    JsonObject rest = TestClient.http(server.baseUrl(), "POST", "/api/conferences/demo/commands",
        new JsonObject().put("id", "heading-rest-bad").put("command", cmd("SetReportHeading")
            .put("heading", heading().put("number", "x".repeat(201)))).encode(), secretary.accessToken);
    assertThat(rest.getString("code")).isEqualTo("LIMIT");
    assertThat(stored(chair)).isEqualTo(before);
    assertThat(chair.state().getJsonObject("state").getLong("asOfSeq")).isEqualTo(seqBefore);
    // And the query: the same rules, the same names.
    for (String q : List.of("agency=" + "x".repeat(201), "signerName=" + enc("An\u0007"),
        "recipient=a" + "&recipient=a".repeat(20), "signing=", "agency=")) {
      JsonObject r = new JsonObject(new String(get("/api/conferences/demo/report/docx?" + q, chair.accessToken, 400),
          StandardCharsets.UTF_8));
      assertThat(r.getString("code")).as(q).isEqualTo("INVALID");
    }
  }
}
