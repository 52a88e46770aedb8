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
}
