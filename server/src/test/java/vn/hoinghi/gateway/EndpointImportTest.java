package vn.hoinghi.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoinghi.testing.TestClient.http;
import static vn.hoinghi.testing.TestClient.post;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.testing.Await;
import vn.hoinghi.testing.TestServer;

@DisplayName("CSV endpoint import (POST /api/conferences/{id}/endpoints/import)")
class EndpointImportTest {
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

  private static String newConference() {
    return post(base, "/api/conferences", new JsonObject().put("title", "Hội nghị cấp xã").put("speakingLimitSeconds", 300), org)
        .getString("conferenceId");
  }

  private static JsonObject importCsv(String conf, String csv) {
    return http(base, "POST", "/api/conferences/" + conf + "/endpoints/import", csv, org);
  }

  private static JsonObject importWithKey(String conf, String csv, String key) throws Exception {
    HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/conferences/" + conf + "/endpoints/import"))
        .POST(HttpRequest.BodyPublishers.ofString(csv)).header("Content-Type", "text/csv")
        .header("Authorization", "Bearer " + org).header("Idempotency-Key", key).build();
    HttpResponse<String> r = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
    return new JsonObject(r.body()).put("_status", r.statusCode());
  }

  private static long logEnd(String conf) {
    return Await.of(server.app.store().latestSeq(conf));
  }

  @Test
  @DisplayName("rows are checked against each other: two central endpoints refuse the whole file and add nothing")
  void twoCentralRows() {
    String conf = newConference();
    long before = logEnd(conf);
    JsonObject r = importCsv(conf, "code,name,region,level\nTW,Điểm cầu Trung ương,Bắc,CENTRAL\n"
        + "HNI,Thành ủy Hà Nội,Bắc,PROVINCIAL\nTW2,Trung ương 2,Bắc,CENTRAL\n");
    assertThat(r.getInteger("_status")).as(r.encode()).isEqualTo(400);
    assertThat(r.getJsonArray("details").getList())
        .containsExactly("line 4: A conference has exactly one central endpoint");
    assertThat(logEnd(conf)).isEqualTo(before);
  }

  @Test
  @DisplayName("every problem of the file comes in one answer, numbered by the file's line")
  void everyProblemByLine() {
    String conf = newConference();
    long before = logEnd(conf);
    // Lines 3-4 are one record (a quoted line break, refused in a name) and line 5 is blank: the numbers are the
    // file's, not the rows'. Line 8 repeats line 3's code: a refused row still claims its code.
    JsonObject r = importCsv(conf, "code,name,region,level\n"
        + "TW,Điểm cầu Trung ương,Bắc,CENTRAL\n"
        + "X1,\"Xã Tân Phú,\nhuyện Định Quán\",Nam,COMMUNE\n"
        + "\n"
        + "X2,Xã An Bình,Nam,VILLAGE\n"
        + "x3,Xã Mới,Nam,COMMUNE\n"
        + "X1,Trùng mã,Nam,COMMUNE\n"
        + "X4,Thiếu cột\n");
    assertThat(r.getInteger("_status")).as(r.encode()).isEqualTo(400);
    assertThat(r.getJsonArray("details").getList()).containsExactly(
        "line 3: Name contains control characters",
        "line 6: level must be CENTRAL, PROVINCIAL or COMMUNE, got \"VILLAGE\"",
        "line 7: An endpoint code is 2–10 upper-case letters or digits (e.g. HNI, DTP)",
        "line 8: Endpoint code X1 is already in use",
        "line 9: expected 4 fields, got 2");
    assertThat(logEnd(conf)).isEqualTo(before);
  }

  @Test
  @DisplayName("a good file is added whole by one command: 201 with each row's line, code and new endpoint id")
  void goodFile() {
    String conf = newConference();
    JsonObject r = importCsv(conf, "\uFEFFcode,name,region,level\nTW,Điểm cầu Trung ương,Bắc,CENTRAL\n"
        + "X1,\"Xã Tân Phú, huyện Định Quán\",Nam,commune\n");
    assertThat(r.getInteger("_status")).as(r.encode()).isEqualTo(201);
    assertThat(r.getInteger("added")).isEqualTo(2);
    assertThat(r.getLong("firstSeq")).isEqualTo(r.getLong("lastSeq"));
    assertThat(r.getJsonArray("endpoints").getJsonObject(1).getMap())
        .containsEntry("line", 3).containsEntry("code", "X1").containsKey("endpointId");
    JsonObject state = http(base, "GET", "/api/conferences/" + conf + "/state", null, org);
    assertThat(state.getJsonObject("state").getJsonArray("endpoints")).hasSize(2);
    assertThat(state.encode()).contains("Xã Tân Phú, huyện Định Quán");
    // A code already in the conference refuses the next file as a whole.
    JsonObject again = importCsv(conf, "code,name,region,level\nX3,Xã Mới,Nam,COMMUNE\nX1,Trùng,Nam,COMMUNE\n");
    assertThat(again.getInteger("_status")).isEqualTo(400);
    assertThat(again.getJsonArray("details").getList()).containsExactly("line 3: Endpoint code X1 is already in use");
  }

  @Test
  @DisplayName("the same Idempotency-Key twice adds the file once")
  void idempotent() throws Exception {
    String conf = newConference();
    String csv = "code,name,region,level\nTW,Điểm cầu Trung ương,Bắc,CENTRAL\n";
    JsonObject first = importWithKey(conf, csv, "nhap-1");
    JsonObject second = importWithKey(conf, csv, "nhap-1");
    assertThat(first.getInteger("_status")).isEqualTo(201);
    assertThat(second.getInteger("_status")).isEqualTo(201);
    assertThat(second.getBoolean("duplicate")).isTrue();
    assertThat(second.getInteger("added")).isZero();
    assertThat(second.getJsonArray("endpoints").getJsonObject(0).getString("endpointId"))
        .isEqualTo(first.getJsonArray("endpoints").getJsonObject(0).getString("endpointId"));
  }
}
