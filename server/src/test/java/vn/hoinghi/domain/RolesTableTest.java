package vn.hoinghi.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoinghi.domain.RolesTableTest.Base.FEEDBACK;
import static vn.hoinghi.domain.RolesTableTest.Base.FEEDBACK_OVER;
import static vn.hoinghi.domain.RolesTableTest.Base.LIVE;
import static vn.hoinghi.domain.RolesTableTest.Base.LIVE_CHECKED_IN;
import static vn.hoinghi.domain.RolesTableTest.Base.NOTHING;
import static vn.hoinghi.domain.RolesTableTest.Base.PREPARED;
import static vn.hoinghi.domain.RolesTableTest.Base.SCHEDULED;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import vn.hoinghi.domain.Command.*;
import vn.hoinghi.domain.Event.*;
import vn.hoinghi.domain.document.Drafts;

/**
 * Reads the permission table in docs/roles.md and checks every cell: the command is sent by an actor holding exactly
 * the column's role, for their own endpoint and for another one, in a conference prepared so that the command would
 * otherwise succeed. ✓ must be accepted, "own" accepted for the own endpoint and FORBIDDEN for another, — FORBIDDEN.
 */
@DisplayName("docs/roles.md, checked cell by cell against decide")
class RolesTableTest {

  enum Column { ORGANIZER, CHAIR, SECRETARY, HOST, DELEGATE, OBSERVER, ANONYMOUS, SYSTEM }

  record Row(String command, Map<Column, String> cells, String condition) {}

  enum Base { NOTHING, PREPARED, SCHEDULED, LIVE, LIVE_CHECKED_IN, FEEDBACK, FEEDBACK_OVER }

  /** One cell's situation: the world, who acts, and the endpoint the command targets. */
  record Cell(World w, Column column, Actor actor, String actorId, String target) {

    Instant now() {
      return w.h.now;
    }

    void chair(Command c) {
      w.h.ok(w.as(w.chair), c);
    }

    void organizer(Command c) {
      w.h.ok(World.ORGANIZER, c);
    }

    String item() {
      return w.h.ok(World.ORGANIZER, new AddAgendaItem("Mục", AgendaItemKind.OTHER, 5, List.of(), null),
          AgendaItemAdded.class).itemId();
    }

    String vote() {
      return w.openVote(VoteMode.NAMED, "d1");
    }

    /** A request for the floor by a participant: for themself if a delegate, else for their hall. */
    String requestBy(String participantId) {
      boolean delegate = w.conf().participant(participantId).orElseThrow().has(Role.DELEGATE);
      return w.h.ok(w.as(participantId), new RequestFloor(FloorKind.CONTRIBUTION, null, !delegate),
          FloorRequested.class).requestId();
    }

    String annotationBy(String participantId) {
      return w.h.ok(w.as(participantId), new AddAnnotation("d1", AnnotationKind.COMMENT, "Ý kiến", null, null, null),
          AnnotationAdded.class).annotationId();
    }

    /** The acting participant when their role may create the object, else somebody else: tests "author only". */
    String selfIf(Class<? extends Command> creating, String otherwise) {
      Role role = role(column);
      return role != null && Permissions.rule(creating).allowsRole(role) ? actorId : otherwise;
    }

    String code(String endpointId) {
      return w.conf().endpoint(endpointId).orElseThrow().code();
    }

    /** A delegate listed by the organizer at this endpoint. */
    String listed(String endpointId) {
      return w.h.ok(World.ORGANIZER, new ImportDelegates(List.of(new DelegateEntry("Đại biểu " + endpointId, null, null,
          code(endpointId), null, null))), DelegatesListed.class).delegates().get(0).participantId();
    }

    /** A pending request through the endpoint's shared link. */
    String joinRequest(String endpointId) {
      String code = Harness.inviteCode(endpointId.hashCode() & 0xffffff);
      w.h.ok(World.ORGANIZER, new IssueInvite(code, Role.DELEGATE, endpointId, 50, now().plus(Duration.ofDays(1))));
      return w.h.ok(Actor.anonymous(), new JoinWithInvite(code, "Khách vãng lai", null, KEY_HASH), JoinRequested.class)
          .requestId();
    }

    String hostOf(String endpointId) {
      return endpointId.equals(w.dtp) ? w.hostDtp : endpointId.equals(w.hni) ? w.hostHni : null;
    }
  }

  record Spec(Base base, Function<Cell, Command> command) {}

  static final Map<String, Spec> SPECS = new HashMap<>();
  static final String KEY_HASH = "ab".repeat(32);

  private static void spec(String name, Base base, Function<Cell, Command> command) {
    SPECS.put(name, new Spec(base, command));
  }

  static {
    spec("CreateConference", NOTHING, c -> new CreateConference("Hội nghị", null, null, null, VoteMode.NAMED, 0));
    spec("UpdateConferenceDetails", LIVE, c -> new UpdateConferenceDetails("Tên mới", null, null, null));
    spec("UpdateSettings", LIVE, c -> new UpdateSettings(VoteMode.ANONYMOUS, 60));
    spec("ScheduleConference", PREPARED, c -> new ScheduleConference());
    spec("StartConference", SCHEDULED, c -> new StartConference());
    spec("OpenFeedback", LIVE, c -> new OpenFeedback(c.now().plus(Duration.ofDays(1))));
    spec("SetFeedbackDeadline", FEEDBACK, c -> new SetFeedbackDeadline(c.now().plus(Duration.ofDays(2))));
    spec("CloseConference", FEEDBACK_OVER, c -> new CloseConference());
    spec("AddEndpoint", LIVE, c -> new AddEndpoint("XA", "Xã A", null, EndpointLevel.COMMUNE));
    spec("ImportEndpoints", LIVE, c -> new ImportEndpoints(List.of(new AddEndpoint("XA", "Xã A", null, EndpointLevel.COMMUNE))));
    spec("UpdateEndpoint", LIVE, c -> new UpdateEndpoint(c.target(), "Tên mới", null));
    spec("CheckInEndpoint", LIVE, c -> new CheckInEndpoint(c.target(), 10));
    spec("UpdateHeadCount", LIVE_CHECKED_IN, c -> new UpdateHeadCount(c.target(), 12));
    spec("CheckOutEndpoint", LIVE_CHECKED_IN, c -> new CheckOutEndpoint(c.target()));
    spec("RegisterParticipant", LIVE, c -> new RegisterParticipant("Người mới", Set.of(Role.DELEGATE), c.w().dtp));
    spec("UpdateParticipant", LIVE, c -> new UpdateParticipant(c.w().delegateDtp2, "Tên", Set.of(Role.DELEGATE), c.w().dtp));
    spec("RemoveParticipant", LIVE, c -> new RemoveParticipant(c.listed(c.target())));
    spec("IssueInvite", LIVE, c -> new IssueInvite("NVTEAAAAA2", Role.DELEGATE, c.target(), 3, c.now().plus(Duration.ofDays(1))));
    spec("RevokeInvite", LIVE, c -> {
      c.organizer(new IssueInvite("NVTEAAAAA2", Role.DELEGATE, c.target(), 3, c.now().plus(Duration.ofDays(1))));
      return new RevokeInvite("NVTEAAAAA2");
    });
    spec("JoinWithInvite", LIVE, c -> {
      c.organizer(new IssueInvite("NVTEAAAAA2", Role.DELEGATE, c.w().dtp, 3, c.now().plus(Duration.ofDays(1))));
      return new JoinWithInvite("NVTEAAAAA2", "Khách mời", null, KEY_HASH);
    });
    spec("ImportDelegates", LIVE, c -> new ImportDelegates(List.of(new DelegateEntry("Người trong danh sách", "Ủy viên",
        "Sở Tư pháp", c.code(c.target()), null, null))));
    spec("UpdateDelegateDetails", LIVE, c -> new UpdateDelegateDetails(c.listed(c.target()), "Phó Giám đốc", null, null, null));
    spec("AdmitJoinRequest", LIVE, c -> new AdmitJoinRequest(c.joinRequest(c.target()), false));
    spec("RefuseJoinRequest", LIVE, c -> new RefuseJoinRequest(c.joinRequest(c.target()), "Không có trong danh sách"));
    spec("EndSessions", LIVE, c -> new EndSessions(c.listed(c.target())));
    spec("MarkAttendance", LIVE, c -> new MarkAttendance(c.listed(c.target()), true));
    spec("AddAgendaItem", LIVE, c -> new AddAgendaItem("Mục", AgendaItemKind.OTHER, 5, List.of(), null));
    spec("UpdateAgendaItem", LIVE, c -> new UpdateAgendaItem(c.item(), "Mục khác", AgendaItemKind.OTHER, 5, List.of()));
    spec("MoveAgendaItem", LIVE, c -> {
      c.item();
      return new MoveAgendaItem(c.item(), 0);
    });
    spec("RemoveAgendaItem", LIVE, c -> new RemoveAgendaItem(c.item()));
    spec("StartAgendaItem", LIVE, c -> new StartAgendaItem(c.item()));
    spec("CompleteAgendaItem", LIVE, c -> {
      c.chair(new StartAgendaItem(c.item()));
      return new CompleteAgendaItem();
    });
    spec("ImportDraft", LIVE, c -> new ImportDraft(Drafts.read("quy-che-v2.md"), null));
    spec("OpenVote", LIVE, c -> new OpenVote(null, List.of("d1"), null));
    spec("CastBallot", LIVE, c -> new CastBallot(c.vote(), "d1", Choice.AGREE, null));
    spec("RecordHallResult", LIVE_CHECKED_IN, c -> new RecordHallResult(c.vote(), "d1", c.target(), 1, 0, 0));
    spec("ClearHallResult", LIVE_CHECKED_IN, c -> {
      String v = c.vote();
      String host = c.hostOf(c.target());
      if (host != null) {
        c.w().h.ok(c.w().as(host), new RecordHallResult(v, "d1", c.target(), 1, 0, 0));
      }
      return new ClearHallResult(v, "d1", c.target());
    });
    spec("CloseVote", LIVE, c -> new CloseVote(c.vote()));
    spec("ReopenVote", LIVE, c -> {
      String v = c.vote();
      c.chair(new CloseVote(v));
      return new ReopenVote(v);
    });
    spec("OpenSpeakerQueue", LIVE, c -> {
      c.chair(new CloseSpeakerQueue());
      return new OpenSpeakerQueue();
    });
    spec("CloseSpeakerQueue", LIVE, c -> new CloseSpeakerQueue());
    spec("RequestFloor", LIVE, c -> new RequestFloor(FloorKind.CONTRIBUTION, null, c.column() == Column.HOST));
    spec("WithdrawFloorRequest", LIVE, c ->
        new WithdrawFloorRequest(c.requestBy(c.selfIf(RequestFloor.class, c.w().delegateHni))));
    spec("ApproveFloorRequest", LIVE, c -> new ApproveFloorRequest(c.requestBy(c.w().delegateHni)));
    spec("RejectFloorRequest", LIVE, c -> new RejectFloorRequest(c.requestBy(c.w().delegateHni), "Hết giờ"));
    spec("MoveFloorRequest", LIVE, c -> {
      c.requestBy(c.w().delegateDtp2);
      return new MoveFloorRequest(c.requestBy(c.w().delegateHni), 0);
    });
    spec("GrantFloor", LIVE, c -> new GrantFloor(c.requestBy(c.w().delegateHni)));
    spec("PauseSpeech", LIVE, c -> {
      c.chair(new GrantFloor(c.requestBy(c.w().delegateHni)));
      return new PauseSpeech();
    });
    spec("ResumeSpeech", LIVE, c -> {
      c.chair(new GrantFloor(c.requestBy(c.w().delegateHni)));
      c.chair(new PauseSpeech());
      return new ResumeSpeech();
    });
    spec("EndSpeech", LIVE, c -> {
      c.chair(new GrantFloor(c.requestBy(c.w().delegateHni)));
      return new EndSpeech();
    });
    spec("AddAnnotation", LIVE, c -> new AddAnnotation("d1", AnnotationKind.COMMENT, "Ý kiến", null, null, null));
    spec("ReplyToAnnotation", LIVE, c -> new ReplyToAnnotation(c.annotationBy(c.w().delegateHni), "Trả lời"));
    spec("EditAnnotation", LIVE, c ->
        new EditAnnotation(c.annotationBy(c.selfIf(AddAnnotation.class, c.w().delegateHni)), "Sửa lại", null));
    spec("DeleteAnnotation", LIVE, c ->
        new DeleteAnnotation(c.annotationBy(c.selfIf(AddAnnotation.class, c.w().delegateHni))));
    spec("HideAnnotation", LIVE, c -> new HideAnnotation(c.annotationBy(c.w().delegateHni), "Không đúng chủ đề"));
    spec("RestoreAnnotation", LIVE, c -> {
      String a = c.annotationBy(c.w().delegateHni);
      c.chair(new HideAnnotation(a, "Tạm ẩn"));
      return new RestoreAnnotation(a);
    });
    spec("RespondToAnnotation", LIVE, c -> new RespondToAnnotation(c.annotationBy(c.w().delegateHni), ResponseKind.NOTED, null));
    spec("RecordWrittenOpinion", LIVE, c -> new Command.RecordWrittenOpinion("Bộ Tư pháp", "12/BTP-PL", "2020-01-02",
        "d1", "Đề nghị làm rõ phạm vi."));
    spec("ImportWrittenOpinions", LIVE, c -> new Command.ImportWrittenOpinions(List.of(
        new Command.RecordWrittenOpinion("Bộ Tư pháp", null, null, null, "Đề nghị làm rõ phạm vi."))));
    spec("RecordSpeechSummary", LIVE, c -> {
      String r = c.requestBy(c.w().delegateHni);
      c.chair(new GrantFloor(r));
      // Recorded live, while the speech runs.
      return new Command.RecordSpeechSummary(r, "Đề nghị bổ sung quy định về họp trực tuyến.");
    });
    spec("RespondToOpinion", LIVE, c -> new Command.RespondToOpinion(c.annotationBy(c.w().delegateHni),
        ResponseKind.NOTED, null));
    spec("MergeOpinions", LIVE, c -> new Command.MergeOpinions(List.of(c.annotationBy(c.w().delegateHni),
        c.annotationBy(c.w().delegateHni))));
    spec("UnmergeOpinion", LIVE, c -> {
      String a = c.annotationBy(c.w().delegateHni);
      String b = c.annotationBy(c.w().delegateHni);
      c.chair(new Command.MergeOpinions(List.of(a, b)));
      return new Command.UnmergeOpinion(b);
    });
    spec("SetReportHeading", LIVE, c -> new Command.SetReportHeading(new ReportHeading(null,
        ReportHeading.DraftingBody.TO_BIEN_TAP, "Bộ Tư pháp", null, "12/BC-TBT", null, ReportHeading.Signing.KT, null,
        "Phó Tổ trưởng", "Nguyễn Văn An", List.of("Bộ trưởng (để báo cáo)"))));
  }

  static Role role(Column c) {
    return switch (c) {
      case CHAIR -> Role.CHAIR;
      case SECRETARY -> Role.SECRETARY;
      case HOST -> Role.HOST;
      case DELEGATE -> Role.DELEGATE;
      case OBSERVER -> Role.OBSERVER;
      default -> null;
    };
  }

  static List<Row> rows() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("../docs/roles.md"), StandardCharsets.UTF_8);
    List<Row> rows = new ArrayList<>();
    List<Column> header = null;
    for (String line : lines) {
      if (!line.startsWith("|")) {
        continue;
      }
      List<String> cells = Arrays.stream(line.substring(1, line.lastIndexOf('|')).split("\\|", -1)).map(String::strip).toList();
      if (cells.get(0).equals("Command")) {
        header = cells.subList(1, cells.size() - 1).stream().map(s -> Column.valueOf(s.toUpperCase())).toList();
      } else if (header != null && !cells.get(0).startsWith("---")) {
        Map<Column, String> byColumn = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
          byColumn.put(header.get(i), cells.get(i + 1));
        }
        rows.add(new Row(cells.get(0), byColumn, cells.get(cells.size() - 1)));
      }
    }
    return rows;
  }

  static World world(Base base) {
    switch (base) {
      case NOTHING:
        return World.empty();
      case PREPARED:
        return World.prepared();
      case SCHEDULED:
        return World.scheduled();
      default:
        break;
    }
    World w = World.live();
    if (base == LIVE_CHECKED_IN) {
      w.h.ok(w.as(w.chair), new CheckInEndpoint(w.central, 10));
      w.checkedIn(10);
    }
    if (base == FEEDBACK || base == FEEDBACK_OVER) {
      w.h.ok(w.as(w.chair), new OpenFeedback(w.h.now.plus(Duration.ofHours(1))));
    }
    if (base == FEEDBACK_OVER) {
      w.h.advance(Duration.ofHours(2));
    }
    return w;
  }

  static Actor actor(World w, Column c) {
    return switch (c) {
      case ORGANIZER -> World.ORGANIZER;
      case ANONYMOUS -> Actor.anonymous();
      case SYSTEM -> Actor.system();
      default -> Actor.participant(participant(w, c));
    };
  }

  static String participant(World w, Column c) {
    String id = switch (c) {
      case CHAIR -> w.chair;
      case SECRETARY -> w.secretary;
      case HOST -> w.hostDtp;
      case DELEGATE -> w.delegateDtp;
      case OBSERVER -> w.observer;
      default -> null;
    };
    return id == null && role(c) != null ? "p-1" : id;
  }

  static String endpoint(World w, Column c, boolean own) {
    boolean central = c == Column.CHAIR || c == Column.SECRETARY;
    if (central) {
      return own ? w.central : w.dtp;
    }
    return own ? w.dtp : w.hni;
  }

  @Test
  @DisplayName("has one row per command, equal to the Permissions table in the code")
  void matchesCode() throws IOException {
    List<Row> rows = rows();
    assertThat(rows).extracting(Row::command).containsExactlyElementsOf(
        Permissions.table().keySet().stream().map(Class::getSimpleName).toList());
    for (Row row : rows) {
      Permissions.Rule rule = Permissions.table().entrySet().stream()
          .filter(e -> e.getKey().getSimpleName().equals(row.command())).findFirst().orElseThrow().getValue();
      assertThat(row.cells().get(Column.ORGANIZER)).as(row.command()).isEqualTo(rule.organizer() ? "✓" : "—");
      assertThat(row.cells().get(Column.ANONYMOUS)).as(row.command()).isEqualTo(rule.anonymous() ? "✓" : "—");
      assertThat(row.cells().get(Column.SYSTEM)).as(row.command()).isEqualTo(rule.system() ? "✓" : "—");
      for (Role r : Role.values()) {
        String expected = rule.anyEndpoint().contains(r) ? "✓" : rule.ownEndpoint().contains(r) ? "own" : "—";
        assertThat(row.cells().get(Column.valueOf(r.name()))).as(row.command() + " / " + r).isEqualTo(expected);
      }
      assertThat(row.condition()).as(row.command()).isEqualTo(rule.condition());
    }
    assertThat(SPECS.keySet()).containsExactlyInAnyOrderElementsOf(rows.stream().map(Row::command).toList());
  }

  @TestFactory
  @DisplayName("every cell holds against decide")
  Stream<DynamicTest> everyCell() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Row row : rows()) {
      Spec spec = SPECS.get(row.command());
      boolean scoped = Permissions.table().entrySet().stream()
          .anyMatch(e -> e.getKey().getSimpleName().equals(row.command()) && e.getValue().scope() == Permissions.Scope.ENDPOINT);
      for (Map.Entry<Column, String> cell : row.cells().entrySet()) {
        Column column = cell.getKey();
        boolean endpointBound = scoped && role(column) != null;
        for (boolean own : endpointBound ? new boolean[] {true, false} : new boolean[] {true}) {
          boolean accept = cell.getValue().equals("✓") || (cell.getValue().equals("own") && own);
          String name = row.command() + " as " + column + (endpointBound ? (own ? " for own endpoint" : " for another endpoint") : "")
              + " → " + (accept ? "accepted" : "FORBIDDEN");
          tests.add(DynamicTest.dynamicTest(name, () -> check(spec, column, own, accept)));
        }
      }
    }
    return tests.stream();
  }

  private static void check(Spec spec, Column column, boolean own, boolean accept) {
    World w = world(spec.base());
    String target = w.central == null ? null : endpoint(w, column, own);
    Cell cell = new Cell(w, column, actor(w, column), participant(w, column), target);
    Command command = spec.command().apply(cell);
    if (accept) {
      w.h.ok(cell.actor(), command);
    } else {
      w.h.rejected(cell.actor(), command, RejectionCode.FORBIDDEN);
    }
    w.h.assertReplayEqualsLive();
  }
}
