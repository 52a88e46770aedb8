package vn.hoinghi.live;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The subscribers of one conference on one event loop. The writer hands it each publication with
 * one {@code runOnContext}, and it writes to its connections on their own thread, so a fan-out to
 * thousands of connections costs one hop per event loop, not one per connection. Everything here
 * runs on {@link #context}; deliveries arrive in the order the writer sent them.
 */
final class LocalFeed {
  final Context context;
  private final Set<Subscriber> subscribers = new LinkedHashSet<>();

  LocalFeed(Context context) {
    this.context = context;
  }

  /** Sends the catch-up frames, then starts live delivery: nothing between is lost or doubled. */
  void add(Subscriber s, Iterable<Buffer> catchUp) {
    for (Buffer b : catchUp) deliverSafely(s, b);
    subscribers.add(s);
  }

  void remove(Subscriber s) {
    subscribers.remove(s);
  }

  /**
   * @param everyone frame for every subscriber not in {@code special}, or null
   * @param special  subscribers that see a different subsequence, with their own frame
   */
  void publish(Buffer everyone, Map<Subscriber, Buffer> special) {
    // The frame for everyone is encoded for the wire once here, for all the connections of this event loop.
    io.netty.buffer.ByteBuf wire = everyone == null ? null : WireFrame.text(everyone);
    try {
      for (Subscriber s : subscribers) {
        Buffer own = special.isEmpty() ? null : special.get(s);
        if (own != null) {
          deliverSafely(s, own);
        } else if (everyone != null) {
          try {
            s.deliver(everyone, wire);
          } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(LocalFeed.class).debug("delivery failed: {}", e.getMessage());
          }
        }
      }
    } finally {
      if (wire != null) wire.release();
    }
  }

  /** One failing connection must not keep the frame from the others. */
  private static void deliverSafely(Subscriber s, Buffer frame) {
    try {
      s.deliver(frame);
    } catch (RuntimeException e) {
      org.slf4j.LoggerFactory.getLogger(LocalFeed.class).debug("delivery failed: {}", e.getMessage());
    }
  }

  /** A frame for some subscribers only (e.g. the moderators' tally with per-endpoint detail). */
  void publishTo(Set<Subscriber> targets, Buffer frame, Buffer others) {
    io.netty.buffer.ByteBuf wire = others == null ? null : WireFrame.text(others);
    try {
      for (Subscriber s : subscribers) {
        if (targets.contains(s)) {
          deliverSafely(s, frame);
        } else if (others != null) {
          try {
            s.deliver(others, wire);
          } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(LocalFeed.class).debug("delivery failed: {}", e.getMessage());
          }
        }
      }
    } finally {
      if (wire != null) wire.release();
    }
  }
}
