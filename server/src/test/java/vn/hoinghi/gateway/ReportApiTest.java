package vn.hoinghi.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoinghi.testing.TestClient.cmd;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
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
 * The demo conference's session played over real WebSockets by the chair, the secretary, the hosts of Đồng Tháp and
 * Hà Nội and five delegates; then the drafting team reads the report over REST, downloads it as DOCX, reads the audit
 * log, and revises the draft. The tests run in order on one server: the later ones build on the earlier.
 */
@DisplayName("Report, audit and revised draft over the wire")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportApiTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  static TestServer server;
  static TestClient chair;
  static TestClient secretary;
  static TestClient hostDtp;
  static TestClient hostHni;
  static final List<TestClient> delegates = new ArrayList<>();
  static String namedVote;
  static String secretVote;
  static String proposal;
  static String comment;

  record Reply(int status, String contentType, String disposition, byte[] body) {
    JsonObject json() {
      return new JsonObject(new String(body, StandardCharsets.UTF_8));
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  static Reply get(String path, String token) {
    return call("GET", path, null, token, null);
  }

  static Reply call(String method, String path, String body, String token, String idempotencyKey) {
    try {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
      if (token != null) b.header("Authorization", "Bearer " + token);
      if (idempotencyKey != null) b.header("Idempotency-Key", idempotencyKey);
      if (body != null) b.header("Content-Type", "application/json");
      HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
          r.headers().firstValue("Content-Disposition").orElse(""), r.body());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String endpointId(String code) {
    return LiveSessionTest.endpointId(chair.state(), code);
  }

  @BeforeAll
  static void playSession() {
    server = TestServer.start(TestServer.StoreKind.EMBEDDED, new JsonObject().put("demo.seed", true));
    chair = TestClient.demo(server, "chutri");
    secretary = TestClient.demo(server, "thuky");
    hostDtp = TestClient.demo(server, "dongthap");
    hostHni = TestClient.demo(server, "hanoi");
    for (int i = 1; i <= 5; i++) delegates.add(TestClient.demo(server, "daibieu" + i));
    String hni = endpointId("HNI");
    String dtp = endpointId("DTP");

    chair.ok(cmd("StartConference"));
    hostHni.ok(cmd("CheckInEndpoint").put("endpointId", hni).put("headCount", 15));
    hostDtp.ok(cmd("CheckInEndpoint").put("endpointId", dtp).put("headCount", 12));

    chair.ok(cmd("OpenVote").put("title", "Biểu quyết Điều 8").put("nodeIds", new JsonArray().add("d8")).put("mode", "NAMED"));
    namedVote = chair.awaitEvent("VoteOpened", d -> d.getJsonArray("articleIds").contains("d8")).getJsonObject("data").getString("voteId");
    String[] choices = {"AGREE", "DISAGREE", "OTHER", "AGREE", "AGREE"};
    for (int i = 0; i < 5; i++) {
      JsonObject b = cmd("CastBallot").put("voteId", namedVote).put("articleId", "d8").put("choice", choices[i]);
      if (choices[i].equals("OTHER")) b.put("text", "Đề nghị sửa thành “sáu tháng một lần”");
      delegates.get(i).ok(b);
    }
    hostHni.ok(cmd("RecordHallResult").put("voteId", namedVote).put("articleId", "d8").put("endpointId", hni)
        .put("agree", 10).put("disagree", 1).put("other", 0));
    chair.ok(cmd("CloseVote").put("voteId", namedVote));

    chair.ok(cmd("OpenVote").put("title", "Bỏ phiếu kín Điều 9").put("nodeIds", new JsonArray().add("d9")).put("mode", "ANONYMOUS"));
    secretVote = chair.awaitEvent("VoteOpened", d -> d.getJsonArray("articleIds").contains("d9")).getJsonObject("data").getString("voteId");
    delegates.get(0).ok(cmd("CastBallot").put("voteId", secretVote).put("articleId", "d9").put("choice", "OTHER")
        .put("text", "Bổ sung thời hạn ban hành chương trình công tác năm"));
    delegates.get(1).ok(cmd("CastBallot").put("voteId", secretVote).put("articleId", "d9").put("choice", "AGREE"));
    chair.ok(cmd("CloseVote").put("voteId", secretVote));

    hostDtp.ok(cmd("RequestFloor").put("kind", "CONTRIBUTION").put("articleId", "d15").put("forHall", true));
    String req = chair.awaitEvent("FloorRequested", d -> true).getJsonObject("data").getString("requestId");
    chair.ok(cmd("GrantFloor").put("requestId", req));
    chair.ok(cmd("EndSpeech"));

    String text = LiveSessionTest.article(chair.state(), "d8.k1").getString("text");
    int at = text.indexOf("mỗi quý một lần");
    delegates.get(3).ok(cmd("AddAnnotation").put("nodeId", "d8.k1").put("kind", "PROPOSED_WORDING")
        .put("body", "Nên họp thường kỳ 6 tháng một lần.").put("replacement", "sáu tháng một lần")
        .put("quote", new JsonObject().put("exact", "mỗi quý một lần"))
        .put("position", new JsonObject().put("start", at).put("end", at + "mỗi quý một lần".length())));
    proposal = secretary.awaitEvent("AnnotationAdded", d -> "d8.k1".equals(d.getString("nodeId"))).getJsonObject("data").getString("annotationId");
    delegates.get(0).ok(cmd("ReplyToAnnotation").put("annotationId", proposal).put("body", "Đồng ý với đề xuất này."));
    delegates.get(1).ok(cmd("AddAnnotation").put("nodeId", "d15.k4").put("kind", "COMMENT")
        .put("body", "Đề nghị bổ sung chế độ phụ cấp kiêm nhiệm."));
    comment = secretary.awaitEvent("AnnotationAdded", d -> "d15.k4".equals(d.getString("nodeId"))).getJsonObject("data").getString("annotationId");
    secretary.ok(cmd("RespondToAnnotation").put("annotationId", comment).put("response", "EXPLAINED")
        .put("text", "Thực hiện theo quy định chung của Nhà nước."));
    hostHni.ok(cmd("AddAnnotation").put("nodeId", "d10.k2").put("kind", "QUESTION")
        .put("body", "Thành viên vắng mặt có được tính vào tổng số không?"));
    chair.ok(cmd("OpenFeedback").put("deadline", Instant.now().plus(7, ChronoUnit.DAYS).toString()));
  }

  @AfterAll
  static void stop() {
    List.of(chair, secretary, hostDtp, hostHni).forEach(TestClient::close);
    delegates.forEach(TestClient::close);
    server.close();
  }

  @Test
  @Order(1)
  @DisplayName("the live report's numbers equal the tallies, and it lists the feedback with endpoints and authors")
  void liveReport() {
    Reply r = get("/api/conferences/demo/report", secretary.accessToken);
    assertThat(r.status()).isEqualTo(200);
    JsonObject report = r.json();
    assertThat(report.getJsonObject("heading").getString("status")).isEqualTo("FEEDBACK_OPEN");
    assertThat(report.getJsonObject("heading").getBoolean("isFinal")).isFalse();
    JsonObject d8 = article(report, "d8");
    JsonObject vote = d8.getJsonArray("votes").getJsonObject(0).getJsonObject("overall");
    JsonObject tally = TestClient.http(server.baseUrl(), "GET", "/api/conferences/demo/votes/" + namedVote + "/tally",
        null, chair.accessToken).getJsonArray("articles").getJsonObject(0);
    for (String k : List.of("agree", "disagree", "other", "total")) {
      assertThat(vote.getInteger(k)).as(k).isEqualTo(tally.getInteger(k));
    }
    assertThat(List.of(vote.getInteger("agree"), vote.getInteger("disagree"), vote.getInteger("other")))
        .containsExactly(11, 2, 1);
    JsonObject item = d8.getJsonArray("feedback").stream().map(o -> (JsonObject) o)
        .filter(f -> proposal.equals(f.getString("id"))).findFirst().orElseThrow();
    assertThat(item.getString("authorName")).isEqualTo("Bùi Đức Thắng");
    assertThat(item.getString("endpointName")).isEqualTo("Thành ủy Hà Nội");
    assertThat(item.getJsonArray("replies")).hasSize(1);
    JsonObject secret = article(report, "d9").getJsonArray("feedback").getJsonObject(0);
    assertThat(secret.getString("kind")).isEqualTo("VOTE_OPINION");
    assertThat(secret.containsKey("authorId")).isFalse();
    assertThat(r.text()).doesNotContain("\"" + delegates.get(0).participantId() + "\",\"endpointId\"");
    assertThat(article(report, "d15").getJsonArray("speeches")).hasSize(1);
  }

  static JsonObject article(JsonObject report, String id) {
    return report.getJsonArray("articles").stream().map(o -> (JsonObject) o)
        .filter(a -> id.equals(a.getString("articleId"))).findFirst().orElseThrow();
  }

  @Test
  @Order(2)
  @DisplayName("the drafting team downloads the report as a DOCX they can file")
  void docx() throws Exception {
    Reply r = get("/api/conferences/demo/report/docx?style=party&parentBody=BAN%20CH%E1%BA%A4P%20H%C3%80NH%20TRUNG%20%C6%AF%C6%A0NG"
        + "&issuer=BAN%20T%E1%BB%94%20CH%E1%BB%A8C%20TRUNG%20%C6%AF%C6%A0NG&place=H%C3%A0%20N%E1%BB%99i", secretary.accessToken);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    assertThat(r.disposition()).contains("attachment").contains(".docx");
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(r.body()));
         XWPFWordExtractor ex = new XWPFWordExtractor(doc)) {
      String text = ex.getText();
      assertThat(text).contains("ĐẢNG CỘNG SẢN VIỆT NAM", "BAN TỔ CHỨC TRUNG ƯƠNG", "BÁO CÁO",
          "Tổng hợp, tiếp thu, giải trình ý kiến góp ý đối với dự thảo",
          "QUY CHẾ LÀM VIỆC MẪU CỦA ĐẢNG ĐOÀN, BAN CÁN SỰ ĐẢNG CẤP TỈNH", "BẢNG TỔNG HỢP, TIẾP THU, GIẢI TRÌNH Ý KIẾN GÓP Ý",
          "mỗi quý một lần", "sáu tháng một lần", "Bùi Đức Thắng",
          "Giải trình: Thực hiện theo quy định chung của Nhà nước.", "Võ Thành Nhân",
          "Bổ sung thời hạn ban hành chương trình công tác năm", "Phiếu kín", "TM. BAN TỔ CHỨC TRUNG ƯƠNG");
      assertThat(text).doesNotContain(delegates.get(0).participantId());
      assertThat(doc.getAllPictures()).hasSize(1);
    }
    for (String f : List.of("pdf", "xlsx", "csv", "md")) {
      Reply x = get("/api/conferences/demo/report/" + f, chair.accessToken);
      assertThat(x.status()).as(f).isEqualTo(200);
      assertThat(x.body().length).as(f).isGreaterThan(100);
    }
  }

  @Test
  @Order(2)
  @DisplayName("the layout options of the query: agency, number, place, Tổ biên tập, KT. with the signer, recipients")
  void layoutOptions() throws Exception {
    String q = "agency=" + enc("Bộ Tư pháp") + "&number=" + enc("25/BC-TBT") + "&place=" + enc("Đà Nẵng")
        + "&draftingBody=to-bien-tap&signing=kt&headTitle=" + enc("Tổ trưởng") + "&signerTitle=" + enc("Tổ phó")
        + "&signerName=" + enc("Nguyễn Văn An") + "&recipient=" + enc("Bộ trưởng (để báo cáo);")
        + "&recipient=" + enc("Các điểm cầu");
    Reply r = get("/api/conferences/demo/report/docx?" + q, secretary.accessToken);
    assertThat(r.status()).isEqualTo(200);
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(r.body()));
         XWPFWordExtractor ex = new XWPFWordExtractor(doc)) {
      assertThat(ex.getText()).contains("BỘ TƯ PHÁP", "Số: 25/BC-TBT", "Đà Nẵng, ngày ", "KT. TỔ TRƯỞNG", "TỔ PHÓ",
          "Nguyễn Văn An", "- Bộ trưởng (để báo cáo);", "- Các điểm cầu;", "- Lưu: VT, TBT.",
          "Tổ biên tập tổng hợp, tiếp thu, giải trình").doesNotContain("Ban soạn thảo", "TM. ");
    }
    Reply pdf = get("/api/conferences/demo/report/pdf?signing=none", secretary.accessToken);
    assertThat(pdf.status()).isEqualTo(200);
    try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
      assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc)).contains("Nơi nhận:")
          .doesNotContain("TM. BAN SOẠN THẢO");
    }
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Test
  @Order(3)
  @DisplayName("who may read: moderators and organizers all of it, a host their endpoint's part, nobody else")
  void permissions() {
    assertThat(get("/api/conferences/demo/report", null).status()).isEqualTo(401);
    Reply delegate = get("/api/conferences/demo/report/docx", delegates.get(0).accessToken);
    assertThat(delegate.status()).isEqualTo(403);
    assertThat(delegate.json().getString("code")).isEqualTo("FORBIDDEN");
    assertThat(delegate.json().getJsonObject("message").getString("vi")).isNotBlank();
    Reply host = get("/api/conferences/demo/report", hostDtp.accessToken);
    assertThat(host.status()).isEqualTo(200);
    JsonObject part = host.json();
    assertThat(part.getString("endpointScope")).isEqualTo(endpointId("DTP"));
    assertThat(part.getJsonArray("attendance")).hasSize(1);
    // Hà Nội's question is not in Đồng Tháp's part; a Hà Nội proposal appears only as the thread a Đồng Tháp reply answers.
    assertThat(host.text()).doesNotContain("Thành viên vắng mặt").contains("Trần Văn Phúc");
    assertThat(part.getJsonObject("totals").getInteger("proposedWordings")).isZero();
    assertThat(get("/api/conferences/demo/report?endpoint=" + endpointId("HNI"), hostDtp.accessToken).status()).isEqualTo(403);
    assertThat(get("/api/conferences/demo/audit", hostDtp.accessToken).status()).isEqualTo(403);
    JsonObject organizer = TestClient.post(server.baseUrl(), "/api/login", new JsonObject().put("username", "bantochuc")
        .put("password", TestClient.DEMO_PASSWORD), null);
    assertThat(get("/api/conferences/demo/report/xlsx", organizer.getString("accessToken")).status()).isEqualTo(200);
  }

  @Test
  @Order(4)
  @DisplayName("bad input is answered with the error shape of the API")
  void badInput() {
    Reply format = get("/api/conferences/demo/report/odt", chair.accessToken);
    assertThat(format.status()).isEqualTo(400);
    assertThat(format.json().getString("type")).isEqualTo("error");
    assertThat(format.json().getString("code")).isEqualTo("INVALID");
    assertThat(get("/api/conferences/demo/report?version=abc", chair.accessToken).status()).isEqualTo(400);
    assertThat(get("/api/conferences/demo/report?version=7", chair.accessToken).json().getString("code")).isEqualTo("NOT_FOUND");
    assertThat(get("/api/conferences/demo/report?style=royal", chair.accessToken).status()).isEqualTo(400);
    for (String bad : List.of("signing=tl", "draftingBody=hoi-dong", "signing=kt&signerTitle=", "agency=A&issuer=B",
        "signerName=" + "x".repeat(201), "place=H%C3%A0%0AN%E1%BB%99i", "recipient=a" + "&recipient=a".repeat(20))) {
      Reply r = get("/api/conferences/demo/report/docx?" + bad, chair.accessToken);
      assertThat(r.status()).as(bad).isEqualTo(400);
      assertThat(r.json().getString("code")).as(bad).isEqualTo("INVALID");
      assertThat(r.json().encode()).as(bad).containsAnyOf("signing", "draftingBody",
          "signerTitle", "agency", "signerName", "place", "recipient");
    }
    assertThat(get("/api/conferences/demo/drafts/diff?format=docx&signing=x", chair.accessToken).status()).isEqualTo(400);
    assertThat(get("/api/conferences/nope-nope/report", chair.accessToken).status()).isIn(403, 404);
    assertThat(get("/api/conferences/demo/audit?limit=5000", chair.accessToken).status()).isEqualTo(400);
    assertThat(get("/api/conferences/demo/audit/xml", chair.accessToken).status()).isEqualTo(400);
    assertThat(get("/api/conferences/demo/drafts/0", chair.accessToken).status()).isEqualTo(400);
    assertThat(get("/api/conferences/demo/drafts/9", chair.accessToken).status()).isEqualTo(404);
    assertThat(call("POST", "/api/conferences/demo/drafts/revise", "{\"baseVersion\": \"1\"}", secretary.accessToken, null)
        .json().getString("code")).isEqualTo("INVALID_MESSAGE");
    assertThat(call("POST", "/api/conferences/demo/drafts/revise", "not json", secretary.accessToken, null)
        .json().getString("code")).isEqualTo("MALFORMED_JSON");
    // Other /api routes still answer: the report router falls through to the REST router.
    assertThat(TestClient.http(server.baseUrl(), "GET", "/api/nothing-here", null, null).getInteger("_status")).isEqualTo(404);
  }

  @Test
  @Order(5)
  @DisplayName("the audit log: the whole history as JSON pages, CSV and JSON Lines; anonymous ballots stay anonymous")
  void audit() throws Exception {
    JsonObject page = get("/api/conferences/demo/audit?limit=50", chair.accessToken).json();
    assertThat(page.getJsonArray("events")).hasSize(50);
    assertThat(page.getLong("next")).isEqualTo(50L);
    assertThat(page.getJsonArray("events").getJsonObject(0).getString("type")).isEqualTo("ConferenceCreated");

    Reply jsonl = get("/api/conferences/demo/audit/jsonl", secretary.accessToken);
    assertThat(jsonl.status()).isEqualTo(200);
    List<JsonObject> rows = jsonl.text().lines().map(JsonObject::new).toList();
    long last = vn.hoinghi.testing.Await.of(server.app.store().latestSeq("demo"));
    assertThat(rows).hasSize((int) last);
    assertThat(rows.get(rows.size() - 1).getLong("seq")).isEqualTo(last);
    String pid = delegates.get(0).participantId();
    List<JsonObject> secret = rows.stream().filter(x -> x.getString("type").equals("SecretBallotCast")).toList();
    assertThat(secret).hasSize(2).allSatisfy(x -> {
      assertThat(x.getString("actor")).isEqualTo("anonymous-voter");
      assertThat(x.containsKey("commandId")).isFalse();
      assertThat(x.getJsonObject("data").containsKey("voterKey")).isFalse();
      assertThat(x.encode()).doesNotContain(pid).doesNotContain("daibieu1");
    });
    JsonObject named = rows.stream().filter(x -> x.getString("type").equals("BallotCast")).findFirst().orElseThrow();
    assertThat(named.getString("actorName")).isNotBlank();

    Reply csv = get("/api/conferences/demo/audit/csv", chair.accessToken);
    String text = csv.text().substring(1);
    try (CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text))) {
      List<CSVRecord> recs = p.getRecords();
      assertThat(recs).hasSize((int) last);
      for (CSVRecord rec : recs) {
        if (rec.get("type").equals("SecretBallotCast")) {
          assertThat(rec.get("actor")).isEqualTo("anonymous-voter");
          assertThat(rec.get("commandId")).isEmpty();
          assertThat(String.join(",", rec.values())).doesNotContain(pid);
        }
      }
      assertThat(recs.get(0).get("actorName")).isEqualTo("Ban tổ chức");
    }
    assertThat(get("/api/conferences/demo/audit/csv", delegates.get(0).accessToken).status()).isEqualTo(403);
  }

  @Test
  @Order(5)
  @DisplayName("a secret ballot's audit row keeps only vote, article, choice and the minute: in JSON pages, CSV and JSON Lines")
  void secretBallotRows() throws Exception {
    String hall = delegates.get(0).welcome.getString("endpointId");
    String text = "Bổ sung thời hạn ban hành chương trình công tác năm";
    List<JsonObject> rows = new ArrayList<>();
    JsonArray page = get("/api/conferences/demo/audit?limit=1000", chair.accessToken).json().getJsonArray("events");
    page.forEach(o -> rows.add((JsonObject) o));
    get("/api/conferences/demo/audit/jsonl", secretary.accessToken).text().lines().map(JsonObject::new).forEach(rows::add);
    String csv = get("/api/conferences/demo/audit/csv", chair.accessToken).text().substring(1);
    try (CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))) {
      for (CSVRecord r : p.getRecords()) {
        JsonObject row = new JsonObject().put("seq", Long.parseLong(r.get("seq"))).put("at", r.get("at"))
            .put("type", r.get("type")).put("actor", r.get("actor")).put("data", new JsonObject(r.get("data")));
        if (!r.get("commandId").isEmpty()) row.put("commandId", r.get("commandId"));
        rows.add(row);
      }
    }
    List<JsonObject> secret = rows.stream().filter(x -> x.getString("type").equals("SecretBallotCast")).toList();
    assertThat(secret).as("two ballots in each of the three formats").hasSize(6).allSatisfy(x -> {
      assertThat(x.getJsonObject("data").fieldNames()).containsExactlyInAnyOrder("voteId", "articleId", "choice");
      assertThat(x.getJsonObject("data").getString("voteId")).isEqualTo(secretVote);
      Instant at = Instant.parse(x.getString("at"));
      assertThat(at).isEqualTo(at.truncatedTo(ChronoUnit.MINUTES));
      assertThat(x.getString("actor")).isEqualTo("anonymous-voter");
      assertThat(x.containsKey("commandId")).isFalse();
      assertThat(x.encode()).doesNotContain(hall).doesNotContain(text).doesNotContain("voterKey");
    });
    assertThat(secret).extracting(x -> x.getJsonObject("data").getString("choice")).containsOnly("OTHER", "AGREE");
    // A named ballot keeps everything: who, which hall, the text, the time to the microsecond.
    JsonObject named = rows.stream().filter(x -> x.getString("type").equals("BallotCast")).findFirst().orElseThrow();
    assertThat(named.getJsonObject("data").containsKey("endpointId")).isTrue();
  }

  @Test
  @Order(6)
  @DisplayName("the revised draft: accepted wordings applied, version 2 imported, differences word by word, orphans listed")
  void revise() {
    String body = new JsonObject().put("baseVersion", 1).put("accept", new JsonArray().add(proposal))
        .put("edits", new JsonArray().add(new JsonObject().put("nodeId", "d15.k4")
            .put("text", "Biên chế của bộ phận giúp việc nằm trong tổng biên chế được giao của cơ quan, tổ chức.")))
        .put("note", "Tiếp thu ý kiến tại hội nghị").encode();
    Reply preview = call("POST", "/api/conferences/demo/drafts/revise",
        new JsonObject(body).put("dryRun", true).encode(), secretary.accessToken, null);
    assertThat(preview.status()).isEqualTo(200);
    assertThat(preview.json().getString("text")).contains("họp thường kỳ sáu tháng một lần");
    assertThat(preview.json().getLong("changedArticles")).isEqualTo(2L);

    Reply byChair = call("POST", "/api/conferences/demo/drafts/revise", body, chair.accessToken, null);
    assertThat(byChair.status()).as("roles.md: ImportDraft is the secretary's or the organizer's").isEqualTo(403);

    Reply done = call("POST", "/api/conferences/demo/drafts/revise", body, secretary.accessToken, "v2-from-session");
    assertThat(done.status()).isEqualTo(201);
    assertThat(done.json().getInteger("version")).isEqualTo(2);
    assertThat(done.json().getJsonArray("responses")).singleElement()
        .satisfies(o -> assertThat(((JsonObject) o).getString("type")).isEqualTo("ack"));
    chair.awaitEvent("AnnotationResponded", d -> proposal.equals(d.getString("annotationId")));

    Reply again = call("POST", "/api/conferences/demo/drafts/revise", body, secretary.accessToken, null);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().getString("code")).isEqualTo("CONFLICT");

    JsonObject versions = get("/api/conferences/demo/drafts", delegates.get(2).accessToken).json();
    assertThat(versions.getInteger("current")).isEqualTo(2);
    Reply v2 = get("/api/conferences/demo/drafts/2", delegates.get(2).accessToken);
    assertThat(v2.contentType()).startsWith("text/markdown");
    assertThat(v2.text()).contains("### Điều 8. Chế độ họp", "họp thường kỳ sáu tháng một lần");
    assertThat(get("/api/conferences/demo/drafts/1", delegates.get(2).accessToken).text()).contains("mỗi quý một lần");

    JsonObject diff = get("/api/conferences/demo/drafts/diff?from=1&to=2", delegates.get(2).accessToken).json();
    JsonObject d8 = diff.getJsonArray("articles").stream().map(o -> (JsonObject) o)
        .filter(a -> a.getString("articleId").equals("d8")).findFirst().orElseThrow();
    assertThat(d8.getString("status")).isEqualTo("CHANGED");
    List<String> deleted = d8.getJsonArray("body").stream().map(o -> (JsonObject) o)
        .filter(s -> s.getString("op").equals("DELETE")).map(s -> s.getString("text")).toList();
    assertThat(deleted).containsExactly("mỗi quý ");
    JsonObject attribution = d8.getJsonArray("proposals").getJsonObject(0);
    assertThat(attribution.getBoolean("applied")).isTrue();
    assertThat(attribution.getJsonObject("proposal").getString("authorName")).isEqualTo("Bùi Đức Thắng");
    Reply md = get("/api/conferences/demo/drafts/diff?format=md", chair.accessToken);
    assertThat(md.text()).contains("<del>mỗi quý </del><ins>sáu tháng </ins>");

    // The revised draft and the comparison table in Word, to file with the report.
    Reply cmp = get("/api/conferences/demo/drafts/diff?from=1&to=2&format=docx", secretary.accessToken);
    assertThat(cmp.status()).isEqualTo(200);
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(cmp.body()))) {
      // The heading block is the first table, the comparison the second; the page is A4 landscape.
      assertThat(doc.getDocument().getBody().getSectPr().getPgSz().getOrient().toString()).isEqualTo("landscape");
      XWPFTable comparison = doc.getTables().get(1);
      assertThat(comparison.getRow(0).getTableCells().stream().map(c -> c.getText()).toList())
          .containsExactly("Dự thảo lần 1", "Dự thảo lần 2", "Lý do, giải trình");
      var runs = comparison.getRows().stream().flatMap(r -> r.getTableCells().stream())
          .flatMap(c -> c.getParagraphs().stream()).flatMap(p -> p.getRuns().stream()).toList();
      assertThat(runs).anySatisfy(r -> {
        assertThat(r.text()).isEqualTo("mỗi quý ");
        assertThat(r.isStrikeThrough()).isTrue();
      });
      assertThat(runs).anySatisfy(r -> {
        assertThat(r.text()).isEqualTo("sáu tháng ");
        assertThat(r.getUnderline()).isEqualTo(org.apache.poi.xwpf.usermodel.UnderlinePatterns.SINGLE);
      });
      assertThat(comparison.getText())
          .contains("Tiếp thu ý kiến của Bùi Đức Thắng (Thành ủy Hà Nội): “sáu tháng một lần” — đã tiếp thu.");
      assertThat(new XWPFWordExtractor(doc).getText()).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "BẢNG SO SÁNH",
          "Dự thảo lần 1 và dự thảo lần 2", "Nơi nhận:").doesNotContain("phiên bản", "Phiên bản");
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    Reply v2docx = get("/api/conferences/demo/drafts/2?format=docx", secretary.accessToken);
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(v2docx.body()));
         XWPFWordExtractor ex = new XWPFWordExtractor(doc)) {
      assertThat(ex.getText()).contains("Chương III", "Điều 8. Chế độ họp",
          "1. Đảng đoàn, ban cán sự đảng họp thường kỳ sáu tháng một lần;", "(Dự thảo lần 2)");
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }

    JsonObject orphans = get("/api/conferences/demo/drafts/orphans", chair.accessToken).json();
    assertThat(orphans.getJsonArray("orphans").stream().map(o -> ((JsonObject) o).getString("annotationId")))
        .contains(proposal);
    // The report on version 1 still reads the session's votes and feedback where they were.
    JsonObject v1 = get("/api/conferences/demo/report?version=1", chair.accessToken).json();
    assertThat(article(v1, "d8").getJsonArray("votes")).hasSize(1);
    assertThat(v1.getJsonObject("heading").getInteger("draftVersion")).isEqualTo(1);
    JsonObject current = get("/api/conferences/demo/report", chair.accessToken).json();
    assertThat(current.getJsonArray("orphanedFeedback").stream().map(o -> ((JsonObject) o).getString("id"))).contains(proposal);
  }
}
