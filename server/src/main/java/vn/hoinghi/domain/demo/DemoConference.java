package vn.hoinghi.domain.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import vn.hoinghi.domain.Actor;
import vn.hoinghi.domain.AgendaItemKind;
import vn.hoinghi.domain.Command;
import vn.hoinghi.domain.CommandEnvelope;
import vn.hoinghi.domain.Conference;
import vn.hoinghi.domain.Decision;
import vn.hoinghi.domain.EndpointLevel;
import vn.hoinghi.domain.Event;
import vn.hoinghi.domain.RecordedEvent;
import vn.hoinghi.domain.Role;
import vn.hoinghi.domain.VoteMode;
import vn.hoinghi.domain.document.DraftNode;

/**
 * The conference of the story (10/9, Ban Tổ chức Trung ương with the provincial party committees): the central
 * endpoint and the 34 provincial-level units, the agenda, the draft from {@code demo/draft.md}, and demo participants.
 * People's names are fictional.
 *
 * <p>{@link #commands()} must be applied, in order, to an empty conference; the participant ids in
 * {@link #accounts()} are the ones those commands produce there.
 */
public final class DemoConference {

  public static final String CONFERENCE_ID = "demo";
  public static final String DRAFT_RESOURCE = "demo/draft.md";
  public static final Actor ORGANIZER = Actor.organizer("demo-organizer");
  public static final String TITLE =
      "Hội nghị trực tuyến góp ý dự thảo Quy chế làm việc mẫu của đảng đoàn, ban cán sự đảng cấp tỉnh";

  /** A login the server creates for the demo; the password is the server's business. */
  public record DemoAccount(String username, String participantId, String displayName, Role role, String endpointCode) {}

  /** A provincial-level unit: code, name as the hall is called, region. */
  record Unit(String code, String name, String region) {}

  /** The 34 provincial-level units since 1 July 2025: 6 centrally-run cities, then 28 provinces. */
  static final List<Unit> UNITS = List.of(
      new Unit("HNI", "Thành ủy Hà Nội", "Bắc"),
      new Unit("HUE", "Thành ủy Huế", "Trung"),
      new Unit("HPG", "Thành ủy Hải Phòng", "Bắc"),
      new Unit("DNG", "Thành ủy Đà Nẵng", "Trung"),
      new Unit("HCM", "Thành ủy TP. Hồ Chí Minh", "Nam"),
      new Unit("CTO", "Thành ủy Cần Thơ", "Nam"),
      new Unit("TQG", "Tỉnh ủy Tuyên Quang", "Bắc"),
      new Unit("CBG", "Tỉnh ủy Cao Bằng", "Bắc"),
      new Unit("LCU", "Tỉnh ủy Lai Châu", "Bắc"),
      new Unit("LCI", "Tỉnh ủy Lào Cai", "Bắc"),
      new Unit("TNN", "Tỉnh ủy Thái Nguyên", "Bắc"),
      new Unit("DBN", "Tỉnh ủy Điện Biên", "Bắc"),
      new Unit("LSN", "Tỉnh ủy Lạng Sơn", "Bắc"),
      new Unit("SLA", "Tỉnh ủy Sơn La", "Bắc"),
      new Unit("PTO", "Tỉnh ủy Phú Thọ", "Bắc"),
      new Unit("BNH", "Tỉnh ủy Bắc Ninh", "Bắc"),
      new Unit("QNH", "Tỉnh ủy Quảng Ninh", "Bắc"),
      new Unit("HYN", "Tỉnh ủy Hưng Yên", "Bắc"),
      new Unit("NBH", "Tỉnh ủy Ninh Bình", "Bắc"),
      new Unit("THA", "Tỉnh ủy Thanh Hóa", "Trung"),
      new Unit("NAN", "Tỉnh ủy Nghệ An", "Trung"),
      new Unit("HTH", "Tỉnh ủy Hà Tĩnh", "Trung"),
      new Unit("QTR", "Tỉnh ủy Quảng Trị", "Trung"),
      new Unit("QNG", "Tỉnh ủy Quảng Ngãi", "Trung"),
      new Unit("GLI", "Tỉnh ủy Gia Lai", "Trung"),
      new Unit("KHA", "Tỉnh ủy Khánh Hòa", "Trung"),
      new Unit("LDG", "Tỉnh ủy Lâm Đồng", "Trung"),
      new Unit("DLK", "Tỉnh ủy Đắk Lắk", "Trung"),
      new Unit("DNI", "Tỉnh ủy Đồng Nai", "Nam"),
      new Unit("TNH", "Tỉnh ủy Tây Ninh", "Nam"),
      new Unit("VLG", "Tỉnh ủy Vĩnh Long", "Nam"),
      new Unit("DTP", "Tỉnh ủy Đồng Tháp", "Nam"),
      new Unit("CMU", "Tỉnh ủy Cà Mau", "Nam"),
      new Unit("AGG", "Tỉnh ủy An Giang", "Nam"));

  /** A demo person: the login name, the display name, roles, and the endpoint by code. */
  private record Person(String username, String displayName, Set<Role> roles, String endpointCode) {
    Role mainRole() {
      return roles.iterator().next();
    }
  }

  private static final List<Person> PEOPLE = List.of(
      new Person("chutri", "Trần Quốc Minh", EnumSet.of(Role.CHAIR, Role.DELEGATE), "TW"),
      new Person("thuky", "Lê Thị Thu Hà", EnumSet.of(Role.SECRETARY), "TW"),
      new Person("dongthap", "Võ Thành Nhân", EnumSet.of(Role.HOST), "DTP"),
      new Person("hanoi", "Đỗ Minh Tuấn", EnumSet.of(Role.HOST), "HNI"),
      new Person("daibieu1", "Nguyễn Thị Mai", EnumSet.of(Role.DELEGATE), "DTP"),
      new Person("daibieu2", "Trần Văn Phúc", EnumSet.of(Role.DELEGATE), "DTP"),
      new Person("daibieu3", "Huỳnh Ngọc Lan", EnumSet.of(Role.DELEGATE), "DTP"),
      new Person("daibieu4", "Bùi Đức Thắng", EnumSet.of(Role.DELEGATE), "HNI"),
      new Person("daibieu5", "Hoàng Thị Thanh", EnumSet.of(Role.DELEGATE), "HNI"),
      new Person("manhinh", "Màn hình hội trường Đồng Tháp", EnumSet.of(Role.OBSERVER), "DTP"));

  private DemoConference() {}

  /** The commands, with fixed ids demo-001, demo-002…, all from {@link #ORGANIZER}. */
  public static List<CommandEnvelope> commands() {
    return script().commands;
  }

  /** The demo logins, with the participant ids the commands produce in an empty conference. */
  public static List<DemoAccount> accounts() {
    Conference c = script().conference;
    List<DemoAccount> out = new ArrayList<>();
    for (Person p : PEOPLE) {
      String id = c.participants().stream().filter(x -> x.displayName().equals(p.displayName())).findFirst()
          .orElseThrow().id();
      out.add(new DemoAccount(p.username(), id, p.displayName(), p.mainRole(), p.endpointCode()));
    }
    return out;
  }

  /** The demo draft's text, from the class path. */
  public static String draftText() {
    try (InputStream in = DemoConference.class.getClassLoader().getResourceAsStream(DRAFT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing class-path resource " + DRAFT_RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes the commands while applying them to an empty conference, so that later commands can name what earlier
   * ones created (endpoint ids, chapter ids) exactly as the server's writer will produce them. Fails loudly if the
   * core refuses any demo command.
   */
  private static Script script() {
    Script s = new Script();
    s.run(new Command.CreateConference(TITLE,
        "Ban Tổ chức Trung ương tổ chức hội nghị trực tuyến với các điểm cầu Tỉnh ủy, Thành ủy trực thuộc Trung ương "
            + "để góp ý dự thảo Quy chế làm việc mẫu của đảng đoàn, ban cán sự đảng cấp tỉnh (5 chương, 17 điều).",
        Instant.parse("2024-09-10T07:00:00Z"), Instant.parse("2024-09-10T10:00:00Z"), VoteMode.NAMED, 300));
    s.run(new Command.AddEndpoint("TW", "Điểm cầu Trung ương", "Bắc", EndpointLevel.CENTRAL));
    for (Unit u : UNITS) {
      s.run(new Command.AddEndpoint(u.code(), u.name(), u.region(), EndpointLevel.PROVINCIAL));
    }
    s.run(new Command.ImportDraft(draftText(), "Dự thảo trình hội nghị"));
    List<String> chapters = s.conference.currentDraft().orElseThrow().document().chapters().stream()
        .map(DraftNode::id).toList();
    int split = Math.min(2, chapters.size());
    s.run(new Command.AddAgendaItem("Khai mạc, giới thiệu đại biểu", AgendaItemKind.OPENING, 10, List.of(), null));
    s.run(new Command.AddAgendaItem("Trình bày tóm tắt dự thảo Quy chế làm việc mẫu", AgendaItemKind.PRESENTATION, 20,
        List.of(), null));
    s.run(new Command.AddAgendaItem("Thảo luận Chương I – II", AgendaItemKind.DISCUSSION, 40,
        chapters.subList(0, split), null));
    s.run(new Command.AddAgendaItem("Thảo luận Chương III – V", AgendaItemKind.DISCUSSION, 50,
        chapters.subList(split, chapters.size()), null));
    s.run(new Command.AddAgendaItem("Biểu quyết theo từng điều", AgendaItemKind.VOTE, 20, chapters, null));
    s.run(new Command.AddAgendaItem("Phát biểu kết luận hội nghị", AgendaItemKind.CONCLUSION, 15, List.of(), null));
    for (Person p : PEOPLE) {
      String endpointId = s.conference.endpointByCode(p.endpointCode()).orElseThrow().id();
      s.run(new Command.RegisterParticipant(p.displayName(), p.roles(), endpointId));
    }
    s.run(new Command.ScheduleConference());
    return s;
  }

  private static final class Script {
    final Conference conference = Conference.empty(CONFERENCE_ID, (conf, vote, participant) -> {
      throw new IllegalStateException("the demo casts no ballot");
    });
    final List<CommandEnvelope> commands = new ArrayList<>();
    final Instant now = Instant.parse("2024-09-01T00:00:00Z");

    void run(Command c) {
      CommandEnvelope env = new CommandEnvelope(String.format("demo-%03d", commands.size() + 1), ORGANIZER, c);
      Decision d = conference.decide(env, now);
      if (!(d instanceof Decision.Accepted accepted)) {
        throw new IllegalStateException("demo command " + env.commandId() + " refused: " + d);
      }
      long seq = conference.version();
      for (Event e : accepted.events()) {
        conference.apply(new RecordedEvent(++seq, accepted.recordedActor(), env.commandId(), now, e));
      }
      commands.add(env);
    }
  }
}
