package vn.hoinghi.live;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;

/**
 * A WebSocket text frame, header and payload, as the bytes that go on the wire. Frames from a server are not masked,
 * so the bytes are the same for every client: a fan-out encodes them once per event loop and hands every connection a
 * reference to the same buffer, instead of encoding (and, for small frames, copying) once per connection.
 */
public final class WireFrame {
  private WireFrame() {}

  /** The caller owns the returned buffer (reference count 1) and releases it after the fan-out. */
  public static ByteBuf text(Buffer utf8) {
    ByteBuf payload = ((BufferInternal) utf8).getByteBuf();
    int len = payload.readableBytes();
    int header = len < 126 ? 2 : len < 65_536 ? 4 : 10;
    ByteBuf out = PooledByteBufAllocator.DEFAULT.directBuffer(header + len);
    out.writeByte(0x81); // FIN, text
    if (len < 126) {
      out.writeByte(len);
    } else if (len < 65_536) {
      out.writeByte(126);
      out.writeShort(len);
    } else {
      out.writeByte(127);
      out.writeLong(len);
    }
    out.writeBytes(payload, payload.readerIndex(), len);
    return out;
  }
}
