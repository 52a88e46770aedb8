package vn.hoinghi.domain.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.domain.BallotSealer;
import vn.hoinghi.domain.CommandEnvelope;
import vn.hoinghi.domain.Conference;
import vn.hoinghi.domain.ConferenceStatus;
import vn.hoinghi.domain.Decision;
import vn.hoinghi.domain.Endpoint;
import vn.hoinghi.domain.EndpointLevel;
import vn.hoinghi.domain.Event;
import vn.hoinghi.domain.Participant;
import vn.hoinghi.domain.RecordedEvent;
import vn.hoinghi.domain.Role;
import vn.hoinghi.domain.document.DraftNode;

@DisplayName("The demo conference")
class DemoConferenceTest {

  private static final BallotSealer SEALER = (c, v, p) -> c + "/" + v + "/" + p;

  /** Runs the demo commands through decide and apply, as the server's writer will; fails on any rejection. */
  private static Conference seeded(List<RecordedEvent> log) {
    Conference c = Conference.empty("demo-test", SEALER);
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    for (CommandEnvelope env : DemoConference.commands()) {
      Decision d = c.decide(env, now);
      assertThat(d).as(env.commandId() + " " + env.command().getClass().getSimpleName()).isInstanceOf(Decision.Accepted.class);
      Decision.Accepted a = (Decision.Accepted) d;
      for (Event e : a.events()) {
        RecordedEvent r = new RecordedEvent(c.version() + 1, a.recordedActor(), env.commandId(), now, e);
        log.add(r);
        c.apply(r);
      }
    }
    return c;
  }

  @Test
  @DisplayName("applies to an empty conference with no rejection: 35 endpoints, 17 articles in 5 chapters")
  void seeds() {
    Conference c = seeded(new ArrayList<>());
    assertThat(c.info().title()).isEqualTo(
        "Hội nghị trực tuyến góp ý dự thảo Quy chế làm việc mẫu của đảng đoàn, ban cán sự đảng cấp tỉnh");
    assertThat(c.endpoints()).hasSize(35);
    assertThat(c.endpoints()).filteredOn(e -> e.level() == EndpointLevel.CENTRAL).singleElement()
        .extracting(Endpoint::name).isEqualTo("Điểm cầu Trung ương");
    assertThat(c.currentDraft().orElseThrow().document().articles()).hasSize(17);
    assertThat(c.currentDraft().orElseThrow().document().chapters()).hasSize(5);
    assertThat(c.info().status()).isEqualTo(ConferenceStatus.SCHEDULED);
  }

  @Test
  @DisplayName("lists the 34 provincial-level units with unique codes, each in Bắc, Trung or Nam")
  void units() {
    Conference c = seeded(new ArrayList<>());
    List<Endpoint> provinces = c.endpoints().stream().filter(e -> e.level() == EndpointLevel.PROVINCIAL).toList();
    assertThat(provinces).hasSize(34);
    assertThat(provinces).extracting(Endpoint::region).containsOnly("Bắc", "Trung", "Nam");
    assertThat(provinces).extracting(Endpoint::name).contains("Tỉnh ủy Đồng Tháp", "Thành ủy Hà Nội",
        "Thành ủy TP. Hồ Chí Minh", "Tỉnh ủy An Giang");
    Set<String> codes = new HashSet<>();
    c.endpoints().forEach(e -> assertThat(codes.add(e.code())).isTrue());
  }

  @Test
  @DisplayName("has the story's agenda, its discussion items pointing at the chapters")
  void agenda() {
    Conference c = seeded(new ArrayList<>());
    assertThat(c.agenda()).hasSize(6);
    assertThat(c.agenda().get(2).nodeIds()).containsExactly("c1", "c2");
    assertThat(c.agenda().get(3).nodeIds()).containsExactly("c3", "c4", "c5");
    List<String> chapterIds = c.currentDraft().orElseThrow().document().chapters().stream().map(DraftNode::id).toList();
    assertThat(chapterIds).containsExactly("c1", "c2", "c3", "c4", "c5");
  }

  @Test
  @DisplayName("exposes demo accounts whose participant ids and roles are the seeded ones")
  void accounts() {
    Conference c = seeded(new ArrayList<>());
    List<DemoConference.DemoAccount> accounts = DemoConference.accounts();
    assertThat(accounts).extracting(DemoConference.DemoAccount::role)
        .contains(Role.CHAIR, Role.SECRETARY, Role.HOST, Role.DELEGATE);
    assertThat(accounts).filteredOn(a -> a.role() == Role.HOST).extracting(DemoConference.DemoAccount::endpointCode)
        .containsExactlyInAnyOrder("DTP", "HNI");
    assertThat(accounts).filteredOn(a -> a.role() == Role.DELEGATE).hasSize(5);
    assertThat(accounts).extracting(DemoConference.DemoAccount::username).doesNotHaveDuplicates();
    for (DemoConference.DemoAccount a : accounts) {
      Participant p = c.participant(a.participantId()).orElseThrow();
      assertThat(p.displayName()).isEqualTo(a.displayName());
      assertThat(p.roles()).contains(a.role());
      assertThat(c.endpoint(p.endpointId()).orElseThrow().code()).isEqualTo(a.endpointCode());
    }
  }

  @Test
  @DisplayName("uses fixed command ids from the organizer, so seeding twice is harmless")
  void idempotent() {
    List<CommandEnvelope> commands = DemoConference.commands();
    assertThat(commands.get(0).commandId()).isEqualTo("demo-001");
    assertThat(commands).allSatisfy(e -> assertThat(e.actor()).isEqualTo(DemoConference.ORGANIZER));
    List<RecordedEvent> log = new ArrayList<>();
    Conference c = seeded(log);
    for (CommandEnvelope env : commands) {
      assertThat(c.decide(env, Instant.now())).isInstanceOf(Decision.AlreadyApplied.class);
    }
    Conference replayed = Conference.empty("demo-test", SEALER);
    log.forEach(replayed::apply);
    assertThat(replayed.snapshot()).isEqualTo(c.snapshot());
  }
}
