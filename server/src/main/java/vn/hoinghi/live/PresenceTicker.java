package vn.hoinghi.live;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import java.util.HashMap;
import java.util.Map;
import vn.hoinghi.domain.Conference;
import vn.hoinghi.domain.Participant;
import vn.hoinghi.domain.Role;
import vn.hoinghi.domain.Viewer;

/**
 * Sends {@link Presence} on its clock and shares it with the other nodes. Moderators and hosts get presence each
 * second it changed. Everyone else gets the summary less often as the audience grows (every N/3,000 s, at least each
 * second): in a national conference connections come and go all the time, and a summary per second to tens of
 * thousands of clients would cost more than it tells them. With several nodes, this node's counts are shared when they
 * changed (and every 5 s), and the others' read every 5 s or when they say they changed. On the writer's context.
 */
final class PresenceTicker {
  static final long INTERVAL_MS = 1_000;
  static final long SHARE_EVERY_MS = 5_000;

  private final Replica replica;
  private final Fanout fanout;
  private final Cluster cluster;
  private final WriterClock clock;
  private final Presence presence = new Presence();
  private long lastPublicPresence = WriterClock.NEVER;
  private long sharedPresenceVersion = -1;
  private long lastPresenceShare = WriterClock.NEVER;
  private long lastPresenceRead = WriterClock.NEVER;

  PresenceTicker(Replica replica, Fanout fanout, Cluster cluster, WriterClock clock) {
    this.replica = replica;
    this.fanout = fanout;
    this.cluster = cluster;
    this.clock = clock;
  }

  void connected(Viewer v) {
    presence.connected(v, replica.state());
  }

  void disconnected(Viewer v) {
    presence.disconnected(v, replica.state());
  }

  /** Connected to this node or, as last shared, to another one. */
  boolean onlineAnywhere(String participantId) {
    return presence.onlineAnywhere(participantId);
  }

  /** Another node's presence changed (or it is time to look): read the fresh rows, apply them on {@code writer}. */
  void readRemote(Context writer) {
    lastPresenceRead = clock.ticks();
    cluster.remotePresence(replica.conferenceId())
        .onSuccess(rows -> writer.runOnContext(v -> presence.setRemote(rows)));
  }

  /** This node's connection counts changed since it last shared them with the other nodes. */
  boolean unshared() {
    return cluster.shared() && presence.localVersion() != sharedPresenceVersion;
  }

  void tick(Context writer) {
    share(writer);
    var subscribers = fanout.subscribers();
    if (!presence.dirty() || subscribers.isEmpty()) return;
    long now = clock.ticks();
    boolean toEveryone = now - lastPublicPresence >= Math.max(INTERVAL_MS, subscribers.size() / 3L);
    if (toEveryone) lastPublicPresence = now;
    Conference conference = replica.state();
    Presence.Frames f = presence.frames(conference, clock.instant());
    Map<Subscriber, Buffer> special = new HashMap<>();
    for (Subscriber s : subscribers) {
      Buffer own = null;
      if (fanout.isModerator(s)) {
        own = f.moderators();
      } else if (s.viewer().participantId() != null) {
        Participant p = conference.participant(s.viewer().participantId()).orElse(null);
        if (p != null && p.has(Role.HOST)) own = f.hostsByEndpoint().get(p.endpointId());
      }
      if (own != null) special.put(s, own);
    }
    fanout.deliver(toEveryone ? f.everyone() : null, special);
    if (!toEveryone) presence.markDirty();
  }

  private void share(Context writer) {
    if (!cluster.shared()) return;
    long now = clock.ticks();
    if (presence.localVersion() != sharedPresenceVersion || now - lastPresenceShare >= SHARE_EVERY_MS) {
      sharedPresenceVersion = presence.localVersion();
      lastPresenceShare = now;
      cluster.publishPresence(replica.conferenceId(), presence.localPayload());
    }
    if (now - lastPresenceRead >= SHARE_EVERY_MS) readRemote(writer);
  }
}
