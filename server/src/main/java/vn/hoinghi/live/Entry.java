package vn.hoinghi.live;

import vn.hoinghi.domain.Audience;
import vn.hoinghi.domain.RecordedEvent;
import vn.hoinghi.wire.Encoded;
import vn.hoinghi.wire.EventFrame;

/**
 * A committed event ready for fan-out: its wire frame is encoded once, here, and shared by every
 * connection that may see it. {@code submitter} is the participant whose command produced it (kept
 * in memory only, so that an anonymous ballot's echo reaches its voter's other devices without the
 * log ever saying who voted).
 */
public record Entry(RecordedEvent recorded, Encoded<EventFrame> frame, Audience audience, String submitter) {
  public long seq() {
    return recorded.seq();
  }
}
