package vn.hoinghi.live;

import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.hoinghi.domain.Conference;
import vn.hoinghi.domain.EndpointTally;
import vn.hoinghi.domain.Event;
import vn.hoinghi.domain.Tally;
import vn.hoinghi.domain.Vote;
import vn.hoinghi.wire.ServerMessage;

/**
 * Live tallies are a projection sent on a clock, not an event per ballot: a ballot marks its vote
 * dirty, and on the clock ({@link #due}) each dirty vote's tally goes out once — overall counts to
 * everyone, per-endpoint detail to the moderators. So a client receives at most ten tally frames a
 * second per vote however many ballots arrive, fewer the larger the audience while a burst lasts,
 * and the final count soon after the last ballot.
 */
final class TallyClock {
  /** The tick: dirty tallies are looked at this often, and never sent more often. */
  static final long INTERVAL_MS = 100;

  /** Who receives tallies: the subscribers of the conference (implemented by {@link Fanout}). */
  interface Watchers {
    int subscriberCount();

    boolean isModerator(Subscriber s);

    /** Sends a frame to every subscriber, or a different one to the moderators. */
    void broadcast(Buffer toEveryone, Buffer toModerators);
  }

  private final Replica replica;
  private final Watchers audience;
  private final WriterClock clock;
  private final Set<String> dirty = new LinkedHashSet<>();

  TallyClock(Replica replica, Watchers audience, WriterClock clock) {
    this.replica = replica;
    this.audience = audience;
    this.clock = clock;
  }

  void noteAll(List<Entry> entries) {
    for (Entry e : entries) {
      String voteId = voteOf(e.recorded().event());
      if (voteId != null) {
        dirty.add(voteId);
        lastDirtyAt = clock.ticks();
      }
      // A removed participant's ballots leave the tallies of every open vote they had voted in.
      if (e.recorded().event() instanceof Event.BallotsWithdrawn w) {
        dirty.addAll(w.voteIds());
        lastDirtyAt = clock.ticks();
      }
    }
  }

  private static String voteOf(Event ev) {
    return ev instanceof Event.VoteEvent v ? v.voteId() : null;
  }

  /** Ballots stopped for this long: the flow is over, the final tally goes out at once. */
  static final long QUIET_MS = 150;

  /**
   * While ballots keep arriving, the interval between two tally frames grows with the audience: 100 ms up to 1,250
   * subscribers, then 80 µs per subscriber (15,000 → 1.2 s), at most 2 s; tally deliveries then stay near 12,500 a
   * second however many watch. When the flow stops (no new ballot for {@link #QUIET_MS}) the tally goes out on the
   * next tick, so every client still converges within about half a second of the last ballot.
   */
  static long busyIntervalMs(int subscribers) {
    return Math.max(INTERVAL_MS, Math.min(2_000, subscribers * 2L / 25));
  }

  /** Whether dirty tallies go out now. */
  static boolean due(long now, long lastSent, long lastDirtyAt, int subscribers) {
    long since = now - lastSent;
    if (since < INTERVAL_MS) return false;
    return now - lastDirtyAt >= QUIET_MS || since >= busyIntervalMs(subscribers);
  }

  private long lastSent = WriterClock.NEVER;
  private long lastDirtyAt = WriterClock.NEVER;

  void tick() {
    if (dirty.isEmpty()) return;
    long now = clock.ticks();
    if (!due(now, lastSent, lastDirtyAt, audience.subscriberCount())) return;
    lastSent = now;
    Conference c = replica.state();
    for (String voteId : dirty) {
      Vote vote = c.vote(voteId).orElse(null);
      if (vote == null) continue;
      audience.broadcast(frame(c, vote, false), frame(c, vote, true));
    }
    dirty.clear();
  }

  /** The tallies of open (and just closed) votes for a client that is attaching. */
  List<Buffer> currentFrames(Subscriber s) {
    Conference c = replica.state();
    boolean moderator = audience.isModerator(s);
    List<Buffer> out = new ArrayList<>();
    for (Vote v : c.votes()) {
      if (v.status() == vn.hoinghi.domain.VoteStatus.OPEN) out.add(frame(c, v, moderator));
    }
    return out;
  }

  private Buffer frame(Conference c, Vote vote, boolean detail) {
    List<ServerMessage.ArticleTally> articles = new ArrayList<>(vote.articleIds().size());
    for (String articleId : vote.articleIds()) {
      Tally t = c.tally(vote.id(), articleId);
      Map<String, ServerMessage.TallyCounts> byEndpoint = null;
      if (detail) {
        byEndpoint = new LinkedHashMap<>();
        for (Map.Entry<String, EndpointTally> e : t.byEndpoint().entrySet()) {
          EndpointTally et = e.getValue();
          byEndpoint.put(e.getKey(), new ServerMessage.TallyCounts(et.agree(), et.disagree(), et.other(), et.total(),
              et.collective(), et.alternatives()));
        }
      }
      // Counts per alternative id, the same object as in the REST tally and the snapshot (docs/protocol.md).
      articles.add(new ServerMessage.ArticleTally(articleId, t.agree(), t.disagree(), t.other(), t.total(),
          t.alternatives(), byEndpoint));
    }
    return Frames.message(new ServerMessage.TallyMessage(vote.id(), vote.status(), replica.committed(), articles));
  }
}
