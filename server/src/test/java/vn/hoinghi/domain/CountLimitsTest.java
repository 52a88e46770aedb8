package vn.hoinghi.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.domain.Command.*;

/**
 * The count bounds that take thousands of commands to reach. Filled with a plain writer loop (no per-step snapshot
 * comparison, to stay fast); the command past the bound must be refused with LIMIT and change nothing.
 */
@DisplayName("Count limits")
class CountLimitsTest {

  private final World w = World.live();
  private int counter;

  /** Sends and applies without the harness's per-step checks. */
  private Decision fast(Actor actor, Command command) {
    Conference c = w.conf();
    String id = "fill-" + (++counter);
    Decision d = c.decide(new CommandEnvelope(id, actor, command), w.h.now);
    if (d instanceof Decision.Accepted a) {
      w.h.commit(id, a);
    }
    return d;
  }

  private void fill(int times, java.util.function.IntFunction<Decision> send) {
    for (int i = 0; i < times; i++) {
      assertThat(send.apply(i)).as("command %d", i).isInstanceOf(Decision.Accepted.class);
    }
  }

  @Test
  @DisplayName("at most 20,000 endpoints")
  void endpoints() {
    int existing = w.conf().endpoints().size();
    fill(Limits.ENDPOINTS - existing, i -> fast(World.ORGANIZER, new AddEndpoint("E" + i, "Xã " + i, null, EndpointLevel.COMMUNE)));
    w.h.rejected(World.ORGANIZER, new AddEndpoint("ELAST", "Xã cuối", null, EndpointLevel.COMMUNE), RejectionCode.LIMIT);
  }

  @Test
  @DisplayName("at most 20,000 invites")
  void invites() {
    fill(Limits.INVITES, i -> fast(World.ORGANIZER, new IssueInvite(Harness.inviteCode(i), Role.DELEGATE, w.dtp, 1,
        w.h.now.plus(Duration.ofDays(1)))));
    w.h.rejected(World.ORGANIZER, new IssueInvite(Harness.inviteCode(Limits.INVITES), Role.DELEGATE, w.dtp, 1, w.h.now.plus(Duration.ofDays(1))),
        RejectionCode.LIMIT);
  }

  @Test
  @DisplayName("at most 2,000 votes")
  void votes() {
    fill(Limits.VOTES, i -> {
      Decision d = fast(w.as(w.chair), new OpenVote(null, List.of("d1"), null));
      String vote = ((Event.VoteOpened) ((Decision.Accepted) d).events().get(0)).voteId();
      fast(w.as(w.chair), new CloseVote(vote));
      return d;
    });
    w.h.rejected(w.as(w.chair), new OpenVote(null, List.of("d1"), null), RejectionCode.LIMIT);
  }

  @Test
  @DisplayName("at most 5,000 waiting requests for the floor")
  void waitingRequests() {
    fill(Limits.WAITING_REQUESTS, i -> {
      Decision d = fast(World.ORGANIZER, new RegisterParticipant("Đại biểu " + i, Set.of(Role.DELEGATE), w.dtp));
      String p = ((Event.ParticipantRegistered) ((Decision.Accepted) d).events().get(0)).participantId();
      return fast(Actor.participant(p), new RequestFloor(FloorKind.CONTRIBUTION, null, false));
    });
    w.h.rejected(w.as(w.delegateDtp), new RequestFloor(FloorKind.CONTRIBUTION, null, false), RejectionCode.LIMIT);
    assertThat(w.conf().waitingRequests()).hasSize(Limits.WAITING_REQUESTS);
  }

  @Test
  @DisplayName("at most 200,000 participants, however they join")
  void participants() {
    int existing = w.conf().participants().size();
    fill(Limits.PARTICIPANTS - existing - 1, i ->
        fast(World.ORGANIZER, new RegisterParticipant("Người " + i, Set.of(Role.OBSERVER), null)));
    w.h.ok(World.ORGANIZER, new IssueInvite("LASTSEATS2", Role.OBSERVER, w.dtp, 5, w.h.now.plus(Duration.ofDays(1))));
    w.h.ok(Actor.anonymous(), new JoinWithInvite("LASTSEATS2", "Người cuối cùng"));
    w.h.rejected(Actor.anonymous(), new JoinWithInvite("LASTSEATS2", "Một người nữa"), RejectionCode.LIMIT);
    w.h.rejected(World.ORGANIZER, new RegisterParticipant("Một người nữa", Set.of(Role.OBSERVER), null), RejectionCode.LIMIT);
  }
}
