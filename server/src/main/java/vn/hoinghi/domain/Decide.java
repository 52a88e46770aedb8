package vn.hoinghi.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One call of {@link Conference#decide}: the command's envelope and actor, the decision time, the events decided so far
 * and the sequence numbers they will get. Ids of new objects are derived from those sequence numbers ({@code ann-57}
 * is introduced by event 57), so replay reproduces them from the log alone.
 */
final class Decide {

  final CommandEnvelope env;
  final Instant now;
  private final long firstSeq;
  private final Participant participant;
  private final Permissions.Rule rule;
  private final List<Event> events = new ArrayList<>();

  Decide(CommandEnvelope env, Instant now, long firstSeq, Participant participant, Permissions.Rule rule) {
    this.env = env;
    this.now = now;
    this.firstSeq = firstSeq;
    this.participant = participant;
    this.rule = rule;
  }

  /** The id of the object the next emitted event introduces. */
  String nextId(String prefix) {
    return prefix + "-" + (firstSeq + events.size());
  }

  void emit(Event e) {
    events.add(e);
  }

  List<Event> events() {
    return events;
  }

  Actor actor() {
    return env.actor();
  }

  /** The actor as objects record it ({@code issuedBy}, {@code hiddenBy}…). */
  String actorName() {
    return env.actor().recordedName();
  }

  boolean isParticipant() {
    return participant != null;
  }

  /** The acting participant; only call from handlers of commands that the table gives to roles only. */
  Participant participant() {
    if (participant == null) {
      throw Reject.forbidden("Thao tác này chỉ dành cho người tham dự hội nghị", "Only a participant may do this");
    }
    return participant;
  }

  boolean has(Role r) {
    return participant != null && participant.has(r);
  }

  /** For endpoint-scoped commands: refuses unless the actor may act for {@code endpointId}. */
  void requireEndpointScope(String endpointId) {
    if (!Permissions.mayTarget(rule, env.actor().kind(), participant, endpointId)) {
      throw Reject.forbidden("Bạn chỉ được thao tác cho điểm cầu của mình", "You may only do this for your own endpoint");
    }
  }
}
