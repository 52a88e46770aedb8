package vn.hoinghi.live;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.hoinghi.domain.Audience;
import vn.hoinghi.domain.Conference;
import vn.hoinghi.domain.Event;
import vn.hoinghi.domain.Viewer;
import vn.hoinghi.wire.Encoded;
import vn.hoinghi.wire.EventFrame;

/**
 * The subscribers of one conference on this node and the delivery of frames to them. Each committed event's JSON was
 * encoded once (in its {@link Entry}); its audience selects the subscribers: "everyone" events share one frame, the few
 * subscribers that may see more get their own, encoded once per distinct subsequence. Each event loop's
 * {@link LocalFeed} gets one task per publication. Indexes by participant and of the moderators make the selection
 * cheap. Used on the writer's context only.
 */
final class Fanout implements TallyClock.Watchers {
  private final Replica replica;
  private final WriterClock clock;
  private final SnapshotEncoder snapshots = new SnapshotEncoder();
  private final Map<Context, LocalFeed> feeds = new HashMap<>();
  private final Set<Subscriber> subscribers = new LinkedHashSet<>();
  private final Map<String, Set<Subscriber>> byParticipant = new HashMap<>();
  private final Set<Subscriber> moderators = new HashSet<>();

  Fanout(Replica replica, WriterClock clock) {
    this.replica = replica;
    this.clock = clock;
  }

  /** Adds a subscriber; false when it was attached already. */
  boolean add(Subscriber s) {
    if (!subscribers.add(s)) return false;
    index(s);
    return true;
  }

  /** Starts live delivery to {@code s} on its event loop, after the catch-up frames. */
  void start(Subscriber s, List<Buffer> catchUp) {
    LocalFeed feed = feeds.computeIfAbsent(s.context(), LocalFeed::new);
    s.context().runOnContext(x -> feed.add(s, catchUp));
  }

  /** Removes a subscriber; false when it was not attached. */
  boolean remove(Subscriber s) {
    if (!subscribers.remove(s)) return false;
    unindex(s);
    LocalFeed feed = feeds.get(s.context());
    if (feed != null) s.context().runOnContext(x -> feed.remove(s));
    return true;
  }

  /**
   * The frames that bring a client from {@code resumeAfter} (the "upTo" of its last frame, or null) to the present:
   * the events after it that it may see, from the recent window, or a snapshot when it is too far behind.
   */
  List<Buffer> catchUp(Viewer viewer, Long resumeAfter) {
    Conference conference = replica.state();
    long committed = replica.committed();
    List<Buffer> out = new ArrayList<>();
    boolean fromWindow = resumeAfter != null && resumeAfter >= 0 && resumeAfter <= committed
        && resumeAfter >= replica.oldestInWindow() - 1;
    if (!fromWindow) {
      out.add(snapshots.encode(committed, clock.instant(), conference.views().viewFor(viewer, clock.instant())));
      return out;
    }
    List<Encoded<EventFrame>> batch = new ArrayList<>();
    long upTo = resumeAfter;
    for (Entry e : replica.window()) {
      if (e.seq() <= resumeAfter) continue;
      upTo = e.seq();
      if (visible(e, viewer)) batch.add(e.frame());
      if (batch.size() == Frames.EVENTS_PER_FRAME) {
        out.add(Frames.events(upTo, batch));
        batch = new ArrayList<>();
      }
    }
    // Always end with a frame that says how far the client is caught up, even with nothing new.
    out.add(Frames.events(committed, batch));
    return out;
  }

  /**
   * Judged now, not at commit: the audience of an annotation's text follows its current visibility, so a client
   * resuming from before a hide or a delete must not get the text again (docs/domain.md, "Visibility").
   */
  private boolean visible(Entry e, Viewer viewer) {
    Conference conference = replica.state();
    Audience a = conference.views().audienceOf(e.recorded().event());
    return a instanceof Audience.Everyone || conference.views().admits(a, viewer);
  }

  /** Hands committed events to each event loop's feed, encoded once per distinct audience subsequence. */
  void publish(List<Entry> entries) {
    if (subscribers.isEmpty() || entries.isEmpty()) return;
    long upTo = entries.get(entries.size() - 1).seq();
    List<Encoded<EventFrame>> everyone = new ArrayList<>();
    Map<Subscriber, List<Encoded<EventFrame>>> special = new LinkedHashMap<>();
    for (Entry e : entries) {
      if (e.audience() instanceof Audience.Everyone) {
        everyone.add(e.frame());
        for (List<Encoded<EventFrame>> own : special.values()) own.add(e.frame());
        continue;
      }
      for (Subscriber s : targets(e)) {
        special.computeIfAbsent(s, k -> new ArrayList<>(everyone)).add(e.frame());
      }
    }
    // Who a connection is may have changed (removed, new roles, a newer session): close what must close, re-index.
    if (entries.stream().map(e -> e.recorded().event())
        .anyMatch(ev -> ev instanceof Event.RosterEvent || ev instanceof Event.SessionEvent)) {
      revokeRemoved(entries);
      reindexAll();
    }
    Buffer everyoneFrame = everyone.isEmpty() ? null : Frames.events(upTo, everyone);
    Map<Subscriber, Buffer> own = new HashMap<>();
    Map<List<Encoded<EventFrame>>, Buffer> encoded = new HashMap<>();
    for (Map.Entry<Subscriber, List<Encoded<EventFrame>>> s : special.entrySet()) {
      own.put(s.getKey(), encoded.computeIfAbsent(s.getValue(), l -> Frames.events(upTo, l)));
    }
    deliver(everyoneFrame, own);
  }

  /**
   * One task per event loop: {@code everyone} (or null) to each subscriber not in {@code own}, which get their own
   * frame.
   */
  void deliver(Buffer everyone, Map<Subscriber, Buffer> own) {
    Map<Context, Map<Subscriber, Buffer>> byContext = new HashMap<>();
    own.forEach((s, b) -> byContext.computeIfAbsent(s.context(), c -> new HashMap<>()).put(s, b));
    for (LocalFeed feed : feeds.values()) {
      Map<Subscriber, Buffer> mine = byContext.getOrDefault(feed.context, Map.of());
      if (everyone == null && mine.isEmpty()) continue;
      feed.context.runOnContext(v -> feed.publish(everyone, mine));
    }
  }

  /** A removed participant's open connections are closed (4003): otherwise the public feed would go on reaching them. */
  private void revokeRemoved(List<Entry> entries) {
    for (Entry e : entries) {
      Event ev = e.recorded().event();
      if (ev instanceof Event.ParticipantRemoved r) {
        for (Subscriber s : List.copyOf(byParticipant.getOrDefault(r.participantId(), Set.of()))) {
          s.context().runOnContext(v -> s.revoked());
        }
      }
      // One person, one session: a sign-in on another device (or sessions ended by a host) closes the earlier ones.
      if (ev instanceof Event.SessionEvent session) {
        int current = session.session();
        for (Subscriber s : List.copyOf(byParticipant.getOrDefault(session.participantId(), Set.of()))) {
          if (s.session() < current) s.context().runOnContext(v -> s.sessionEnded(current));
        }
      }
    }
  }

  /** The attached subscribers that may see a non-public event. */
  private Set<Subscriber> targets(Entry e) {
    Conference conference = replica.state();
    Audience a = e.audience();
    Set<Subscriber> out = new LinkedHashSet<>();
    if (a instanceof Audience.Participant p) {
      out.addAll(byParticipant.getOrDefault(p.participantId(), Set.of()));
    } else if (a instanceof Audience.ParticipantAndModerators p) {
      out.addAll(byParticipant.getOrDefault(p.participantId(), Set.of()));
      out.addAll(moderators);
    } else if (a instanceof Audience.Voter) {
      // Only the voter's own connections: the submitter is known live; check with the sealer to be sure.
      if (e.submitter() != null) {
        for (Subscriber s : byParticipant.getOrDefault(e.submitter(), Set.of())) {
          if (conference.views().admits(a, s.viewer())) out.add(s);
        }
      }
    } else if (a instanceof Audience.Moderators) {
      out.addAll(moderators);
    } else {
      for (Subscriber s : subscribers) {
        if (conference.views().admits(a, s.viewer())) out.add(s);
      }
    }
    return out;
  }

  private void index(Subscriber s) {
    String pid = s.viewer().participantId();
    if (pid != null) byParticipant.computeIfAbsent(pid, k -> new LinkedHashSet<>()).add(s);
    if (replica.state().views().admits(Audience.MODERATORS, s.viewer())) moderators.add(s);
  }

  private void unindex(Subscriber s) {
    String pid = s.viewer().participantId();
    if (pid != null) {
      Set<Subscriber> set = byParticipant.get(pid);
      if (set != null) {
        set.remove(s);
        if (set.isEmpty()) byParticipant.remove(pid);
      }
    }
    moderators.remove(s);
  }

  /** Rebuilds the indexes from the current state (roster changes, a reload). */
  void reindexAll() {
    moderators.clear();
    byParticipant.clear();
    subscribers.forEach(this::index);
  }

  /** Sends a frame to every subscriber, or a different one to the moderators. */
  @Override
  public void broadcast(Buffer toEveryone, Buffer toModerators) {
    Set<Subscriber> mods = Set.copyOf(moderators);
    for (LocalFeed feed : feeds.values()) {
      feed.context.runOnContext(v -> feed.publishTo(mods, toModerators, toEveryone));
    }
  }

  @Override
  public boolean isModerator(Subscriber s) {
    return moderators.contains(s);
  }

  int feedCount() {
    return feeds.size();
  }

  @Override
  public int subscriberCount() {
    return subscribers.size();
  }

  Set<Subscriber> subscribers() {
    return subscribers;
  }
}
