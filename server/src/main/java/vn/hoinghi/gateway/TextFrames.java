package vn.hoinghi.gateway;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;
import io.vertx.core.internal.buffer.BufferInternal;

/**
 * A text frame over an already-encoded UTF-8 buffer. Vert.x's public API only makes text frames
 * from a String, which would encode the same JSON once per connection; this wraps a slice of the
 * shared buffer instead, so a fan-out encodes each frame once.
 */
final class TextFrames {
  private TextFrames() {}

  static WebSocketFrame of(Buffer utf8) {
    return new WebSocketFrameImpl(WebSocketFrameType.TEXT, ((BufferInternal) utf8).getByteBuf(), true);
  }
}
