package vn.hoinghi.live;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import vn.hoinghi.domain.Viewer;

/** A connection following one conference. Its methods are called on its own {@link #context()}. */
public interface Subscriber {

  /** The event loop the connection lives on. */
  Context context();

  /** Who is looking: decides which events, tallies and presence details it receives. */
  Viewer viewer();

  /** Writes one text frame (shared by many subscribers: never modify it). */
  void deliver(Buffer frame);

  /**
   * Writes a frame that is also given already encoded for the wire ({@link WireFrame}); a connection that can write
   * raw bytes sends {@code wire} (taking its own reference), others fall back to {@link #deliver(Buffer)}.
   */
  default void deliver(Buffer frame, io.netty.buffer.ByteBuf wire) {
    deliver(frame);
  }

  /** The participant behind this connection was removed from the conference: it must stop following it. */
  default void revoked() {}

  /**
   * The conference could not be caught up or loaded again on this node (it was being unloaded as idle and the store
   * failed to load it back): the connection should close, and the client reconnect and resume.
   */
  default void unavailable() {}

  /** The session this connection's token was issued for (0 when none was started). */
  default int session() {
    return 0;
  }

  /** The participant's session {@code current} started elsewhere, or their sessions were ended: stop following. */
  default void sessionEnded(int current) {}
}
