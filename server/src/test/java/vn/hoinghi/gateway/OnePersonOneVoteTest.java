package vn.hoinghi.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoinghi.testing.TestClient.cmd;
import static vn.hoinghi.testing.TestClient.http;
import static vn.hoinghi.testing.TestClient.post;
import static vn.hoinghi.testing.TestClient.upload;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.testing.Await;
import vn.hoinghi.testing.TestClient;
import vn.hoinghi.testing.TestServer;

/**
 * One person, one vote, over a real server: a hall's shared link needs the host's admission, a duplicate is marked
 * and never admitted silently, a personal code used on a second device moves the session there, a refused request
 * leaves nobody behind, and a delegate list with bad rows adds nothing.
 */
@DisplayName("One person, one vote, over REST and the WebSocket")
class OnePersonOneVoteTest {
  static TestServer server;
  static String base;
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  @BeforeAll
  static void start() {
    server = TestServer.start(TestServer.StoreKind.EMBEDDED, new JsonObject().put("demo.seed", true));
    base = server.baseUrl();
    try (TestClient chair = TestClient.demo(server, "chutri")) {
      chair.ok(cmd("StartConference"));
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String login(String user) {
    JsonObject r = post(base, "/api/login", new JsonObject().put("username", user).put("password", TestClient.DEMO_PASSWORD)
        .put("conferenceId", "demo"), null);
    assertThat(r.getInteger("_status")).as(r.encode()).isEqualTo(200);
    return r.getString("accessToken");
  }

  private static long logEnd() {
    return Await.of(server.app.store().latestSeq("demo"));
  }

  private static String dtp(String token) {
    return LiveSessionTest.endpointId(http(base, "GET", "/api/conferences/demo/state", null, token), "DTP");
  }

  private static JsonObject join(String code, String name) {
    JsonObject body = new JsonObject().put("conferenceId", "demo").put("code", code);
    if (name != null) body.put("displayName", name);
    return post(base, "/api/join", body, null);
  }

  private static JsonObject ask(JsonObject pending) {
    try {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/join/requests/"
          + pending.getString("requestId") + "?conferenceId=demo")).header("X-Join-Key", pending.getString("requestKey"))
          .GET().build(), HttpResponse.BodyHandlers.ofString());
      return new JsonObject(r.body()).put("_status", r.statusCode());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hallLink(String token) {
    JsonObject inv = post(base, "/api/conferences/demo/invites", new JsonObject().put("role", "DELEGATE")
        .put("endpointId", dtp(token)).put("maxUses", 50), token);
    assertThat(inv.getInteger("_status")).as(inv.encode()).isEqualTo(201);
    return inv.getString("code");
  }

  private static int participants(String token) {
    return http(base, "GET", "/api/conferences/demo/state", null, token).getJsonObject("state")
        .getJsonArray("participants").size();
  }

  /** The total of the last tally frame this client received for the vote (-1 before any). */
  private static int liveTotal(TestClient c, String voteId) {
    JsonObject t = c.lastTally(voteId);
    return t == null ? -1 : t.getJsonArray("articles").getJsonObject(0).getInteger("total");
  }

  private static int tallyTotal(String voteId, String token) {
    return http(base, "GET", "/api/conferences/demo/votes/" + voteId + "/tally", null, token).getJsonArray("articles")
        .getJsonObject(0).getInteger("total");
  }

  @Test
  @DisplayName("join by the hall's link, vote, close the tab, open the link again with the same name, vote: one ballot")
  void sameNameTwice() {
    String secretary = login("thuky");
    try (TestClient host = TestClient.demo(server, "dongthap"); TestClient chair = TestClient.demo(server, "chutri")) {
      String code = hallLink(host.accessToken);
      int before = participants(secretary);
      JsonObject pending = join(code, "Võ Thị Sáu");
      assertThat(pending.getInteger("_status")).as(pending.encode()).isEqualTo(202);
      assertThat(pending.getString("status")).isEqualTo("PENDING");
      assertThat(pending.getBoolean("duplicate")).isFalse();
      assertThat(ask(pending).getString("status")).isEqualTo("PENDING");
      assertThat(participants(secretary)).as("a request is not a participant").isEqualTo(before);
      // The host sees the request live and admits it.
      JsonObject requested = host.awaitEvent("JoinRequested", d -> d.getString("requestId").equals(pending.getString("requestId")));
      assertThat(requested.getJsonObject("data").getString("displayName")).isEqualTo("Võ Thị Sáu");
      host.ok(cmd("AdmitJoinRequest").put("requestId", pending.getString("requestId")).put("confirmDuplicate", false));
      JsonObject admitted = ask(pending);
      assertThat(admitted.getString("status")).as(admitted.encode()).isEqualTo("ADMITTED");
      assertThat(admitted.getString("accessToken")).isNotBlank();
      String sau = admitted.getString("participantId");
      TestClient phone = TestClient.withToken(base, "sau", admitted.getString("accessToken")).connect(null);
      chair.ok(cmd("OpenVote").put("title", "Biểu quyết Điều 2").put("nodeIds", new JsonArray().add("d2")).put("mode", "NAMED"));
      String voteId = chair.awaitEvent("VoteOpened", d -> d.getJsonArray("articleIds").contains("d2"))
          .getJsonObject("data").getString("voteId");
      phone.ok(cmd("CastBallot").put("voteId", voteId).put("articleId", "d2").put("choice", "AGREE"));
      // The tab closes; the device keeps its refresh token: reopening signs the same person in.
      phone.close();
      JsonObject refreshed = post(base, "/api/token/refresh", new JsonObject().put("refreshToken",
          admitted.getString("refreshToken")), null);
      assertThat(refreshed.getInteger("_status")).isEqualTo(200);
      assertThat(refreshed.getString("participantId")).isEqualTo(sau);
      // A device that lost its storage opens the link again with the same name: a request marked as a duplicate.
      JsonObject again = join(code, "  võ thị sáu ");
      assertThat(again.getInteger("_status")).isEqualTo(202);
      assertThat(again.getBoolean("duplicate")).isTrue();
      JsonObject seen = host.awaitEvent("JoinRequested", d -> d.getString("requestId").equals(again.getString("requestId")));
      assertThat(seen.getJsonObject("data").getString("duplicateOf")).isEqualTo(sau);
      JsonObject silent = host.command(cmd("AdmitJoinRequest").put("requestId", again.getString("requestId"))
          .put("confirmDuplicate", false));
      assertThat(silent.getString("code")).as(silent.encode()).isEqualTo("CONFLICT");
      assertThat(ask(again).getString("status")).isEqualTo("PENDING");
      assertThat(tallyTotal(voteId, secretary)).isEqualTo(1);
      assertThat(participants(secretary)).isEqualTo(before + 1);
      // Admitted knowingly by the host, then found to be the same person: removing the duplicate withdraws its ballot.
      host.ok(cmd("AdmitJoinRequest").put("requestId", again.getString("requestId")).put("confirmDuplicate", true));
      JsonObject second = ask(again);
      TestClient other = TestClient.withToken(base, "sau-2", second.getString("accessToken")).connect(null);
      other.ok(cmd("CastBallot").put("voteId", voteId).put("articleId", "d2").put("choice", "DISAGREE"));
      assertThat(tallyTotal(voteId, secretary)).isEqualTo(2);
      TestClient.waitFor(() -> liveTotal(chair, voteId) == 2, "the chair's live tally at 2");
      TestClient sec = TestClient.withToken(base, "thuky", secretary).connect(null);
      sec.ok(cmd("RemoveParticipant").put("participantId", second.getString("participantId")));
      assertThat(tallyTotal(voteId, secretary)).as("the duplicate's ballot is withdrawn").isEqualTo(1);
      // The live tally says so too (a tally frame follows the withdrawal).
      TestClient.waitFor(() -> liveTotal(chair, voteId) == 1, "the chair's live tally back to 1");
      sec.awaitEvent("BallotsWithdrawn", d -> d.getString("participantId").equals(second.getString("participantId"))
          && d.getInteger("count") == 1);
      other.close();
      sec.close();
      chair.ok(cmd("CloseVote").put("voteId", voteId));
    }
  }

  @Test
  @DisplayName("a personal code on a second device: one participant, the first session closed with 4009")
  void personalCodeOnTwoDevices() throws Exception {
    String secretary = login("thuky");
    byte[] csv = "họ tên,chức vụ,đơn vị,điểm cầu,điện thoại\nNguyễn Thị Hai Máy,Ủy viên,Sở Tư pháp,DTP,0912 000 111\n"
        .getBytes(StandardCharsets.UTF_8);
    assertThat(upload(base, "/api/conferences/demo/delegates/import", csv, "text/csv", secretary).getInteger("_status"))
        .isEqualTo(201);
    JsonObject listed = http(base, "GET", "/api/conferences/demo/delegates", null, secretary).getJsonArray("delegates")
        .stream().map(o -> (JsonObject) o).filter(d -> d.getString("fullName").equals("Nguyễn Thị Hai Máy"))
        .findFirst().orElseThrow();
    assertThat(listed.getString("position")).isEqualTo("Ủy viên");
    assertThat(listed.getString("joinUrl")).endsWith("/#/join/demo/" + listed.getString("personalCode"));
    int before = participants(secretary);
    JsonObject first = join(listed.getString("personalCode").toLowerCase(), null);
    assertThat(first.getInteger("_status")).as(first.encode()).isEqualTo(201);
    assertThat(first.getString("participantId")).isEqualTo(listed.getString("participantId"));
    TestClient device1 = TestClient.withToken(base, "may-1", first.getString("accessToken")).connect(null);
    JsonObject second = join(listed.getString("personalCode"), "Tên khác");
    assertThat(second.getInteger("_status")).isEqualTo(201);
    assertThat(second.getString("participantId")).isEqualTo(listed.getString("participantId"));
    assertThat(device1.closed.get(10, TimeUnit.SECONDS)).as("the first device's socket").isEqualTo(4009);
    assertThat(device1.frames).anyMatch(f -> "SESSION_ENDED".equals(f.getString("code")));
    assertThat(post(base, "/api/token/refresh", new JsonObject().put("refreshToken", first.getString("refreshToken")), null)
        .getString("code")).isEqualTo("SESSION_ENDED");
    assertThat(http(base, "GET", "/api/conferences/demo/state", null, first.getString("accessToken")).getInteger("_status"))
        .isEqualTo(401);
    assertThat(helloWith(first.getString("accessToken"))).isEqualTo("SESSION_ENDED/4009");
    TestClient device2 = TestClient.withToken(base, "may-2", second.getString("accessToken")).connect(null);
    assertThat(device2.welcome.getString("participantId")).isEqualTo(listed.getString("participantId"));
    assertThat(participants(secretary)).as("no participant created").isEqualTo(before);
    // The host ends every session (a lost phone): the second device is closed as well.
    try (TestClient host = TestClient.demo(server, "dongthap")) {
      host.ok(cmd("EndSessions").put("participantId", listed.getString("participantId")));
    }
    assertThat(device2.closed.get(10, TimeUnit.SECONDS)).isEqualTo(4009);
  }

  @Test
  @DisplayName("a refused request leaves no participant, and the requester learns the reason")
  void refused() {
    String secretary = login("thuky");
    try (TestClient host = TestClient.demo(server, "dongthap")) {
      String code = hallLink(host.accessToken);
      int before = participants(secretary);
      long end = logEnd();
      JsonObject pending = join(code, "Người lạ");
      host.ok(cmd("RefuseJoinRequest").put("requestId", pending.getString("requestId"))
          .put("reason", "Không có trong danh sách đại biểu"));
      JsonObject answer = ask(pending);
      assertThat(answer.getString("status")).isEqualTo("REFUSED");
      assertThat(answer.getString("reason")).isEqualTo("Không có trong danh sách đại biểu");
      assertThat(answer.containsKey("accessToken")).isFalse();
      assertThat(participants(secretary)).isEqualTo(before);
      assertThat(logEnd()).isEqualTo(end + 2);
      // A wrong key is indistinguishable from an unknown request.
      JsonObject wrong = pending.copy().put("requestKey", "0".repeat(64));
      assertThat(ask(wrong).getInteger("_status")).isEqualTo(404);
      assertThat(ask(pending.copy().put("requestKey", "short")).getInteger("_status")).isEqualTo(400);
    }
  }

  @Test
  @DisplayName("a delegate list with bad rows (CSV or XLSX) adds nothing and names every problem by its line")
  void badListsAddNothing() throws Exception {
    String secretary = login("thuky");
    long end = logEnd();
    byte[] csv = ("họ tên,điểm cầu,email\n"
        + "Trần Văn Đúng,DTP,dung@example.vn\n"
        + ",DTP,\n"
        + "Lê Văn Sai Mã,XYZ,\n"
        + "Phạm Thị Thư,DTP,không phải thư\n"
        + "Trần Văn Đúng,DTP,\n").getBytes(StandardCharsets.UTF_8);
    JsonObject r = upload(base, "/api/conferences/demo/delegates/import", csv, "text/csv", secretary);
    assertThat(r.getInteger("_status")).as(r.encode()).isEqualTo(400);
    List<String> details = r.getJsonArray("details").getList();
    assertThat(details).hasSize(4);
    assertThat(details.get(0)).contains("line 3:");
    assertThat(details.get(1)).contains("line 4:").contains("XYZ");
    assertThat(details.get(2)).contains("line 5:").contains("e-mail");
    assertThat(details.get(3)).contains("line 6:").contains("earlier row");
    // The same in a workbook: rows numbered as Excel shows them.
    byte[] xlsx;
    try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XSSFSheet sheet = wb.createSheet("Danh sách");
      String[][] rows = {{"STT", "Họ và tên", "Chức vụ", "Đơn vị", "Điểm cầu"}, {"1", "Hoàng Văn Một", "Ủy viên", "Sở Y tế", "HNI"},
          {"2", "Hoàng Văn Hai", "", "", "KHONGCO"}};
      for (int i = 0; i < rows.length; i++) {
        var row = sheet.createRow(i + 2);
        for (int j = 0; j < rows[i].length; j++) row.createCell(j).setCellValue(rows[i][j]);
      }
      wb.write(out);
      xlsx = out.toByteArray();
    }
    JsonObject x = upload(base, "/api/conferences/demo/delegates/import", xlsx, XLSX, secretary);
    assertThat(x.getInteger("_status")).as(x.encode()).isEqualTo(400);
    assertThat(x.getJsonArray("details").getList()).singleElement().asString().contains("line 5:").contains("KHONGCO");
    // Not a table at all, or a table without the needed columns.
    assertThat(upload(base, "/api/conferences/demo/delegates/import", "%PDF-1.4".getBytes(), "application/pdf", secretary)
        .getInteger("_status")).isEqualTo(400);
    JsonObject noColumns = upload(base, "/api/conferences/demo/delegates/import", "tên,tỉnh\nA,B\n".getBytes(StandardCharsets.UTF_8),
        "text/csv", secretary);
    assertThat(noColumns.getInteger("_status")).isEqualTo(400);
    assertThat(noColumns.getJsonArray("details").encode()).contains("họ tên").contains("điểm cầu");
    assertThat(upload(base, "/api/conferences/demo/delegates/import", xlsx, XLSX, null).getInteger("_status")).isEqualTo(401);
    // A host lists their own hall only; a delegate lists nobody.
    byte[] other = "họ tên,điểm cầu\nNgười Hà Nội,HNI\n".getBytes(StandardCharsets.UTF_8);
    assertThat(upload(base, "/api/conferences/demo/delegates/import", other, "text/csv", login("dongthap"))
        .getInteger("_status")).isEqualTo(403);
    assertThat(upload(base, "/api/conferences/demo/delegates/import", other, "text/csv", login("daibieu1"))
        .getInteger("_status")).isEqualTo(403);
    assertThat(http(base, "GET", "/api/conferences/demo/delegates?endpointId=" + dtp(secretary), null, login("hanoi"))
        .getInteger("_status")).isEqualTo(403);
    assertThat(logEnd()).as("nothing was added").isEqualTo(end);
    // A long list (one event per hall, whatever its length) goes in whole through the store.
    StringBuilder big = new StringBuilder("họ tên,điểm cầu\n");
    for (int i = 0; i < 3_000; i++) big.append("Đại biểu danh sách dài ").append(i).append(i % 2 == 0 ? ",DTP\n" : ",HNI\n");
    JsonObject bigOk = upload(base, "/api/conferences/demo/delegates/import", big.toString().getBytes(StandardCharsets.UTF_8),
        "text/csv", secretary);
    assertThat(bigOk.getInteger("_status")).as(bigOk.encode()).isEqualTo(201);
    assertThat(bigOk.getInteger("added")).isEqualTo(3_000);
    assertThat(logEnd()).isEqualTo(end + 2);
    end = logEnd();
    // The good workbook goes in whole.
    try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      var row0 = wb.createSheet().createRow(0);
      row0.createCell(0).setCellValue("Ho ten");
      row0.createCell(1).setCellValue("Diem cau");
      var row1 = wb.getSheetAt(0).createRow(1);
      row1.createCell(0).setCellValue("Đinh Thị Xlsx");
      row1.createCell(1).setCellValue("hni");
      wb.write(out);
      JsonObject ok = upload(base, "/api/conferences/demo/delegates/import", out.toByteArray(), XLSX, secretary);
      assertThat(ok.getInteger("_status")).as(ok.encode()).isEqualTo(201);
      assertThat(ok.getInteger("added")).isEqualTo(1);
    }
  }

  @Test
  @DisplayName("attendance per hall: registered, present when marked by the host or connected, absent")
  void attendance() {
    String secretary = login("thuky");
    byte[] csv = "họ tên,điểm cầu\nĐại biểu Điểm Danh,DTP\n".getBytes(StandardCharsets.UTF_8);
    assertThat(upload(base, "/api/conferences/demo/delegates/import", csv, "text/csv", secretary).getInteger("_status"))
        .isEqualTo(201);
    String pid = http(base, "GET", "/api/conferences/demo/delegates", null, secretary).getJsonArray("delegates").stream()
        .map(o -> (JsonObject) o).filter(d -> d.getString("fullName").equals("Đại biểu Điểm Danh")).findFirst()
        .orElseThrow().getString("participantId");
    String dtp = dtp(secretary);
    JsonObject hall = hall(secretary, dtp);
    int present = hall.getInteger("present");
    try (TestClient host = TestClient.demo(server, "dongthap")) {
      host.ok(cmd("MarkAttendance").put("participantId", pid).put("present", true));
      JsonObject after = hall(host.accessToken, null);
      assertThat(after.getInteger("present")).isEqualTo(present + 1);
      assertThat(after.getInteger("registered")).isEqualTo(after.getInteger("present") + after.getInteger("absent"));
      assertThat(after.getJsonArray("people").stream().map(o -> (JsonObject) o)
          .filter(p -> p.getString("participantId").equals(pid)).findFirst().orElseThrow().getBoolean("markedPresent")).isTrue();
      JsonObject twice = host.command(cmd("MarkAttendance").put("participantId", pid).put("present", true));
      assertThat(twice.getString("code")).isEqualTo("WRONG_STATE");
    }
  }

  @Test
  @DisplayName("a code is described before joining: conference, hall, kind; a hall link lists the hall's names to pick "
      + "from, and picking one is confirmed by the host")
  void codeDescribedAndNamePicked() {
    String secretary = login("thuky");
    byte[] csv = "họ tên,chức vụ,điểm cầu,điện thoại\nPhan Thị Chọn Tên,Phó Giám đốc,DTP,0912 999 888\n"
        .getBytes(StandardCharsets.UTF_8);
    assertThat(upload(base, "/api/conferences/demo/delegates/import", csv, "text/csv", secretary).getInteger("_status"))
        .isEqualTo(201);
    JsonObject listed = http(base, "GET", "/api/conferences/demo/delegates", null, secretary).getJsonArray("delegates")
        .stream().map(o -> (JsonObject) o).filter(d -> d.getString("fullName").equals("Phan Thị Chọn Tên"))
        .findFirst().orElseThrow();
    JsonObject personal = http(base, "GET", "/api/join/code?conferenceId=demo&code="
        + listed.getString("personalCode").toLowerCase(), null, null);
    assertThat(personal.getInteger("_status")).as(personal.encode()).isEqualTo(200);
    assertThat(personal.getString("kind")).isEqualTo("PERSONAL");
    assertThat(personal.getString("name")).isEqualTo("Phan Thị Chọn Tên");
    assertThat(personal.getString("endpointCode")).isEqualTo("DTP");
    assertThat(personal.getString("title")).isNotBlank();
    assertThat(personal.getBoolean("usable")).isTrue();
    try (TestClient host = TestClient.demo(server, "dongthap")) {
      String code = hallLink(host.accessToken);
      JsonObject hall = http(base, "GET", "/api/join/code?conferenceId=demo&code=" + code, null, null);
      assertThat(hall.getString("kind")).isEqualTo("HALL_LINK");
      JsonObject entry = hall.getJsonArray("delegates").stream().map(o -> (JsonObject) o)
          .filter(d -> d.getString("fullName").equals("Phan Thị Chọn Tên")).findFirst().orElseThrow();
      assertThat(entry.getString("position")).isEqualTo("Phó Giám đốc");
      assertThat(hall.encode()).as("no contact details to a link holder").doesNotContain("0912 999 888");
      JsonObject pending = post(base, "/api/join", new JsonObject().put("conferenceId", "demo").put("code", code)
          .put("claimParticipantId", entry.getString("participantId")), null);
      assertThat(pending.getInteger("_status")).as(pending.encode()).isEqualTo(202);
      JsonObject seen = host.awaitEvent("JoinRequested", d -> d.getString("requestId").equals(pending.getString("requestId")));
      assertThat(seen.getJsonObject("data").getString("claimedParticipantId")).isEqualTo(entry.getString("participantId"));
      host.ok(cmd("AdmitJoinRequest").put("requestId", pending.getString("requestId")).put("confirmDuplicate", false));
      JsonObject admitted = ask(pending);
      assertThat(admitted.getString("status")).isEqualTo("ADMITTED");
      assertThat(admitted.getString("participantId")).isEqualTo(entry.getString("participantId"));
      // Revoked: the page learns it before anybody types a name.
      http(base, "DELETE", "/api/conferences/demo/invites/" + code, null, host.accessToken);
      JsonObject revoked = http(base, "GET", "/api/join/code?conferenceId=demo&code=" + code, null, null);
      assertThat(revoked.getBoolean("usable")).isFalse();
      assertThat(revoked.getJsonObject("refusal").getString("code")).isEqualTo("WRONG_STATE");
      assertThat(revoked.containsKey("delegates")).isFalse();
    }
    assertThat(http(base, "GET", "/api/join/code?conferenceId=demo&code=K7P2QX9MNB", null, null).getInteger("_status"))
        .isEqualTo(404);
    assertThat(http(base, "GET", "/api/join/code?conferenceId=khong-co&code=K7P2QX9MNB", null, null).getInteger("_status"))
        .isEqualTo(404);
    assertThat(http(base, "GET", "/api/join/code?conferenceId=demo", null, null).getInteger("_status")).isEqualTo(400);
  }

  /** A hello with this token on a raw socket: "welcome", or the error code and the close code. */
  private static String helloWith(String token) throws Exception {
    vn.hoinghi.testing.WsProbe p = vn.hoinghi.testing.WsProbe.connect(base.replace("http://", "ws://") + "/ws");
    p.next();
    p.send(new JsonObject().put("type", "hello").put("token", token).encode());
    JsonObject r = new JsonObject(p.next());
    if (r.getString("type").equals("welcome")) {
      p.close();
      return "welcome";
    }
    return r.getString("code") + "/" + p.closeCode.get(10, TimeUnit.SECONDS);
  }

  private static JsonObject hall(String token, String endpointId) {
    JsonObject all = http(base, "GET", "/api/conferences/demo/attendance" + (endpointId == null ? "" : "?endpointId=" + endpointId),
        null, token);
    assertThat(all.getInteger("_status")).as(all.encode()).isEqualTo(200);
    return all.getJsonArray("endpoints").stream().map(o -> (JsonObject) o).filter(e -> e.getString("code").equals("DTP"))
        .findFirst().orElseThrow();
  }
}
