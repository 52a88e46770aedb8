package vn.hoinghi.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.domain.ConferenceStatus;
import vn.hoinghi.domain.JoinCode;
import vn.hoinghi.domain.Role;
import vn.hoinghi.wire.RestBody.Admitted;
import vn.hoinghi.wire.RestBody.ChooseKind;
import vn.hoinghi.wire.RestBody.CodeRefusal;
import vn.hoinghi.wire.RestBody.ConferenceList;
import vn.hoinghi.wire.RestBody.ConferenceSummary;
import vn.hoinghi.wire.RestBody.CreatedAccount;
import vn.hoinghi.wire.RestBody.CreatedConference;
import vn.hoinghi.wire.RestBody.DemoLogin;
import vn.hoinghi.wire.RestBody.HallDelegate;
import vn.hoinghi.wire.RestBody.JoinAdmitted;
import vn.hoinghi.wire.RestBody.JoinCodeInfo;
import vn.hoinghi.wire.RestBody.JoinPending;
import vn.hoinghi.wire.RestBody.JoinRequestState;
import vn.hoinghi.wire.RestBody.LoginChoice;
import vn.hoinghi.wire.RestBody.OrganizerKind;
import vn.hoinghi.wire.RestBody.OrganizerTokens;
import vn.hoinghi.wire.RestBody.ParticipantInfo;
import vn.hoinghi.wire.RestBody.ParticipantKind;
import vn.hoinghi.wire.RestBody.ParticipantTokens;
import vn.hoinghi.wire.RestBody.Pending;
import vn.hoinghi.wire.RestBody.ServerInfoBody;
import vn.hoinghi.wire.RestBody.TokenPair;
import vn.hoinghi.wire.ServerMessage.BilingualText;

/**
 * The REST answers are records encoded by the one codec. Each case builds the body the way the gateway built it by
 * hand before the records existed (a Vert.x {@link JsonObject}) and requires the record's encoding to be the same text,
 * byte for byte: field names, order, and which fields are absent and which are written as null. Each body also passes
 * its generated schema definition, from which the web client's types come.
 */
@DisplayName("REST answers encode as the hand-built JSON did, byte for byte")
class RestBodiesTest {
  private static final Instant STARTS = Instant.parse("2026-12-10T01:30:00Z");
  private static final TokenPair PAIR = new TokenPair("a.b.c", "d.e.f", 900);

  private static void same(RestBody record, JsonObject handBuilt) {
    assertThat(Codec.encode(record)).isEqualTo(handBuilt.encode());
    MessageValidator.check(record.getClass().getSimpleName(), Codec.parse(Codec.encode(record)));
  }

  private static JsonObject pair() {
    return new JsonObject().put("accessToken", "a.b.c").put("refreshToken", "d.e.f").put("expiresIn", 900L);
  }

  private static JsonObject participantJson(String endpointId) {
    return pair().put("kind", "participant").put("conferenceId", "c-1").put("participantId", "p-1")
        .put("name", "Nguyễn Văn An").put("roles", new JsonArray(List.of("DELEGATE", "HOST"))).put("endpointId", endpointId);
  }

  private static ParticipantTokens participant(String endpointId) {
    return new ParticipantTokens(PAIR, ParticipantKind.PARTICIPANT, "c-1", "p-1", "Nguyễn Văn An",
        List.of(Role.DELEGATE, Role.HOST), endpointId);
  }

  @Test
  @DisplayName("a participant's tokens carry the roster's roles and hall; no hall is written as null")
  void participantTokens() {
    same(participant("e-1"), participantJson("e-1"));
    same(participant(null), participantJson(null));
  }

  @Test
  @DisplayName("an organizer's tokens carry the account on login and nothing more on refresh")
  void organizerTokens() {
    same(new OrganizerTokens(PAIR, OrganizerKind.ORGANIZER, "acc-1", "Ban tổ chức", List.of("c-1", "c-2")),
        pair().put("kind", "organizer").put("accountId", "acc-1").put("name", "Ban tổ chức")
            .put("conferences", new JsonArray(List.of("c-1", "c-2"))));
    same(new OrganizerTokens(PAIR, OrganizerKind.ORGANIZER, null, null, null), pair().put("kind", "organizer"));
  }

  @Test
  @DisplayName("a login of several conferences asks which")
  void loginChoice() {
    same(new LoginChoice(ChooseKind.CHOOSE, List.of("c-1", "c-2")),
        new JsonObject().put("kind", "choose").put("conferences", new JsonArray(List.of("c-1", "c-2"))));
  }

  @Test
  @DisplayName("the conference list has the title, status and start once a conference was created")
  void conferences() {
    JsonArray list = new JsonArray()
        .add(new JsonObject().put("conferenceId", "c-1").put("title", "Kỳ họp thứ 9").put("status", "LIVE")
            .put("startsAt", STARTS.toString()))
        .add(new JsonObject().put("conferenceId", "c-2").put("title", "Hội nghị").put("status", "DRAFT"))
        .add(new JsonObject().put("conferenceId", "c-3"));
    same(new ConferenceList(List.of(
            new ConferenceSummary("c-1", "Kỳ họp thứ 9", ConferenceStatus.LIVE, STARTS),
            new ConferenceSummary("c-2", "Hội nghị", ConferenceStatus.DRAFT, null),
            new ConferenceSummary("c-3", null, null, null))),
        new JsonObject().put("conferences", list));
  }

  @Test
  @DisplayName("the server info lists the demo's logins only when the demo was seeded")
  void serverInfo() {
    same(new ServerInfoBody("hoinghi", "1.4.0", false, null, null, null),
        new JsonObject().put("product", "hoinghi").put("version", "1.4.0").put("demo", false));
    same(new ServerInfoBody("hoinghi", "1.4.0", true, "demo", "pw", List.of(new DemoLogin("chair", "Chủ tọa", "CHAIR"))),
        new JsonObject().put("product", "hoinghi").put("version", "1.4.0").put("demo", true)
            .put("demoConferenceId", "demo").put("demoPassword", "pw").put("demoLogins", new JsonArray()
                .add(new JsonObject().put("username", "chair").put("displayName", "Chủ tọa").put("role", "CHAIR"))));
  }

  @Test
  @DisplayName("a code's info writes the hall's fields as null when it has none; a refusal or the hall's names when any")
  void joinCode() {
    same(new JoinCodeInfo("c-1", "Kỳ họp", ConferenceStatus.SCHEDULED, JoinCode.Kind.INVITE, null, Role.OBSERVER,
            null, null, null, true, null, null, null),
        new JsonObject().put("conferenceId", "c-1").put("title", "Kỳ họp").put("status", "SCHEDULED")
            .put("kind", "INVITE").put("startsAt", null).put("role", "OBSERVER").put("endpointId", null)
            .put("endpointName", null).put("endpointCode", null).put("usable", true));
    same(new JoinCodeInfo("c-1", "Kỳ họp", ConferenceStatus.LIVE, JoinCode.Kind.PERSONAL, STARTS, Role.DELEGATE,
            "e-1", "Điểm cầu Huế", "HUE", false, "Lê Thị Hoa",
            new CodeRefusal("INVITE_EXPIRED", new BilingualText("Mã đã hết hạn", "The code expired")), null),
        new JsonObject().put("conferenceId", "c-1").put("title", "Kỳ họp").put("status", "LIVE")
            .put("kind", "PERSONAL").put("startsAt", STARTS.toString()).put("role", "DELEGATE").put("endpointId", "e-1")
            .put("endpointName", "Điểm cầu Huế").put("endpointCode", "HUE").put("usable", false)
            .put("name", "Lê Thị Hoa").put("refusal", new JsonObject().put("code", "INVITE_EXPIRED")
                .put("message", new JsonObject().put("vi", "Mã đã hết hạn").put("en", "The code expired"))));
    same(new JoinCodeInfo("c-1", "Kỳ họp", ConferenceStatus.LIVE, JoinCode.Kind.HALL_LINK, STARTS, Role.DELEGATE,
            "e-1", "Điểm cầu Huế", "HUE", true, null, null,
            List.of(new HallDelegate("p-1", "Lê Thị Hoa", "Đại biểu"), new HallDelegate("p-2", "Trần Văn Nam", null))),
        new JsonObject().put("conferenceId", "c-1").put("title", "Kỳ họp").put("status", "LIVE")
            .put("kind", "HALL_LINK").put("startsAt", STARTS.toString()).put("role", "DELEGATE").put("endpointId", "e-1")
            .put("endpointName", "Điểm cầu Huế").put("endpointCode", "HUE").put("usable", true)
            .put("delegates", new JsonArray()
                .add(new JsonObject().put("participantId", "p-1").put("fullName", "Lê Thị Hoa").put("position", "Đại biểu"))
                .add(new JsonObject().put("participantId", "p-2").put("fullName", "Trần Văn Nam").put("position", null))));
  }

  @Test
  @DisplayName("a join by a hall's link answers the pending request, its key, and the hall (null when none)")
  void joinPending() {
    for (String endpointId : new String[] {"e-1", null}) {
      same(new JoinPending(Pending.PENDING, "c-1", "rq-1", "k".repeat(64), "Lê Thị Hoa", endpointId, true),
          new JsonObject().put("status", "PENDING").put("conferenceId", "c-1").put("requestId", "rq-1")
              .put("requestKey", "k".repeat(64)).put("displayName", "Lê Thị Hoa").put("endpointId", endpointId)
              .put("duplicate", true));
    }
  }

  @Test
  @DisplayName("a join request is pending, refused with its reason when given, or admitted with the tokens")
  void joinRequest() {
    JsonObject base = new JsonObject().put("status", "PENDING").put("requestId", "rq-1").put("conferenceId", "c-1");
    same(new JoinRequestState(RestBody.Undecided.PENDING, "rq-1", "c-1", null), base);
    same(new JoinRequestState(RestBody.Undecided.REFUSED, "rq-1", "c-1", null), base.copy().put("status", "REFUSED"));
    same(new JoinRequestState(RestBody.Undecided.REFUSED, "rq-1", "c-1", "không có tên"),
        base.copy().put("status", "REFUSED").put("reason", "không có tên"));
    // The hand-built answer merged {status, requestId, conferenceId} into the participant's tokens.
    JsonObject admitted = participantJson(null)
        .mergeIn(new JsonObject().put("status", "ADMITTED").put("requestId", "rq-1").put("conferenceId", "c-1"));
    same(new JoinAdmitted(participant(null), Admitted.ADMITTED, "rq-1"), admitted);
  }

  @Test
  @DisplayName("a participant's card, a created conference and a created account")
  void smallBodies() {
    same(new ParticipantInfo("p-1", "Lê Thị Hoa", null, true, List.of(Role.DELEGATE, Role.HOST)),
        new JsonObject().put("participantId", "p-1").put("displayName", "Lê Thị Hoa").put("endpointId", null)
            .put("active", true).put("roles", new JsonArray(List.of("DELEGATE", "HOST"))));
    same(new CreatedConference("c-1", 1, 3),
        new JsonObject().put("conferenceId", "c-1").put("firstSeq", 1L).put("lastSeq", 3L));
    same(new CreatedAccount("acc-1", "thuky"), new JsonObject().put("accountId", "acc-1").put("username", "thuky"));
  }

  @Test
  @DisplayName("the state is the envelope around the view's own JSON")
  void state() {
    var view = vn.hoinghi.domain.Conference.empty("c-1", new vn.hoinghi.live.HmacBallotSealer("x".repeat(40)))
        .views().viewFor(vn.hoinghi.domain.Viewer.publicScreen(), STARTS);
    same(new RestBody.ConferenceState(7, view),
        new JsonObject().put("upTo", 7L).put("state", new JsonObject(Codec.encode(view))));
  }

  @Test
  @DisplayName("a delegate list writes the details left empty as null")
  void delegates() {
    same(new RestBody.DelegateList("c-1", List.of(new RestBody.DelegateListing("p-1", "Lê Thị Hoa", "Đại biểu", null,
            "e-1", "HUE", "Điểm cầu Huế", null, "hoa@example.vn", "ABCD2345", "http://h/#/join/c-1/ABCD2345", true,
            false, true))),
        new JsonObject().put("conferenceId", "c-1").put("delegates", new JsonArray().add(new JsonObject()
            .put("participantId", "p-1").put("fullName", "Lê Thị Hoa").put("position", "Đại biểu").put("unit", null)
            .put("endpointId", "e-1").put("endpointCode", "HUE").put("endpointName", "Điểm cầu Huế").put("phone", null)
            .put("email", "hoa@example.vn").put("personalCode", "ABCD2345").put("joinUrl", "http://h/#/join/c-1/ABCD2345")
            .put("signedIn", true).put("markedPresent", false).put("online", true))));
  }

  @Test
  @DisplayName("attendance counts per hall and in all, with the people of each hall")
  void attendance() {
    same(new RestBody.Attendance(List.of(new RestBody.AttendanceHall("e-1", "HUE", "Điểm cầu Huế", 2, 1, 1,
            List.of(new RestBody.AttendancePerson("p-1", "Lê Thị Hoa", true, false, true, true)))), 2, 1, 1),
        new JsonObject().put("endpoints", new JsonArray().add(new JsonObject().put("endpointId", "e-1").put("code", "HUE")
                .put("name", "Điểm cầu Huế").put("registered", 2).put("present", 1).put("absent", 1)
                .put("people", new JsonArray().add(new JsonObject().put("participantId", "p-1").put("name", "Lê Thị Hoa")
                    .put("listed", true).put("online", false).put("markedPresent", true).put("present", true)))))
            .put("registered", 2).put("present", 1).put("absent", 1));
  }

  @Test
  @DisplayName("the draft's versions write a missing note, importer, time or title as null")
  void versions() {
    same(new RestBody.DraftVersionList(2, List.of(
            new RestBody.VersionInfo(1, null, null, null, null, 0),
            new RestBody.VersionInfo(2, "Tiếp thu", "acc-1", STARTS, "Luật Đất đai", 12))),
        new JsonObject().put("current", 2).put("versions", new JsonArray()
            .add(new JsonObject().put("version", 1).put("note", null).put("importedBy", null).put("importedAt", null)
                .put("title", null).put("articles", 0))
            .add(new JsonObject().put("version", 2).put("note", "Tiếp thu").put("importedBy", "acc-1")
                .put("importedAt", STARTS.toString()).put("title", "Luật Đất đai").put("articles", 12))));
  }

  @Test
  @DisplayName("an orphan has its quote, replacement and response only when it has them")
  void orphans() {
    same(new RestBody.OrphanList(3, List.of(
            new RestBody.Orphan("a-1", vn.hoinghi.domain.AnnotationKind.COMMENT, "n-1", 1, null, "p-1", null, null, null,
                null),
            new RestBody.Orphan("a-2", vn.hoinghi.domain.AnnotationKind.PROPOSED_WORDING, "n-2", 2, "vì", "p-2", "e-1",
                "cũ", "mới", vn.hoinghi.domain.ResponseKind.ACCEPTED))),
        new JsonObject().put("currentVersion", 3).put("orphans", new JsonArray()
            .add(new JsonObject().put("annotationId", "a-1").put("kind", "COMMENT").put("nodeId", "n-1")
                .put("draftVersion", 1).put("body", null).put("authorId", "p-1").put("endpointId", null))
            .add(new JsonObject().put("annotationId", "a-2").put("kind", "PROPOSED_WORDING").put("nodeId", "n-2")
                .put("draftVersion", 2).put("body", "vì").put("authorId", "p-2").put("endpointId", "e-1")
                .put("quote", "cũ").put("replacement", "mới").put("response", "ACCEPTED"))));
  }

  @Test
  @DisplayName("a draft's check lists problems and notices; a .docx's text and the parsed document when there is one")
  void draftPreview() {
    var parsed = vn.hoinghi.domain.document.DraftImporter.parse("Luật Thử\nĐiều 1. Phạm vi\nLuật này quy định.\n");
    var notice = new vn.hoinghi.domain.document.ImportProblem(3, "Bỏ chân trang", "Footer left out");
    JsonArray problems = new JsonArray();
    parsed.problems().forEach(p -> problems.add(new JsonObject(Codec.encode(p))));
    same(new RestBody.DraftPreview(parsed.problems().isEmpty(), parsed.problems(), RestBody.DraftFormat.DOCX,
            List.of(notice), "Luật Thử", parsed.doc()),
        new JsonObject().put("ok", parsed.problems().isEmpty()).put("problems", problems).put("format", "docx")
            .put("notices", new JsonArray().add(new JsonObject(Codec.encode(notice)))).put("text", "Luật Thử")
            .put("document", new JsonObject(Codec.encode(parsed.doc()))));
    var bad = vn.hoinghi.domain.document.DraftImporter.parse("Một văn bản\nkhông có điều nào");
    JsonArray badProblems = new JsonArray();
    bad.problems().forEach(p -> badProblems.add(new JsonObject(Codec.encode(p))));
    JsonObject badJson = new JsonObject().put("ok", false).put("problems", badProblems).put("format", "text")
        .put("notices", new JsonArray());
    if (bad.doc() != null) badJson.put("document", new JsonObject(Codec.encode(bad.doc())));
    same(new RestBody.DraftPreview(false, bad.problems(), RestBody.DraftFormat.TEXT, List.of(), null, bad.doc()), badJson);
  }

  @Test
  @DisplayName("every REST body has a case here and a definition in the schema")
  void everyBodyCovered() {
    Set<String> names = Arrays.stream(RestBody.class.getPermittedSubclasses()).map(Class::getSimpleName)
        .collect(Collectors.toSet());
    assertThat(names).containsExactlyInAnyOrder("ParticipantTokens", "OrganizerTokens", "LoginChoice", "ConferenceList",
        "ServerInfoBody", "JoinCodeInfo", "JoinPending", "JoinRequestState", "JoinAdmitted", "ConferenceState",
        "ParticipantInfo", "CreatedConference", "CreatedAccount", "DelegateList", "Attendance", "DraftVersionList",
        "OrphanList", "DraftPreview", "IssuedInvite");
    names.forEach(n -> assertThat(MessageValidator.defines(n)).as(n).isTrue());
  }

  @Test
  @DisplayName("an issued invite is the command's ack with the code and its join link")
  void issuedInvite() {
    same(new RestBody.IssuedInvite(RestBody.AckType.ACK, "inv-ABCD", 4, 4, false, "ABCD234567",
            "http://h/#/join/c-1/ABCD234567"),
        new JsonObject(Codec.encode(new ServerMessage.AckMessage("inv-ABCD", 4, 4, false))).put("code", "ABCD234567")
            .put("joinUrl", "http://h/#/join/c-1/ABCD234567"));
  }
}
