package vn.hoinghi.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.domain.Actor;
import vn.hoinghi.domain.AgendaItemKind;
import vn.hoinghi.domain.AnnotationKind;
import vn.hoinghi.domain.Audience;
import vn.hoinghi.domain.Choice;
import vn.hoinghi.domain.Command;
import vn.hoinghi.domain.CommandEnvelope;
import vn.hoinghi.domain.Conference;
import vn.hoinghi.domain.Decision;
import vn.hoinghi.domain.DelegateEntry;
import vn.hoinghi.domain.EndpointLevel;
import vn.hoinghi.domain.Event;
import vn.hoinghi.domain.FloorKind;
import vn.hoinghi.domain.InviteRules;
import vn.hoinghi.domain.RecordedEvent;
import vn.hoinghi.domain.ReportHeading;
import vn.hoinghi.domain.ResponseKind;
import vn.hoinghi.domain.Role;
import vn.hoinghi.domain.Viewer;
import vn.hoinghi.domain.VoteMode;
import vn.hoinghi.domain.anchoring.TextPositionSelector;
import vn.hoinghi.domain.anchoring.TextQuoteSelector;
import vn.hoinghi.domain.document.Drafts;
import vn.hoinghi.wire.Codec;
import vn.hoinghi.wire.Encoded;
import vn.hoinghi.wire.EventFrame;
import vn.hoinghi.wire.MessageValidator;

/**
 * Pins what the server sends in a played session, for the web client's fold to be checked against
 * (web-client/test/foldGolden.test.ts reads the same file). For each viewer (the chair, a host, a delegate) the
 * fixture holds the snapshot frame it gets at the start, then per phase of the session the "events" frames the live
 * feed sends it (one per command, only the events its audience admits, encoded as {@link Frames} and
 * {@link DraftFrames} encode them) and the snapshot frame it would get at the end of the phase. The client folds the
 * frames from the first snapshot and must arrive at each phase's snapshot.
 *
 * <p>When the server's output changes on purpose, regenerate the fixture and commit it:
 * {@code mvn -o -q -pl server test -Dtest=ClientFoldGoldenTest -Dgolden.update=true}, then run the client's test
 * ({@code cd web-client && npx vitest run test/foldGolden.test.ts}).
 */
@DisplayName("The client fold's golden session: what the server sends, pinned")
class ClientFoldGoldenTest {

  static final Path FIXTURE = Path.of("..", "protocol", "golden", "client-fold.json");

  @Test
  @DisplayName("the committed fixture is what the server sends each viewer now (-Dgolden.update=true rewrites it)")
  void fixtureMatchesTheServer() throws Exception {
    String now = GoldenSession.play().fixture();
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(FIXTURE.getParent());
      Files.writeString(FIXTURE, now, StandardCharsets.UTF_8);
    }
    // Compared as JSON, not as text: the order of a map's keys is not part of the protocol (a tally's byEndpoint comes
    // from a hash map), and Jackson's object nodes compare their members as maps.
    assertThat(Codec.parse(Files.readString(FIXTURE, StandardCharsets.UTF_8)))
        .as("%s is stale: rerun with -Dgolden.update=true and check the client's fold (foldGolden.test.ts)", FIXTURE)
        .isEqualTo(Codec.parse(now));
  }

  @Test
  @DisplayName("every frame of the fixture validates against the protocol schema")
  void framesMatchTheSchema() throws Exception {
    JsonNode root = Codec.parse(GoldenSession.play().fixture());
    int frames = 0;
    for (JsonNode viewer : root.get("viewers")) {
      MessageValidator.check("SnapshotMessage", viewer.get("snapshot"));
      for (JsonNode phase : viewer.get("phases")) {
        MessageValidator.check("SnapshotMessage", phase.get("snapshot"));
        for (JsonNode events : phase.get("frames")) {
          MessageValidator.check("EventsMessage", events);
          frames++;
        }
      }
    }
    assertThat(frames).isGreaterThan(150);
  }

  /** The session, played through decide/apply as the writer does, recording each viewer's frames as it goes. */
  static final class GoldenSession {
    static final Instant START = Instant.parse("2024-09-10T01:00:00Z");
    static final Actor ORGANIZER = Actor.organizer("acc-organizer");

    final Conference conf = Conference.empty("conf-golden",
        new HmacBallotSealer("a-test-secret-of-at-least-32-characters"));
    final SnapshotEncoder snapshots = new SnapshotEncoder();
    final Map<String, Viewer> viewers = new LinkedHashMap<>();
    final Map<String, ObjectNode> out = new LinkedHashMap<>();
    Instant now = START;
    ArrayNode phaseFrames;
    final Map<String, ArrayNode> frames = new LinkedHashMap<>();
    int counter;

    String central;
    String dtp;
    String hni;
    String chair;
    String secretary;
    String hostDtp;
    String delegate;
    String delegateHni;
    String listed;

    static GoldenSession play() {
      GoldenSession s = new GoldenSession();
      s.setUp();
      s.phase("preparation", s::preparation);
      s.phase("opening", s::opening);
      s.phase("voting", s::voting);
      s.phase("floor", s::floor);
      s.phase("annotations", s::annotations);
      s.phase("closing", s::closing);
      return s;
    }

    /** Before the first snapshot: the conference, its halls and the people who watch. */
    void setUp() {
      run(ORGANIZER, new Command.CreateConference("Hội nghị góp ý dự thảo Quy chế", "Phiên thử của golden test",
          START.plusSeconds(3600), START.plusSeconds(4 * 3600), VoteMode.NAMED, 300));
      central = run(ORGANIZER, new Command.AddEndpoint("TW", "Điểm cầu Trung ương", "Bắc", EndpointLevel.CENTRAL),
          Event.EndpointAdded.class).endpointId();
      dtp = run(ORGANIZER, new Command.AddEndpoint("DTP", "Tỉnh ủy Đồng Tháp", "Nam", EndpointLevel.PROVINCIAL),
          Event.EndpointAdded.class).endpointId();
      hni = run(ORGANIZER, new Command.AddEndpoint("HNI", "Thành ủy Hà Nội", "Bắc", EndpointLevel.PROVINCIAL),
          Event.EndpointAdded.class).endpointId();
      chair = register("Chủ trì", Role.CHAIR, central);
      secretary = register("Thư ký", Role.SECRETARY, central);
      hostDtp = register("Điểm cầu Đồng Tháp", Role.HOST, dtp);
      delegate = register("Đại biểu Đồng Tháp", Role.DELEGATE, dtp);
      delegateHni = register("Đại biểu Hà Nội", Role.DELEGATE, hni);
      viewers.put("chair", Viewer.participant(chair));
      viewers.put("host", Viewer.participant(hostDtp));
      viewers.put("delegate", Viewer.participant(delegate));
      viewers.forEach((name, v) -> {
        ObjectNode o = Codec.mapper().createObjectNode();
        o.put("viewer", name);
        o.put("participantId", v.participantId());
        o.set("snapshot", snapshot(v));
        o.putArray("phases");
        out.put(name, o);
      });
    }

    void preparation() {
      run(ORGANIZER, new Command.ImportDraft(Drafts.read("quy-che-v1.md"), "Lần 1"));
      String opening = run(ORGANIZER, new Command.AddAgendaItem("Khai mạc", AgendaItemKind.OPENING, 10, List.of(), null),
          Event.AgendaItemAdded.class).itemId();
      run(ORGANIZER, new Command.AddAgendaItem("Góp ý Chương I", AgendaItemKind.DISCUSSION, 45, List.of("d1", "d2"),
          null));
      String vote = run(ORGANIZER, new Command.AddAgendaItem("Biểu quyết", AgendaItemKind.VOTE, 20, List.of(), 1),
          Event.AgendaItemAdded.class).itemId();
      run(ORGANIZER, new Command.MoveAgendaItem(vote, 2));
      run(ORGANIZER, new Command.UpdateAgendaItem(opening, "Khai mạc hội nghị", AgendaItemKind.OPENING, 15, List.of()));
      run(ORGANIZER, new Command.UpdateSettings(VoteMode.NAMED, 240));
      run(ORGANIZER, new Command.UpdateConferenceDetails("Hội nghị góp ý dự thảo Quy chế mẫu", "Phiên thử",
          START.plusSeconds(3600), START.plusSeconds(5 * 3600)));
      run(ORGANIZER, new Command.IssueInvite(InviteRules.draw(new Random(18)), Role.DELEGATE, dtp, 5, null));
      listed = run(ORGANIZER, new Command.ImportDelegates(List.of(
          new DelegateEntry("Nguyễn Văn An", "Phó Bí thư", "Tỉnh ủy Đồng Tháp", "DTP", "0901234567", null),
          new DelegateEntry("Trần Thị Bình", "Trưởng ban", "Ban Tổ chức", "HNI", null, "binh@example.vn"))),
          Event.DelegatesListed.class).delegates().get(0).participantId();
      run(ORGANIZER, new Command.ScheduleConference());
    }

    void opening() {
      advance(3600);
      run(as(chair), new Command.StartConference());
      run(as(hostDtp), new Command.CheckInEndpoint(dtp, 12));
      run(as(chair), new Command.CheckInEndpoint(hni, 9));
      run(as(hostDtp), new Command.UpdateHeadCount(dtp, 14));
      String opening = conf.views().viewFor(Viewer.participant(chair), now).agenda().get(0).item().id();
      run(as(chair), new Command.StartAgendaItem(opening));
      String code = conf.views().viewFor(Viewer.participant(chair), now).invites().get(0).code();
      String request = run(Actor.anonymous(), new Command.JoinWithInvite(code, "Lê Văn Cường", null, "ab".repeat(32)),
          Event.JoinRequested.class).requestId();
      run(as(hostDtp), new Command.AdmitJoinRequest(request, false));
      run(as(hostDtp), new Command.MarkAttendance(delegate, true));
      run(as(hostDtp), new Command.UpdateDelegateDetails(listed, "Ủy viên", "Sở Tư pháp", null, null));
      advance(600);
      run(as(chair), new Command.CompleteAgendaItem());
    }

    void voting() {
      String named = run(as(chair), new Command.OpenVote("Biểu quyết Điều 1 và 2", List.of("d1", "d2"),
          VoteMode.NAMED), Event.VoteOpened.class).voteId();
      run(as(delegate), new Command.CastBallot(named, "d1", Choice.AGREE, null));
      run(as(delegate), new Command.CastBallot(named, "d2", Choice.OTHER, "Đề nghị làm rõ đối tượng áp dụng"));
      run(as(delegate), new Command.CastBallot(named, "d2", Choice.DISAGREE, null));
      run(as(delegateHni), new Command.CastBallot(named, "d1", Choice.DISAGREE, null));
      run(as(hostDtp), new Command.RecordHallResult(named, "d1", dtp, 10, 2, 1));
      run(as(hostDtp), new Command.RecordHallResult(named, "d2", dtp, 8, 3, 2));
      run(as(hostDtp), new Command.ClearHallResult(named, "d2", dtp));
      run(as(chair), new Command.CloseVote(named));
      run(as(chair), new Command.ReopenVote(named));
      run(as(chair), new Command.CloseVote(named));
      String secret = run(as(chair), new Command.OpenVote("Bỏ phiếu kín Điều 3", List.of("d3"), VoteMode.ANONYMOUS),
          Event.VoteOpened.class).voteId();
      run(as(delegate), new Command.CastBallot(secret, "d3", Choice.AGREE, null));
      run(as(delegateHni), new Command.CastBallot(secret, "d3", Choice.OTHER, "Bổ sung khái niệm điểm cầu cấp huyện"));
      run(as(chair), new Command.CloseVote(secret));
    }

    void floor() {
      run(as(chair), new Command.CloseSpeakerQueue());
      run(as(chair), new Command.OpenSpeakerQueue());
      String first = run(as(delegate), new Command.RequestFloor(FloorKind.CONTRIBUTION, "d2", false),
          Event.FloorRequested.class).requestId();
      String hall = run(as(hostDtp), new Command.RequestFloor(FloorKind.CONTRIBUTION, null, true),
          Event.FloorRequested.class).requestId();
      String order = run(as(delegateHni), new Command.RequestFloor(FloorKind.POINT_OF_ORDER, null, false),
          Event.FloorRequested.class).requestId();
      run(as(chair), new Command.ApproveFloorRequest(first));
      run(as(chair), new Command.MoveFloorRequest(hall, 0));
      run(as(chair), new Command.RejectFloorRequest(order, "Đã giải đáp"));
      run(as(chair), new Command.GrantFloor(first));
      advance(60);
      run(as(chair), new Command.PauseSpeech());
      advance(30);
      run(as(chair), new Command.ResumeSpeech());
      advance(45);
      run(as(chair), new Command.EndSpeech());
      run(as(secretary), new Command.RecordSpeechSummary(first, "Đề nghị làm rõ Điều 2."));
      run(as(hostDtp), new Command.WithdrawFloorRequest(hall));
      run(as(chair), new Command.CloseSpeakerQueue());
    }

    void annotations() {
      String proposal = annotate(delegate, "d1", AnnotationKind.PROPOSED_WORDING, "hội nghị trực tuyến",
          "Nên ghi rõ hình thức.", "hội nghị trực tuyến và trực tiếp");
      run(as(delegateHni), new Command.ReplyToAnnotation(proposal, "Đồng ý."));
      String hidden = annotate(delegateHni, "d3", AnnotationKind.COMMENT, null, "Nội dung không liên quan.", null);
      run(as(secretary), new Command.HideAnnotation(hidden, "Không liên quan"));
      String ownHidden = annotate(delegate, "d2", AnnotationKind.QUESTION, null, "Có áp dụng cho khách mời không?",
          null);
      run(as(secretary), new Command.HideAnnotation(ownHidden, "Trùng lặp"));
      run(as(secretary), new Command.RestoreAnnotation(ownHidden));
      String edited = annotate(delegate, "d3", AnnotationKind.COMMENT, null, "Góp ý ban đầu.", null);
      run(as(delegate), new Command.EditAnnotation(edited, "Góp ý đã sửa.", null));
      String deleted = annotate(delegateHni, "d1", AnnotationKind.COMMENT, null, "Sẽ xoá.", null);
      run(as(delegateHni), new Command.DeleteAnnotation(deleted));
      run(as(secretary), new Command.RespondToAnnotation(proposal, ResponseKind.ACCEPTED, null));
      run(as(secretary), new Command.RecordWrittenOpinion("Bộ Tư pháp", "12/BTP", "2024-09-01", "d2",
          "Đề nghị bổ sung căn cứ pháp lý."));
      run(ORGANIZER, new Command.ImportDraft(Drafts.read("quy-che-v2.md"), "Lần 2"));
    }

    void closing() {
      advance(600);
      run(as(chair), new Command.OpenFeedback(now.plus(Duration.ofDays(7))));
      run(as(chair), new Command.SetFeedbackDeadline(now.plus(Duration.ofDays(10))));
      run(as(secretary), new Command.SetReportHeading(new ReportHeading(ReportHeading.Style.PARTY,
          ReportHeading.DraftingBody.TO_BIEN_TAP, "Ban Tổ chức", null, "01-BC/TBT", "Hà Nội", ReportHeading.Signing.TM,
          null, null, "Nguyễn Văn A", List.of("Các điểm cầu"))));
      advance(86_400);
      run(as(chair), new Command.CloseConference());
    }

    // --- Recording ---------------------------------------------------------------------------------------------------

    void phase(String name, Runnable commands) {
      viewers.keySet().forEach(v -> frames.put(v, Codec.mapper().createArrayNode()));
      commands.run();
      viewers.forEach((v, viewer) -> {
        ObjectNode p = ((ArrayNode) out.get(v).get("phases")).addObject();
        p.put("phase", name);
        p.set("frames", frames.get(v));
        p.set("snapshot", snapshot(viewer));
      });
      frames.clear();
    }

    JsonNode snapshot(Viewer v) {
      return Codec.parse(snapshots.encode(conf.version(), now, conf.views().viewFor(v, now)).toString(StandardCharsets.UTF_8));
    }

    /** Decides and applies as the writer does; each viewer gets the events its audience admits, as one frame. */
    List<Event> run(Actor actor, Command c) {
      CommandEnvelope env = new CommandEnvelope("cmd-" + (++counter), actor, c);
      Decision d = conf.decide(env, now);
      if (!(d instanceof Decision.Accepted a)) throw new IllegalStateException(c + " refused: " + d);
      List<Map.Entry<Audience, Encoded<EventFrame>>> sent = new ArrayList<>();
      for (Event e : a.events()) {
        RecordedEvent re = new RecordedEvent(conf.version() + 1, a.recordedActor(), env.commandId(), now, e);
        conf.apply(re);
        sent.add(Map.entry(conf.views().audienceOf(e), Frames.event(re, DraftFrames.data(conf, re, Codec.encode(e)))));
      }
      viewers.forEach((name, viewer) -> {
        List<Encoded<EventFrame>> mine = sent.stream()
            .filter(s -> s.getKey() instanceof Audience.Everyone || conf.views().admits(s.getKey(), viewer))
            .map(Map.Entry::getValue).toList();
        if (!mine.isEmpty() && frames.containsKey(name)) {
          frames.get(name).add(Codec.parse(Frames.events(conf.version(), mine).toString(StandardCharsets.UTF_8)));
        }
      });
      return a.events();
    }

    <E extends Event> E run(Actor actor, Command c, Class<E> type) {
      return run(actor, c).stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }

    String register(String name, Role role, String endpointId) {
      return run(ORGANIZER, new Command.RegisterParticipant(name, EnumSet.of(role), endpointId),
          Event.ParticipantRegistered.class).participantId();
    }

    String annotate(String author, String nodeId, AnnotationKind kind, String quote, String body, String replacement) {
      TextQuoteSelector q = null;
      TextPositionSelector p = null;
      if (quote != null) {
        String text = conf.currentDraft().orElseThrow().document().find(nodeId).orElseThrow().text();
        int at = text.indexOf(quote);
        if (at < 0) throw new IllegalArgumentException("\"" + quote + "\" is not in " + nodeId);
        q = new TextQuoteSelector(quote, null, null);
        p = new TextPositionSelector(at, at + quote.length());
      }
      return run(as(author), new Command.AddAnnotation(nodeId, kind, body, replacement, q, p),
          Event.AnnotationAdded.class).annotationId();
    }

    Actor as(String participantId) {
      return Actor.participant(participantId);
    }

    void advance(long seconds) {
      now = now.plusSeconds(seconds);
    }

    String fixture() throws Exception {
      ObjectNode root = Codec.mapper().createObjectNode();
      root.put("about", "Written by server/src/test/java/vn/hoinghi/live/ClientFoldGoldenTest.java "
          + "(-Dgolden.update=true); read by web-client/test/foldGolden.test.ts. Do not edit by hand.");
      ArrayNode vs = root.putArray("viewers");
      out.values().forEach(vs::add);
      return Codec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }
  }
}
