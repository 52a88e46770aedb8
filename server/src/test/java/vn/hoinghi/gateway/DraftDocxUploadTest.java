package vn.hoinghi.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat.DECIMAL;
import static org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat.LOWER_LETTER;
import static vn.hoinghi.testing.TestClient.http;
import static vn.hoinghi.testing.TestClient.post;
import static vn.hoinghi.testing.TestClient.upload;

import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.document.docx.WordFile;
import vn.hoinghi.testing.Await;
import vn.hoinghi.testing.TestServer;

@DisplayName("Draft upload as a Word .docx over REST")
class DraftDocxUploadTest {
  static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  static TestServer server;
  static String base;
  static String org;

  @BeforeAll
  static void start() {
    server = TestServer.start(TestServer.StoreKind.EMBEDDED, new JsonObject().put("demo.seed", true));
    base = server.baseUrl();
    org = post(base, "/api/login", new JsonObject().put("username", "bantochuc").put("password", "hoinghi-demo"), null)
        .getString("accessToken");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String conference() {
    return post(base, "/api/conferences", new JsonObject().put("title", "Góp ý dự thảo").put("speakingLimitSeconds", 300), org)
        .getString("conferenceId");
  }

  private static long logEnd(String conf) {
    return Await.of(server.app.store().latestSeq(conf));
  }

  private static byte[] numberedDraft() throws Exception {
    try (WordFile w = new WordFile()) {
      BigInteger num = w.num(w.list("Điều %1.", DECIMAL, "%2.", DECIMAL, "%3)", LOWER_LETTER));
      w.centredBold("DỰ THẢO QUY CHẾ");
      w.numbered(num, 0, "Phạm vi điều chỉnh");
      w.withFootnote("Quy chế này quy định về hội nghị.", "Chú thích");
      w.numbered(num, 1, "Áp dụng đối với:");
      w.numbered(num, 2, "Đảng đoàn;");
      w.numbered(num, 0, "Hiệu lực");
      w.para("Quy chế có hiệu lực từ ngày ký.");
      return w.bytes();
    }
  }

  @Test
  @DisplayName("preview of a .docx returns the text made from it, its notices, the parsed tree; import then makes version 1")
  void previewThenImport() throws Exception {
    String id = conference();
    byte[] docx = numberedDraft();
    long before = logEnd(id);
    JsonObject preview = upload(base, "/api/conferences/" + id + "/draft/preview", docx, DOCX, org);
    assertThat(preview.getInteger("_status")).as(preview.encode()).isEqualTo(200);
    assertThat(preview.getBoolean("ok")).isTrue();
    assertThat(preview.getString("format")).isEqualTo("docx");
    assertThat(preview.getString("text")).contains("Điều 1. Phạm vi điều chỉnh\n", "1. Áp dụng đối với:\n", "a) Đảng đoàn;\n", "Điều 2. Hiệu lực\n");
    assertThat(preview.getJsonArray("notices").getJsonObject(0).getInteger("line")).isEqualTo(3);
    assertThat(preview.getJsonObject("document").getString("title")).isEqualTo("DỰ THẢO QUY CHẾ");
    assertThat(logEnd(id)).as("a preview changes nothing").isEqualTo(before);
    JsonObject imported = upload(base, "/api/conferences/" + id + "/draft?note=b%E1%BA%A3n%20Word", docx, DOCX + "; charset=binary", org);
    assertThat(imported.getInteger("_status")).as(imported.encode()).isEqualTo(201);
    JsonObject draft = http(base, "GET", "/api/conferences/" + id + "/state", null, org).getJsonObject("state").getJsonObject("draft");
    assertThat(draft.getInteger("version")).isEqualTo(1);
    assertThat(draft.encode()).contains("Đảng đoàn;");
  }

  @Test
  @DisplayName("a real decree in Word previews with no problem and the letterhead notice")
  void realDecree() throws Exception {
    byte[] docx;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("drafts/docx/nghi-dinh-30-2020-van-thu.docx")) {
      docx = in.readAllBytes();
    }
    JsonObject preview = upload(base, "/api/conferences/" + conference() + "/draft/preview", docx, DOCX, org);
    assertThat(preview.getBoolean("ok")).as(preview.getJsonArray("problems").encode()).isTrue();
    assertThat(preview.getJsonArray("notices")).hasSize(1);
  }

  @Test
  @DisplayName("other types are refused with 415 (PDF, image, JSON, a .docx sent as text/plain); nothing is imported")
  void otherTypes() throws Exception {
    String id = conference();
    long before = logEnd(id);
    byte[] docx = numberedDraft();
    for (Object[] c : new Object[][] {{"%PDF-1.7".getBytes(StandardCharsets.US_ASCII), "application/pdf"},
        {new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "image/png"}, {"{\"text\":\"Điều 1. A\"}".getBytes(StandardCharsets.UTF_8), "application/json"},
        {docx, "text/plain"}, {"%PDF-1.7".getBytes(StandardCharsets.US_ASCII), "text/plain"}}) {
      for (String route : new String[] {"/draft", "/draft/preview"}) {
        JsonObject r = upload(base, "/api/conferences/" + id + route, (byte[]) c[0], (String) c[1], org);
        assertThat(r.getInteger("_status")).as(c[1] + " " + route + " " + r.encode()).isEqualTo(415);
        assertThat(r.getString("code")).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(r.getJsonObject("message").getString("vi")).contains(".docx");
      }
    }
    assertThat(logEnd(id)).isEqualTo(before);
  }

  @Test
  @DisplayName("bad .docx bodies get 400 with a reason (not a zip, a zip bomb, no text) and 3 MiB + 1 gets 413; nothing is imported")
  void badDocx() throws Exception {
    String id = conference();
    long before = logEnd(id);
    byte[] bomb = zip("word/document.xml", " ".repeat(50 * 1024 * 1024).getBytes(StandardCharsets.US_ASCII));
    byte[] noText;
    try (WordFile w = new WordFile()) {
      w.para("");
      noText = w.bytes();
    }
    String[][] expected = {{"not a readable Word .docx"}, {"zip bomb"}, {"no text"}};
    byte[][] bodies = {"Điều 1. Chỉ là chữ".getBytes(StandardCharsets.UTF_8), bomb, noText};
    for (int i = 0; i < bodies.length; i++) {
      for (String route : new String[] {"/draft", "/draft/preview"}) {
        JsonObject r = upload(base, "/api/conferences/" + id + route, bodies[i], DOCX, org);
        assertThat(r.getInteger("_status")).as(r.encode()).isEqualTo(400);
        assertThat(r.getJsonObject("message").getString("en")).contains(expected[i][0]);
      }
    }
    byte[] tooLarge = Arrays.copyOf(numberedDraft(), 3 * 1024 * 1024 + 1);
    JsonObject r = upload(base, "/api/conferences/" + id + "/draft", tooLarge, DOCX, org);
    assertThat(r.getInteger("_status")).isEqualTo(413);
    assertThat(r.getString("code")).isEqualTo("TOO_LARGE");
    assertThat(logEnd(id)).isEqualTo(before);
  }

  private static byte[] zip(String name, byte[] content) throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      z.putNextEntry(new ZipEntry(name));
      z.write(content);
    }
    return out.toByteArray();
  }
}
