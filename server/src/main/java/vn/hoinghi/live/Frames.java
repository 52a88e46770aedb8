package vn.hoinghi.live;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import vn.hoinghi.domain.RecordedEvent;
import vn.hoinghi.wire.Codec;

/**
 * The server-to-client frames of the feed, built as strings once and shared. Formats are in
 * docs/protocol.md; field order is fixed so frames are easy to read in a capture.
 */
final class Frames {
  /** Events per "events" frame when catching a client up from the recent window. */
  static final int EVENTS_PER_FRAME = 500;

  private Frames() {}

  /** One event inside an "events" frame: {"seq":..,"type":..,"at":..,"data":{..}}. */
  static String event(RecordedEvent re, String dataJson) {
    return "{\"seq\":" + re.seq() + ",\"type\":\"" + Codec.typeOf(re.event()) + "\",\"at\":\"" + re.at()
        + "\",\"data\":" + dataJson + "}";
  }

  static Buffer events(long upTo, List<String> eventFrames) {
    StringBuilder sb = new StringBuilder(64 + eventFrames.size() * 160);
    sb.append("{\"type\":\"events\",\"upTo\":").append(upTo).append(",\"events\":[");
    for (int i = 0; i < eventFrames.size(); i++) {
      if (i > 0) sb.append(',');
      sb.append(eventFrames.get(i));
    }
    sb.append("]}");
    return buffer(sb.toString());
  }

  static Buffer snapshot(long upTo, Instant serverTime, Object view) {
    return buffer("{\"type\":\"snapshot\",\"upTo\":" + upTo + ",\"serverTime\":\"" + serverTime + "\",\"state\":"
        + Codec.encode(view) + "}");
  }

  static Buffer buffer(String json) {
    return Buffer.buffer(json.getBytes(StandardCharsets.UTF_8));
  }
}
