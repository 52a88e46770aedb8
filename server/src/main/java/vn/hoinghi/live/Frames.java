package vn.hoinghi.live;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import vn.hoinghi.domain.ConferenceView;
import vn.hoinghi.domain.RecordedEvent;
import vn.hoinghi.wire.Codec;
import vn.hoinghi.wire.Encoded;
import vn.hoinghi.wire.EventFrame;
import vn.hoinghi.wire.ServerMessage;

/**
 * The server-to-client frames of the feed: {@link ServerMessage} records encoded once into a buffer that every
 * connection shares. Formats are in docs/protocol.md.
 */
final class Frames {
  /** Events per "events" frame when catching a client up from the recent window. */
  static final int EVENTS_PER_FRAME = 500;

  private Frames() {}

  /** One event inside an "events" frame, encoded once when it is committed (or read from the log). */
  static Encoded<EventFrame> event(RecordedEvent re, String dataJson) {
    return new Encoded<>(Codec.encode(new EventFrame(re.seq(), Codec.typeOf(re.event()), re.at(),
        new Encoded<>(dataJson))));
  }

  static Buffer events(long upTo, List<Encoded<EventFrame>> eventFrames) {
    return message(new ServerMessage.EventsMessage(upTo, eventFrames));
  }

  static Buffer snapshot(long upTo, Instant serverTime, ConferenceView view) {
    return message(new ServerMessage.SnapshotMessage(upTo, serverTime, view));
  }

  /** A server message as the UTF-8 bytes of one text frame. */
  static Buffer message(ServerMessage m) {
    return Buffer.buffer(Codec.encodeBytes(m));
  }

  static Buffer buffer(String json) {
    return Buffer.buffer(json.getBytes(StandardCharsets.UTF_8));
  }
}
