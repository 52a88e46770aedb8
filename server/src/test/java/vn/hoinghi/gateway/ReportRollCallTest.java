package vn.hoinghi.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoinghi.testing.TestClient.cmd;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.testing.TestClient;
import vn.hoinghi.testing.TestServer;

/**
 * The report's attendance part carries each hall's roll call: the delegates registered (listed or joined), marked
 * present by the host, and absent. The demo conference's Đồng Tháp hall has three delegates who joined; the secretary
 * lists four more, and the hall's host marks three of the seven present.
 */
@DisplayName("The report counts each hall's delegates: registered, marked present, absent")
class ReportRollCallTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  static TestServer server;
  static TestClient secretary;
  static TestClient hostDtp;
  static String dtp;

  static byte[] get(String path, String token) {
    try {
      HttpRequest r = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).header("Authorization", "Bearer " + token)
          .GET().build();
      HttpResponse<byte[]> res = HTTP.send(r, HttpResponse.BodyHandlers.ofByteArray());
      assertThat(res.statusCode()).as(path).isEqualTo(200);
      return res.body();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @BeforeAll
  static void rollCall() {
    server = TestServer.start(TestServer.StoreKind.EMBEDDED, new JsonObject().put("demo.seed", true));
    secretary = TestClient.demo(server, "thuky");
    hostDtp = TestClient.demo(server, "dongthap");
    dtp = LiveSessionTest.endpointId(secretary.state(), "DTP");
    String csv = "họ tên,chức vụ,đơn vị,điểm cầu\nLê Văn Tám,Ủy viên,Sở Nội vụ,DTP\nPhan Thị Hoa,,,DTP\n"
        + "Mai Xuân Thưởng,,,DTP\nTạ Thu Thâu,,,DTP\nĐỗ Thị Hương,,,HNI\n";
    JsonObject imported = TestClient.upload(server.baseUrl(), "/api/conferences/demo/delegates/import",
        csv.getBytes(StandardCharsets.UTF_8), "text/csv", secretary.accessToken);
    assertThat(imported.getInteger("_status")).as(imported.encode()).isEqualTo(201);
    JsonObject listed = TestClient.http(server.baseUrl(), "GET", "/api/conferences/demo/delegates?endpointId=" + dtp,
        null, hostDtp.accessToken);
    List<String> ids = listed.getJsonArray("delegates").stream().map(o -> ((JsonObject) o).getString("participantId"))
        .toList();
    assertThat(ids).hasSize(4);
    for (String id : ids.subList(0, 3)) {
      hostDtp.ok(cmd("MarkAttendance").put("participantId", id).put("present", true));
    }
  }

  @AfterAll
  static void stop() {
    List.of(secretary, hostDtp).forEach(TestClient::close);
    server.close();
  }

  static JsonObject hall(JsonArray rows, String endpointId) {
    return rows.stream().map(o -> (JsonObject) o).filter(o -> endpointId.equals(o.getString("endpointId")))
        .findFirst().orElseThrow();
  }

  @Test
  @DisplayName("JSON: per hall and in the totals, the same registered count as GET …/attendance, present as marked")
  void json() {
    JsonObject report = new JsonObject(new String(get("/api/conferences/demo/report", secretary.accessToken),
        StandardCharsets.UTF_8));
    JsonObject row = hall(report.getJsonArray("attendance"), dtp);
    JsonObject live = TestClient.http(server.baseUrl(), "GET", "/api/conferences/demo/attendance?endpointId=" + dtp,
        null, secretary.accessToken);
    int registered = hall(live.getJsonArray("endpoints"), dtp).getInteger("registered");
    assertThat(registered).isEqualTo(7);
    assertThat(row.getInteger("delegatesRegistered")).isEqualTo(registered);
    assertThat(row.getInteger("delegatesPresent")).isEqualTo(3);
    assertThat(row.getInteger("delegatesAbsent")).isEqualTo(4);
    JsonObject totals = report.getJsonObject("totals");
    assertThat(totals.getInteger("delegatesPresent")).isEqualTo(3);
    JsonObject everyHall = TestClient.http(server.baseUrl(), "GET", "/api/conferences/demo/attendance", null,
        secretary.accessToken);
    assertThat(totals.getInteger("delegatesRegistered")).isEqualTo(everyHall.getInteger("registered"));
    assertThat(totals.getInteger("delegatesAbsent")).isEqualTo(totals.getInteger("delegatesRegistered") - 3);

    JsonObject part = new JsonObject(new String(get("/api/conferences/demo/report", hostDtp.accessToken),
        StandardCharsets.UTF_8));
    assertThat(part.getJsonArray("attendance")).singleElement()
        .satisfies(o -> assertThat(((JsonObject) o).getInteger("delegatesPresent")).isEqualTo(3));
    assertThat(part.getJsonObject("totals").getInteger("delegatesRegistered")).isEqualTo(7);
  }

  @Test
  @DisplayName("XLSX, PDF and Markdown show the hall's registered, present and absent delegates")
  void files() throws Exception {
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(get("/api/conferences/demo/report/xlsx",
        secretary.accessToken)))) {
      Sheet halls = wb.getSheet("Điểm cầu");
      assertThat(halls.getRow(0).getCell(5).getStringCellValue()).isEqualTo("Đại biểu đăng ký");
      assertThat(halls.getRow(0).getCell(6).getStringCellValue()).isEqualTo("Đại biểu có mặt");
      assertThat(halls.getRow(0).getCell(7).getStringCellValue()).isEqualTo("Đại biểu vắng mặt");
      Row row = null;
      for (Row r : halls) if ("DTP".equals(r.getCell(0).getStringCellValue())) row = r;
      assertThat(row).isNotNull();
      assertThat(List.of(row.getCell(5).getNumericCellValue(), row.getCell(6).getNumericCellValue(),
          row.getCell(7).getNumericCellValue())).containsExactly(7.0, 3.0, 4.0);
    }
    try (PDDocument pdf = Loader.loadPDF(get("/api/conferences/demo/report/pdf?endpoint=" + dtp,
        secretary.accessToken))) {
      String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
      assertThat(text).contains("Đại biểu theo điểm danh của các điểm cầu: 7 đăng ký, 3 có mặt, 4 vắng mặt.");
    }
    String md = new String(get("/api/conferences/demo/report/md", secretary.accessToken), StandardCharsets.UTF_8);
    assertThat(md).contains("| TT | Điểm cầu | Điểm danh | Số người | Đại biểu đăng ký | Có mặt | Vắng mặt |")
        .containsPattern("\\| Tỉnh ủy Đồng Tháp \\| (Có|Không) \\| \\d+ \\| 7 \\| 3 \\| 4 \\|");
  }
}
