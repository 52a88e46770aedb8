package vn.hoinghi.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoinghi.testing.TestClient.cmd;
import static vn.hoinghi.testing.TestClient.http;
import static vn.hoinghi.testing.TestClient.post;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.hoinghi.store.StoredEvent;
import vn.hoinghi.testing.Await;
import vn.hoinghi.testing.Figures;
import vn.hoinghi.testing.TestClient;
import vn.hoinghi.testing.TestPostgres;
import vn.hoinghi.testing.TestServer;
import vn.hoinghi.testing.TestServer.StoreKind;

/**
 * SQL-like and other hostile text in every text field a client can fill, through the REST API and the WebSocket:
 * each value comes back byte for byte — from the REST state, from the event log, and after a restart from the store —
 * on PostgreSQL and on the embedded store. Text that cannot be stored verbatim (a NUL, a lone surrogate) is refused
 * with a typed error instead of being altered or breaking the store.
 */
@DisplayName("Hostile text in every field is stored verbatim")
class HostileTextTest {
  /** The SQL-ish pieces first: the short fields (region: 100 characters) still hold them. */
  static final List<String> PIECES = List.of("'; DROP TABLE events; --", "\" OR 1=1 --", "$$", "\\", "%", "_",
      "E'\\\\x00'", "\\\\", "''", "\\'", "$1", "%s%n", "?", ":name", "/* x */", "Robert'); DELETE FROM accounts;--",
      "$tag$ $$;", "NULL", "\\u0000", "${jndi:ldap://x}", "{{7*7}}", "<script>alert(1)</script>", "&amp;", "😀",
      "\u00a0", "\u200b", "‮", "％", "＇");
  static final String VIETNAMESE = "Nghị quyết về công tác cán bộ, Điều lệ Đảng, Quốc hội khóa XV, "
      + "Ủy ban Mặt trận Tổ quốc Việt Nam, đồng bào các dân tộc thiểu số ở vùng sâu, vùng xa. ";

  private record Value(String field, String text, boolean current) {}

  /** {@code tag}, a decomposed Vietnamese word, the pieces and long decomposed Vietnamese, cut to {@code max}. */
  static String hostile(String tag, int max) {
    String nfd = Normalizer.normalize(VIETNAMESE, Normalizer.Form.NFD);
    StringBuilder sb = new StringBuilder(tag).append(" ").append(Normalizer.normalize("Nghị quyết", Normalizer.Form.NFD));
    for (String p : PIECES) sb.append(' ').append(p);
    sb.append(' ').append(VIETNAMESE);
    while (sb.length() < max) sb.append(nfd);
    String s = sb.substring(0, Math.min(max, sb.length()));
    // Fields are stripped: end on a visible character, and never split a surrogate pair.
    while (Character.isWhitespace(s.charAt(s.length() - 1)) || Character.isHighSurrogate(s.charAt(s.length() - 1))
        || Character.isSpaceChar(s.charAt(s.length() - 1)) || !Character.isLetterOrDigit(s.charAt(s.length() - 1))) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  private static String csv(String v) {
    return "\"" + v.replace("\"", "\"\"") + "\"";
  }

  private static void collect(Object o, Set<String> out) {
    if (o instanceof String s) {
      out.add(s);
    } else if (o instanceof JsonObject j) {
      for (String k : j.fieldNames()) collect(j.getValue(k), out);
    } else if (o instanceof JsonArray a) {
      for (Object x : a) collect(x, out);
    }
  }

  private static Set<String> stateStrings(TestServer s, String conf, String token) {
    JsonObject st = http(s.baseUrl(), "GET", "/api/conferences/" + conf + "/state", null, token);
    assertThat(st.getInteger("_status")).as(st.encode()).isEqualTo(200);
    Set<String> out = new HashSet<>();
    collect(st.getJsonObject("state"), out);
    return out;
  }

  private static Set<String> logStrings(TestServer s, String... streams) {
    Set<String> out = new HashSet<>();
    for (String stream : streams) {
      for (StoredEvent e : Await.of(s.app.store().read(stream, 0, 100_000))) collect(new JsonObject(e.payload()), out);
    }
    return out;
  }

  private static JsonObject data(TestServer s, String conf, long seq) {
    return new JsonObject(Await.of(s.app.store().read(conf, seq - 1, 1)).get(0).payload());
  }

  private static JsonObject ok(TestServer s, String conf, String token, String id, JsonObject command) {
    JsonObject r = post(s.baseUrl(), "/api/conferences/" + conf + "/commands", new JsonObject().put("id", id).put("command", command), token);
    assertThat(r.getString("type")).as(command.getString("type") + ": " + r.encode()).isEqualTo("ack");
    return r;
  }

  private static String login(TestServer s, String user, String password) {
    JsonObject r = post(s.baseUrl(), "/api/login", new JsonObject().put("username", user).put("password", password), null);
    assertThat(r.getInteger("_status")).as(r.encode()).isEqualTo(200);
    return r.getString("accessToken");
  }

  private static TestServer start(StoreKind kind, String schema, Path dir) {
    return kind == StoreKind.POSTGRES ? TestServer.node(schema, new JsonObject())
        : TestServer.start(StoreKind.EMBEDDED, new JsonObject().put("data.dir", dir.toString()));
  }

  @ParameterizedTest(name = "on the {0} store")
  @EnumSource(StoreKind.class)
  @DisplayName("every text field, through REST and the WebSocket, read back from the state, the log and after a restart")
  void verbatim(StoreKind kind, @TempDir Path dir) {
    if (kind == StoreKind.POSTGRES) TestPostgres.assumeReachable();
    String schema = kind == StoreKind.POSTGRES ? TestPostgres.newSchemaName() : null;
    List<Value> values = new ArrayList<>();
    String orgPassword = "' OR '1'='1' -- $$ \\ % _";
    String chairPassword = "\"; DROP TABLE accounts; -- Mật khẩu";
    String strangerPassword = "E'\\\\x00' \\\\ $1 %s ''";
    String conf;
    int refused = 0;
    TestServer s = start(kind, schema, dir);
    try {
      Await.of(s.app.accounts().create("bantochuc", "Ban Tổ chức", orgPassword, true, 4));
      String org = login(s, "bantochuc", orgPassword);
      assertThat(post(s.baseUrl(), "/api/login", new JsonObject().put("username", "bantochuc").put("password", "' OR '1'='1"), null)
          .getInteger("_status")).isEqualTo(401);
      String base = s.baseUrl();

      // The conference: created, then its details changed.
      Value title0 = new Value("conference title (create)", hostile("T0", 300), false);
      Value desc0 = new Value("conference description (create)", hostile("D0", 4000), false);
      JsonObject created = post(base, "/api/conferences", new JsonObject().put("title", title0.text())
          .put("description", desc0.text()).put("speakingLimitSeconds", 300).put("defaultVoteMode", "NAMED"), org);
      assertThat(created.getInteger("_status")).as(created.encode()).isEqualTo(201);
      conf = created.getString("conferenceId");
      Value title = new Value("conference title (update)", hostile("T1", 300), true);
      Value desc = new Value("conference description (update)", hostile("D1", 4000), true);
      ok(s, conf, org, "h-conf", cmd("UpdateConferenceDetails").put("title", title.text()).put("description", desc.text()));
      values.addAll(List.of(title0, desc0, title, desc));

      // Endpoints: a command, a CSV import, an update.
      Value epName = new Value("endpoint name (command)", hostile("EN", 200), true);
      Value epRegion = new Value("endpoint region (command)", hostile("ER", 100), true);
      ok(s, conf, org, "h-ep", cmd("AddEndpoint").put("code", "TW").put("name", epName.text()).put("region", epRegion.text())
          .put("level", "CENTRAL"));
      Value csvName = new Value("endpoint name (CSV)", hostile("CN", 200), true);
      Value csvRegion = new Value("endpoint region (CSV)", hostile("CR", 100), true);
      JsonObject imported = http(base, "POST", "/api/conferences/" + conf + "/endpoints/import", "code,name,region,level\n"
          + "P1," + csv(csvName.text()) + "," + csv(csvRegion.text()) + ",PROVINCIAL\nP2,Tỉnh hai,Nam,PROVINCIAL\n", org);
      assertThat(imported.getInteger("_status")).as(imported.encode()).isEqualTo(201);
      JsonObject state = http(base, "GET", "/api/conferences/" + conf + "/state", null, org);
      String tw = LiveSessionTest.endpointId(state, "TW");
      String p1 = LiveSessionTest.endpointId(state, "P1");
      String p2 = LiveSessionTest.endpointId(state, "P2");
      Value upName = new Value("endpoint name (update)", hostile("UN", 200), true);
      Value upRegion = new Value("endpoint region (update)", hostile("UR", 100), true);
      ok(s, conf, org, "h-ep-up", cmd("UpdateEndpoint").put("endpointId", p2).put("name", upName.text()).put("region", upRegion.text()));
      values.addAll(List.of(epName, epRegion, csvName, csvRegion, upName, upRegion));

      // People: a chair with a login, a delegate renamed, a guest joining with an invite, an account.
      Value chairName = new Value("participant display name (register)", hostile("PN", 200), true);
      JsonObject chairReg = post(base, "/api/conferences/" + conf + "/participants", new JsonObject().put("displayName", chairName.text())
          .put("roles", new JsonArray().add("CHAIR").add("DELEGATE")).put("endpointId", tw).put("username", "chutri.h")
          .put("password", chairPassword), org);
      assertThat(chairReg.getInteger("_status")).as(chairReg.encode()).isEqualTo(201);
      JsonObject other = post(base, "/api/conferences/" + conf + "/participants", new JsonObject().put("displayName", "Đại biểu")
          .put("roles", new JsonArray().add("DELEGATE")).put("endpointId", p1), org);
      Value renamed = new Value("participant display name (update)", hostile("PU", 200), true);
      // Without a login too the 201 names the participant (docs/api.md); the log agrees.
      String otherId = other.getString("participantId");
      assertThat(otherId).isNotNull().isEqualTo(data(s, conf, other.getLong("firstSeq")).getString("participantId"));
      ok(s, conf, org, "h-p-up", cmd("UpdateParticipant").put("participantId", otherId)
          .put("displayName", renamed.text()).put("roles", new JsonArray().add("DELEGATE")).put("endpointId", p1));
      JsonObject invite = post(base, "/api/conferences/" + conf + "/invites", new JsonObject().put("role", "DELEGATE").put("endpointId", p1)
          .put("maxUses", 1), org);
      Value guestName = new Value("display name (join with invite)", hostile("JN", 200), true);
      JsonObject guest = post(base, "/api/join", new JsonObject().put("conferenceId", conf).put("code", invite.getString("code"))
          .put("displayName", guestName.text()), null);
      assertThat(guest.getInteger("_status")).as(guest.encode()).isEqualTo(201);
      Value accountName = new Value("account display name", hostile("AN", 200), true);
      assertThat(post(base, "/api/accounts", new JsonObject().put("username", "nguoi.la").put("displayName", accountName.text())
          .put("password", strangerPassword), org).getInteger("_status")).isEqualTo(201);
      values.addAll(List.of(chairName, renamed, guestName));

      // Agenda and draft.
      Value item = new Value("agenda item title (add)", hostile("AT", 300), true);
      ok(s, conf, org, "h-ag1", cmd("AddAgendaItem").put("title", item.text()).put("kind", "DISCUSSION").put("plannedMinutes", 10)
          .put("nodeIds", new JsonArray()));
      JsonObject ag2 = ok(s, conf, org, "h-ag2", cmd("AddAgendaItem").put("title", "Mục hai").put("kind", "DISCUSSION")
          .put("plannedMinutes", 10).put("nodeIds", new JsonArray()));
      String item2 = data(s, conf, ag2.getLong("firstSeq")).getString("itemId");
      Value item2Title = new Value("agenda item title (update)", hostile("AU", 300), true);
      ok(s, conf, org, "h-ag2u", cmd("UpdateAgendaItem").put("itemId", item2).put("title", item2Title.text()).put("kind", "DISCUSSION")
          .put("plannedMinutes", 15).put("nodeIds", new JsonArray()));
      // The importer normalizes each line to NFC (docs/domain.md, "Importer rules"): the draft's text comes back as
      // exactly that, nothing else changed.
      String rawTitle = hostile("DT", 200);
      String rawClause = hostile("DK", 1500);
      Value articleTitle = new Value("draft article title", Normalizer.normalize(rawTitle, Normalizer.Form.NFC), true);
      Value clause = new Value("draft clause text", Normalizer.normalize(rawClause, Normalizer.Form.NFC), true);
      Value note = new Value("draft note", hostile("DN", 300), true);
      String draft = "# DỰ THẢO\nChương I\nQUY ĐỊNH CHUNG\nĐiều 1. " + rawTitle + "\n1. " + rawClause
          + "\n2. Khoản thứ hai.\nĐiều 2. Hiệu lực\nQuy chế có hiệu lực từ ngày ký.\n";
      JsonObject d = TestClient.markdown(base, "/api/conferences/" + conf + "/draft?note="
          + URLEncoder.encode(note.text(), StandardCharsets.UTF_8).replace("+", "%20"), draft, org);
      assertThat(d.getInteger("_status")).as(d.encode()).isEqualTo(201);
      values.addAll(List.of(item, item2Title, articleTitle, clause, note));
      ok(s, conf, org, "h-sched", cmd("ScheduleConference"));

      // The session, over the WebSocket: the chair (also a delegate) and the guest.
      TestClient chair = TestClient.withToken(base, "chair", login(s, "chutri.h", chairPassword)).connect(null);
      TestClient g = TestClient.withToken(base, "guest", guest.getString("accessToken")).connect(null);
      chair.ok(cmd("StartConference"));
      Value voteTitle = new Value("vote title", hostile("VT", 300), true);
      JsonObject opened = chair.ok(cmd("OpenVote").put("title", voteTitle.text()).put("nodeIds", new JsonArray().add("d1")).put("mode", "NAMED"));
      String voteId = data(s, conf, opened.getLong("firstSeq")).getString("voteId");
      Value ballotText = new Value("ballot text", hostile("BT", 2000), true);
      chair.ok(cmd("CastBallot").put("voteId", voteId).put("articleId", "d1").put("choice", "OTHER").put("text", ballotText.text()));
      Value comment = new Value("annotation body (comment)", hostile("AC", 4000), true);
      String commentId = data(s, conf, chair.ok(cmd("AddAnnotation").put("nodeId", "d1").put("kind", "COMMENT").put("body", comment.text()))
          .getLong("firstSeq")).getString("annotationId");
      String nodeText = LiveSessionTest.article(http(base, "GET", "/api/conferences/" + conf + "/state", null, org), "d1.k1")
          .getString("text");
      String quote = clause.text().substring(3, 3 + 120);
      int at = nodeText.indexOf(quote);
      assertThat(nodeText).as(() -> "the clause as imported " + diff(clause.text(), nodeText)).isEqualTo(clause.text());
      Value wordingBody = new Value("annotation body (proposed wording)", hostile("AW", 4000), true);
      Value replacement = new Value("proposed wording", hostile("RW", 4000), true);
      Value quoted = new Value("annotation quote", quote, true);
      String wordingId = data(s, conf, chair.ok(cmd("AddAnnotation").put("nodeId", "d1.k1").put("kind", "PROPOSED_WORDING")
          .put("body", wordingBody.text()).put("replacement", replacement.text()).put("quote", new JsonObject().put("exact", quote))
          .put("position", new JsonObject().put("start", at).put("end", at + 120))).getLong("firstSeq")).getString("annotationId");
      Value question0 = new Value("annotation body (question)", hostile("AQ", 4000), false);
      String questionId = data(s, conf, chair.ok(cmd("AddAnnotation").put("nodeId", "d2").put("kind", "QUESTION")
          .put("body", question0.text())).getLong("firstSeq")).getString("annotationId");
      Value edited = new Value("annotation body (edit)", hostile("AE", 4000), true);
      chair.ok(cmd("EditAnnotation").put("annotationId", questionId).put("body", edited.text()));
      Value hideReason = new Value("hide reason", hostile("HR", 500), true);
      chair.ok(cmd("HideAnnotation").put("annotationId", questionId).put("reason", hideReason.text()));
      Value reply = new Value("reply body", hostile("RB", 4000), true);
      g.ok(cmd("ReplyToAnnotation").put("annotationId", commentId).put("body", reply.text()));
      Value response = new Value("response text", hostile("RT", 4000), true);
      chair.ok(cmd("RespondToAnnotation").put("annotationId", wordingId).put("response", "EXPLAINED").put("text", response.text()));
      String request = data(s, conf, g.ok(cmd("RequestFloor").put("kind", "CONTRIBUTION").put("forHall", false)).getLong("firstSeq"))
          .getString("requestId");
      // A rejected request leaves the queue's state: its reason lives in the log only.
      Value rejectReason = new Value("floor rejection reason", hostile("FR", 500), false);
      chair.ok(cmd("RejectFloorRequest").put("requestId", request).put("reason", rejectReason.text()));
      values.addAll(List.of(voteTitle, ballotText, comment, wordingBody, replacement, quoted, question0, edited, hideReason, reply,
          response, rejectReason));

      // What cannot be kept verbatim is refused with a typed error, and the conference goes on.
      long end = Await.of(s.app.store().latestSeq(conf));
      // Sent as JSON escapes: a lone surrogate cannot even be encoded as UTF-8 by the client.
      int n = 0;
      for (String bad : List.of("chứa \\u0000 NUL", "nửa cặp \\ud800 thay thế", "nửa cặp \\udc00 thay thế", "\\udfff\\ud800")) {
        String id = "bad-text-" + (++n);
        chair.sendRaw("{\"type\":\"command\",\"id\":\"" + id + "\",\"command\":{\"type\":\"AddAnnotation\",\"nodeId\":\"d1\","
            + "\"kind\":\"COMMENT\",\"body\":\"" + bad + "\"}}");
        TestClient.waitFor(() -> chair.replies.containsKey(id), "reply to " + id);
        JsonObject r = chair.replies.get(id);
        assertThat(r.getString("type")).as(r.encode()).isEqualTo("error");
        assertThat(r.getString("code")).as(r.encode()).isIn("INVALID", "INVALID_MESSAGE", "MALFORMED_JSON");
        refused++;
      }
      assertThat(Await.of(s.app.store().latestSeq(conf))).isEqualTo(end);
      long accountsEnd = Await.of(s.app.store().latestSeq("_accounts"));
      for (String bad : List.of("Tên \\u0000 NUL", "Tên \\ud800 lẻ")) {
        JsonObject r = http(base, "POST", "/api/accounts", "{\"username\":\"xau." + (++n) + "\",\"displayName\":\"" + bad
            + "\",\"password\":\"mat-khau-dai-du\"}", org);
        assertThat(r.getInteger("_status")).as(r.encode()).isEqualTo(400);
        refused++;
      }
      assertThat(Await.of(s.app.store().latestSeq("_accounts"))).isEqualTo(accountsEnd);
      chair.ok(cmd("AddAnnotation").put("nodeId", "d1").put("kind", "COMMENT").put("body", "Vẫn hoạt động bình thường"));
      chair.close();
      g.close();

      check(values, stateStrings(s, conf, org), logStrings(s, conf), "before the restart");
      assertThat(logStrings(s, "_accounts")).contains(accountName.text());
    } finally {
      s.close();
    }
    // A new server on the same store: everything read back from it.
    TestServer again = start(kind, schema, dir);
    try {
      String org = login(again, "bantochuc", orgPassword);
      login(again, "chutri.h", chairPassword);
      // The password is verified (a wrong one is 401); an account in no conference then gets no token.
      assertThat(post(again.baseUrl(), "/api/login", new JsonObject().put("username", "nguoi.la").put("password", strangerPassword),
          null).getString("code")).isEqualTo("NO_CONFERENCE");
      check(values, stateStrings(again, conf, org), logStrings(again, conf), "after the restart");
      Set<String> accounts = logStrings(again, "_accounts");
      assertThat(accounts).anyMatch(x -> x.startsWith("AN "));
      assertThat(again.app.accounts().byUsername("nguoi.la").orElseThrow().displayName()).isEqualTo(hostile("AN", 200));
    } finally {
      again.close();
      if (schema != null) TestPostgres.dropSchema(schema);
    }
    Figures.record("security-hostile-text-" + kind.name().toLowerCase(), Map.of("textFieldsChecked", values.size() + 4,
        "passwordsChecked", 3, "readBacks", 4, "mismatches", 0, "unstorableRefused", refused));
  }

  /** Where two texts first differ, with code points, for a readable failure. */
  static String diff(String want, String got) {
    int i = 0;
    while (i < want.length() && i < got.length() && want.charAt(i) == got.charAt(i)) i++;
    StringBuilder sb = new StringBuilder("differs at ").append(i).append(" of ").append(want.length()).append('/')
        .append(got.length()).append(": want");
    want.substring(i, Math.min(want.length(), i + 8)).codePoints().forEach(c -> sb.append(String.format(" U+%04X", c)));
    sb.append(", got");
    got.substring(i, Math.min(got.length(), i + 8)).codePoints().forEach(c -> sb.append(String.format(" U+%04X", c)));
    return sb.toString();
  }

  private static void check(List<Value> values, Set<String> state, Set<String> log, String when) {
    Map<String, String> missing = new LinkedHashMap<>();
    for (Value v : values) {
      byte[] bytes = v.text().getBytes(StandardCharsets.UTF_8);
      boolean inLog = log.stream().anyMatch(x -> java.util.Arrays.equals(x.getBytes(StandardCharsets.UTF_8), bytes));
      if (!inLog) missing.put(v.field() + " in the log " + when, v.text().substring(0, Math.min(40, v.text().length())));
      if (v.current() && !state.contains(v.text())) {
        missing.put(v.field() + " in the state " + when, v.text().substring(0, Math.min(40, v.text().length())));
      }
    }
    assertThat(missing).as("values not read back byte for byte").isEmpty();
  }
}
