package vn.hoinghi.live;

import io.vertx.core.Future;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoinghi.domain.BallotSealer;
import vn.hoinghi.domain.Conference;
import vn.hoinghi.domain.ConferenceSnapshot;
import vn.hoinghi.domain.RecordedEvent;
import vn.hoinghi.store.EventStore;
import vn.hoinghi.store.Snapshot;
import vn.hoinghi.store.StoredEvent;
import vn.hoinghi.wire.Codec;

/**
 * This node's copy of one conference: the state folded from the log, the last committed sequence, and the recent
 * window of encoded events kept for exact resume. Loaded from the latest snapshot (if it decodes) plus every later
 * event. Used on the writer's context only; every other part of the writer reads the state through it.
 */
final class Replica {
  private static final Logger LOG = LoggerFactory.getLogger(Replica.class);
  /** Recent events kept in memory to resume clients; older resumes get a snapshot. */
  static final int RING = 20_000;
  static final int READ_PAGE = 1_000;

  private final String conferenceId;
  private final EventStore store;
  private final BallotSealer sealer;
  private Conference conference;
  private long committed;
  private long loadedFrom;
  private final ArrayDeque<Entry> ring = new ArrayDeque<>();

  Replica(String conferenceId, EventStore store, BallotSealer sealer) {
    this.conferenceId = conferenceId;
    this.store = store;
    this.sealer = sealer;
  }

  String conferenceId() {
    return conferenceId;
  }

  Conference state() {
    return conference;
  }

  long committed() {
    return committed;
  }

  /** The tentative events of a round are committed: the state already holds them. */
  void committedRound(List<Entry> entries) {
    committed = conference.version();
    entries.forEach(this::remember);
  }

  /** The sequence the last load started from: its snapshot's, or 0. */
  long loadedFrom() {
    return loadedFrom;
  }

  Iterable<Entry> window() {
    return ring;
  }

  /** The oldest sequence the window can resume from. */
  long oldestInWindow() {
    return ring.isEmpty() ? committed + 1 : ring.peekFirst().seq();
  }

  /** Latest snapshot (if it decodes) plus every later event; rebuilds the recent window. */
  Future<Void> load() {
    ring.clear();
    return store.latestSnapshot(conferenceId).compose(snap -> {
      conference = restoreOrEmpty(snap);
      committed = conference.version();
      loadedFrom = committed;
      return replayFrom(committed);
    }).onSuccess(v -> LOG.debug("conference {} loaded at seq {}", conferenceId, committed));
  }

  /**
   * Builds the snapshot's encoder and decoder once (Jackson's per-type serializers and deserializers), so that the
   * first conference reloaded from a snapshot after a start answers as fast as the next ones.
   */
  static void warmUp(BallotSealer sealer) {
    try {
      String json = Codec.encode(Conference.empty("warm-up", sealer).snapshot());
      Conference.restore(Codec.mapper().readValue(json, ConferenceSnapshot.class), sealer);
    } catch (Exception e) {
      LOG.debug("snapshot warm-up failed: {}", e.toString());
    }
  }

  private Conference restoreOrEmpty(Optional<Snapshot> snap) {
    if (snap.isPresent()) {
      try {
        ConferenceSnapshot s = Codec.mapper().readValue(snap.get().payload(), ConferenceSnapshot.class);
        return Conference.restore(s, sealer);
      } catch (Exception e) {
        LOG.warn("snapshot of {} at {} unreadable, replaying from the start: {}", conferenceId, snap.get().seq(),
            e.getMessage());
      }
    }
    return Conference.empty(conferenceId, sealer);
  }

  private Future<Void> replayFrom(long after) {
    return store.read(conferenceId, after, READ_PAGE).compose(page -> {
      for (StoredEvent se : page) apply(se);
      return page.size() < READ_PAGE ? Future.succeededFuture() : replayFrom(committed);
    });
  }

  /**
   * Applies the next page of the log, as far as it follows on from this replica without a gap; returns the entries
   * applied (to publish).
   */
  List<Entry> applyPage(List<StoredEvent> page) {
    List<Entry> entries = new ArrayList<>();
    for (StoredEvent se : page) {
      if (se.seq() != conference.version() + 1) break;
      entries.add(apply(se));
    }
    return entries;
  }

  private Entry apply(StoredEvent se) {
    RecordedEvent re = new RecordedEvent(se.seq(), se.actor(), se.commandId(), se.at(),
        Codec.decodeEvent(se.type(), se.payload()));
    conference.apply(re);
    Entry e = new Entry(re, Frames.event(re, DraftFrames.data(conference, re, se.payload())),
        conference.views().audienceOf(re.event()), null);
    remember(e);
    committed = se.seq();
    return e;
  }

  private void remember(Entry e) {
    ring.addLast(e);
    while (ring.size() > RING) ring.removeFirst();
  }

  /**
   * After a reload: the events past {@code publishedUpTo} that the clients were not sent (a failed append that
   * committed all the same, only its answer lost). The failed round's own entries give back who submitted each (kept
   * in memory only, see Entry).
   */
  List<Entry> unpublished(long publishedUpTo, List<Entry> tentative) {
    Map<Long, Entry> mine = new HashMap<>();
    for (Entry e : tentative) mine.put(e.seq(), e);
    List<Entry> late = new ArrayList<>();
    for (Entry e : ring) {
      if (e.seq() <= publishedUpTo) continue;
      Entry t = mine.get(e.seq());
      boolean same = t != null && Objects.equals(t.recorded().commandId(), e.recorded().commandId());
      late.add(same ? new Entry(e.recorded(), e.frame(), e.audience(), t.submitter()) : e);
    }
    return late;
  }
}
