package vn.hoinghi.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A conference with a writer loop as the server will run it: decide, append to an in-memory log with the recorded
 * actor and commandId, apply. Every decision is checked not to change the state; {@link #rejected} also checks the
 * rejection code and that nothing changed.
 */
final class Harness {

  static final Instant START = Instant.parse("2024-09-10T07:00:00Z");

  final Conference conf;
  final List<RecordedEvent> log = new ArrayList<>();
  Instant now = START;
  private int counter;

  /** A distinct invite code of the drawn shape for each n (its digits in the code alphabet). */
  static String inviteCode(long n) {
    StringBuilder sb = new StringBuilder();
    int base = InviteRules.ALPHABET.length();
    for (int i = 0; i < InviteRules.LENGTH; i++, n = Math.floorDiv(n, base)) {
      sb.append(InviteRules.ALPHABET.charAt((int) Math.floorMod(n, base)));
    }
    return sb.reverse().toString();
  }

  Harness() {
    this(Conference.empty("conf-1", FixedSecretSealer.INSTANCE));
  }

  Harness(Conference conf) {
    this.conf = conf;
  }

  Decision send(String commandId, Actor actor, Command command) {
    ConferenceSnapshot before = conf.snapshot();
    Decision d = conf.decide(new CommandEnvelope(commandId, actor, command), now);
    assertThat(conf.snapshot()).as("decide must not change the state").isEqualTo(before);
    if (d instanceof Decision.Accepted a) {
      commit(commandId, a);
    }
    return d;
  }

  Decision send(Actor actor, Command command) {
    return send("cmd-" + (++counter), actor, command);
  }

  void commit(String commandId, Decision.Accepted a) {
    long seq = conf.version();
    for (Event e : a.events()) {
      RecordedEvent r = new RecordedEvent(++seq, a.recordedActor(), commandId, now, e);
      log.add(r);
      conf.apply(r);
    }
  }

  /** Sends a command that must be accepted; returns its events. */
  List<Event> ok(Actor actor, Command command) {
    Decision d = send(actor, command);
    assertThat(d).as("%s by %s", command, actor).isInstanceOf(Decision.Accepted.class);
    return ((Decision.Accepted) d).events();
  }

  /** Sends a command that must be accepted; returns its event of the given type. */
  <E extends Event> E ok(Actor actor, Command command, Class<E> type) {
    return ok(actor, command).stream().filter(type::isInstance).map(type::cast).findFirst()
        .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " from " + command));
  }

  /** Sends a command that must be refused with {@code code}, changing nothing; returns the rejection. */
  Rejection rejected(Actor actor, Command command, RejectionCode code) {
    ConferenceSnapshot before = conf.snapshot();
    Decision d = send(actor, command);
    assertThat(d).as("%s by %s", command, actor).isInstanceOf(Decision.Rejected.class);
    Rejection r = ((Decision.Rejected) d).rejection();
    assertThat(r.code()).as(r.messageEn()).isEqualTo(code);
    assertThat(r.messageVi()).isNotBlank();
    assertThat(r.messageEn()).isNotBlank();
    assertThat(conf.snapshot()).isEqualTo(before);
    return r;
  }

  void advance(Duration d) {
    now = now.plus(d);
  }

  Conference replay() {
    Conference c = Conference.empty(conf.conferenceId(), FixedSecretSealer.INSTANCE);
    log.forEach(c::apply);
    return c;
  }

  /** Replaying the log, and restoring a snapshot, both give exactly the live state. */
  void assertReplayEqualsLive() {
    ConferenceSnapshot live = conf.snapshot();
    assertThat(replay().snapshot()).as("replay equals live").isEqualTo(live);
    assertThat(Conference.restore(live, FixedSecretSealer.INSTANCE).snapshot()).as("restore equals live").isEqualTo(live);
    for (int i = 0; i < log.size(); i++) {
      assertThat(log.get(i).seq()).as("gap-free log").isEqualTo(i + 1);
    }
  }
}
