package vn.hoinghi.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoinghi.testing.TestClient.cmd;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.testing.TestClient;
import vn.hoinghi.testing.TestServer;

/**
 * Written opinions of agencies imported from CSV or XLSX over REST, on a real server: every problem of the file at
 * once by line and column and nothing recorded; a good file enters the report's table, and the opinion is answered
 * with the one answer command.
 */
@DisplayName("Importing written opinions of agencies (CSV, XLSX) and answering them")
class OpinionsImportTest {

  static TestServer server;
  static TestClient secretary;
  static TestClient delegate;
  static final String PATH = "/api/conferences/demo/opinions/import";

  @BeforeAll
  static void start() {
    server = TestServer.start(TestServer.StoreKind.EMBEDDED, new JsonObject().put("demo.seed", true));
    secretary = TestClient.demo(server, "thuky");
    delegate = TestClient.demo(server, "daibieu1");
  }

  @AfterAll
  static void stop() {
    List.of(secretary, delegate).forEach(TestClient::close);
    server.close();
  }

  private static JsonObject upload(byte[] body, String type, String token) {
    return TestClient.upload(server.baseUrl(), PATH, body, type, token);
  }

  private static JsonObject table() {
    return TestClient.http(server.baseUrl(), "GET", "/api/conferences/demo/report", null, secretary.accessToken);
  }

  @Test
  @DisplayName("a CSV with bad rows is refused with every problem by line and column, and nothing is recorded")
  void badCsv() {
    int before = table().getJsonArray("table").size();
    String csv = "Cơ quan,Số công văn,Ngày công văn,\"Điều, khoản\",Nội dung góp ý\n"
        + "Bộ Tư pháp,12/BTP-PL,03/09/2024,\"Điều 8, khoản 1\",Đề nghị quy định rõ thời hạn họp.\n"
        + ",,,Điều 9,Thiếu cơ quan.\n"
        + "Bộ Nội vụ,,31/02/2024,Điều 99,\n";
    JsonObject r = upload(csv.getBytes(StandardCharsets.UTF_8), "text/csv", secretary.accessToken);
    assertThat(r.getInteger("_status")).as(r.encode()).isEqualTo(400);
    assertThat(r.getString("code")).isEqualTo("INVALID");
    List<String> details = r.getJsonArray("details").stream().map(Object::toString).toList();
    assertThat(details).containsExactly(
        "dòng 3, cột Cơ quan: bắt buộc / line 3, column Cơ quan: required",
        "dòng 4, cột Nội dung góp ý: bắt buộc / line 4, column Nội dung góp ý: required",
        "dòng 4, cột Ngày công văn: \"31/02/2024\" không phải ngày (dd/mm/yyyy) / line 4, column Ngày công văn: "
            + "\"31/02/2024\" is not a date (dd/mm/yyyy)",
        "dòng 4, cột Điều, khoản: không có \"Điều 99\" trong dự thảo hiện hành / line 4, column Điều, khoản: "
            + "\"Điều 99\" is not in the current draft");
    assertThat(table().getJsonArray("table")).hasSize(before);
  }

  @Test
  @DisplayName("other file types are 415; a delegate may not import (403)")
  void refusals() {
    JsonObject pdf = upload("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), "application/pdf", secretary.accessToken);
    assertThat(pdf.getInteger("_status")).isEqualTo(415);
    assertThat(pdf.getString("code")).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    String csv = "Cơ quan,Nội dung góp ý\nBộ Tư pháp,Ý kiến.\n";
    JsonObject forbidden = upload(csv.getBytes(StandardCharsets.UTF_8), "text/csv", delegate.accessToken);
    assertThat(forbidden.getInteger("_status")).as(forbidden.encode()).isEqualTo(403);
    JsonObject empty = upload("Cơ quan,Nội dung góp ý\n".getBytes(StandardCharsets.UTF_8), "text/csv",
        secretary.accessToken);
    assertThat(empty.getInteger("_status")).isEqualTo(400);
  }

  @Test
  @DisplayName("an XLSX (real date cells) enters the table with its công văn; the secretary answers it with RespondToOpinion")
  void xlsxThenAnswer() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      XSSFSheet sh = wb.createSheet("Ý kiến");
      Row h = sh.createRow(0);
      String[] head = {"STT", "Cơ quan", "Số công văn", "Ngày công văn", "Điều, khoản", "Nội dung góp ý"};
      for (int i = 0; i < head.length; i++) h.createCell(i).setCellValue(head[i]);
      CellStyle date = wb.createCellStyle();
      date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
      Row r = sh.createRow(1);
      r.createCell(0).setCellValue(1);
      r.createCell(1).setCellValue("Bộ Tư pháp");
      r.createCell(2).setCellValue("12/BTP-PL");
      r.createCell(3).setCellValue(LocalDate.of(2024, 9, 3));
      r.getCell(3).setCellStyle(date);
      r.createCell(4).setCellValue("Điều 10 khoản 2");
      r.createCell(5).setCellValue("Đề nghị làm rõ cách tính tổng số thành viên.");
      wb.write(out);
    }
    JsonObject ok = upload(out.toByteArray(), WrittenOpinionTable.XLSX, secretary.accessToken);
    assertThat(ok.getInteger("_status")).as(ok.encode()).isEqualTo(201);
    assertThat(ok.getInteger("added")).isEqualTo(1);
    JsonObject row = table().getJsonArray("table").stream().map(o -> (JsonObject) o)
        .filter(o -> o.getJsonArray("sources").contains("Bộ Tư pháp (Công văn số 12/BTP-PL ngày 03/09/2024)"))
        .findFirst().orElseThrow();
    assertThat(row.getString("placeAtOpinion")).isEqualTo("Điều 10, khoản 2");
    String opinionId = row.getJsonArray("opinionIds").getString(0);
    secretary.ok(cmd("RespondToOpinion").put("opinionId", opinionId).put("response", "EXPLAINED")
        .put("text", "Đã quy định tại Điều 10."));
    JsonObject answered = table().getJsonArray("table").stream().map(o -> (JsonObject) o)
        .filter(o -> o.getJsonArray("opinionIds").contains(opinionId)).findFirst().orElseThrow();
    assertThat(answered.getString("answer")).isEqualTo("Giải trình: Đã quy định tại Điều 10.");
  }
}
