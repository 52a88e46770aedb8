package vn.hoinghi.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The groups of events the live engine follows without listing them (docs/architecture.md): a new event that belongs
 * to a group but does not implement it would leave the tally clock or the fan-out behind; these tests say so.
 */
@DisplayName("Event groups: VoteEvent, RosterEvent, SessionEvent")
class EventGroupsTest {

  private static Set<String> components(Class<?> record) {
    return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toSet());
  }

  @Test
  @DisplayName("Event.records() lists every event record once, through the groups, and no group itself")
  void recordsFlattenTheGroups() {
    List<Class<?>> records = Event.records();
    assertThat(records).allMatch(Class::isRecord).doesNotHaveDuplicates()
        .contains(Event.BallotCast.class, Event.ParticipantRemoved.class, Event.SessionStarted.class,
            Event.ConferenceCreated.class);
  }

  @Test
  @DisplayName("every event of one vote (a voteId) is a VoteEvent, and only those")
  void voteEvents() {
    for (Class<?> c : Event.records()) {
      assertThat(Event.VoteEvent.class.isAssignableFrom(c)).as(c.getSimpleName())
          .isEqualTo(components(c).contains("voteId"));
    }
  }

  @Test
  @DisplayName("every event with a participant and a session number is a SessionEvent, and only those")
  void sessionEvents() {
    for (Class<?> c : Event.records()) {
      assertThat(Event.SessionEvent.class.isAssignableFrom(c)).as(c.getSimpleName())
          .isEqualTo(components(c).containsAll(Set.of("participantId", "session")));
    }
  }

  @Test
  @DisplayName("the roster events are the ones that add, list, change or remove participants")
  void rosterEvents() {
    List<Class<?>> roster = Event.records().stream().filter(Event.RosterEvent.class::isAssignableFrom).toList();
    assertThat(roster).containsExactlyInAnyOrder(Event.ParticipantRegistered.class, Event.ParticipantUpdated.class,
        Event.ParticipantRemoved.class, Event.DelegatesListed.class);
  }
}
