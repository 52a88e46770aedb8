package vn.hoinghi.gateway;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client on a bare socket, for hostile input: it sends any bytes in a text frame (invalid UTF-8
 * included, which the JDK's client cannot), binary and fragmented frames, frames over the size limit, and pipelines
 * many frames before reading. Blocking and single-threaded: one per worker thread.
 */
final class RawWebSocket implements AutoCloseable {
  static final int TEXT = 1;
  static final int BINARY = 2;
  static final int CONTINUATION = 0;
  static final int CLOSE = 8;
  static final int PING = 9;
  static final int PONG = 10;

  /** A received frame; for a close frame, {@code closeCode} is set. */
  record Frame(int opcode, byte[] payload, int closeCode) {
    String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }
  }

  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;
  private boolean closed;

  private RawWebSocket(Socket socket) throws IOException {
    this.socket = socket;
    this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 64 * 1024));
    this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
  }

  /** Opens /ws with the hoinghi.v1 subprotocol; {@code timeoutMs} bounds every later read. */
  static RawWebSocket connect(int port, int timeoutMs) throws IOException {
    Socket s = new Socket();
    s.setTcpNoDelay(true);
    s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    s.setSoTimeout(timeoutMs);
    RawWebSocket ws = new RawWebSocket(s);
    byte[] key = new byte[16];
    ThreadLocalRandom.current().nextBytes(key);
    String req = "GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\nSec-WebSocket-Version: 13\r\n"
        + "Sec-WebSocket-Protocol: " + Gateway.SUBPROTOCOL + "\r\n\r\n";
    ws.out.write(req.getBytes(StandardCharsets.US_ASCII));
    ws.out.flush();
    String head = ws.readHead();
    if (!head.startsWith("HTTP/1.1 101")) throw new IOException("upgrade refused: " + head.lines().findFirst().orElse(""));
    return ws;
  }

  private String readHead() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int state = 0;
    while (state < 4) {
      int c = in.read();
      if (c < 0) throw new EOFException("closed during the upgrade");
      b.write(c);
      state = (c == '\r' && (state == 0 || state == 2)) || (c == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
    }
    return b.toString(StandardCharsets.US_ASCII);
  }

  void sendText(byte[] utf8) throws IOException {
    frame(TEXT, true, utf8, 0, utf8.length);
  }

  /** One message split into {@code parts} frames (a text frame, then continuations). */
  void sendFragmented(int opcode, byte[] payload, int parts) throws IOException {
    int step = Math.max(1, payload.length / parts);
    int off = 0;
    boolean first = true;
    while (true) {
      int len = Math.min(step, payload.length - off);
      boolean last = off + len >= payload.length;
      frame(first ? opcode : CONTINUATION, last, payload, off, len);
      first = false;
      off += len;
      if (last) return;
    }
  }

  void sendBinary(byte[] payload) throws IOException {
    frame(BINARY, true, payload, 0, payload.length);
  }

  void sendClose(int code) throws IOException {
    frame(CLOSE, true, new byte[] {(byte) (code >> 8), (byte) code}, 0, 2);
    flush();
  }

  void flush() throws IOException {
    out.flush();
  }

  /** A client frame: always masked, as RFC 6455 requires (an unmasked one is a protocol error). */
  void frame(int opcode, boolean fin, byte[] payload, int off, int len) throws IOException {
    out.write((fin ? 0x80 : 0) | opcode);
    if (len < 126) {
      out.write(0x80 | len);
    } else if (len < 65536) {
      out.write(0x80 | 126);
      out.write(len >> 8);
      out.write(len);
    } else {
      out.write(0x80 | 127);
      for (int i = 7; i >= 0; i--) out.write((int) ((long) len >> (8 * i)));
    }
    int mask = ThreadLocalRandom.current().nextInt();
    byte[] m = {(byte) (mask >> 24), (byte) (mask >> 16), (byte) (mask >> 8), (byte) mask};
    out.write(m);
    byte[] masked = new byte[len];
    for (int i = 0; i < len; i++) masked[i] = (byte) (payload[off + i] ^ m[i & 3]);
    out.write(masked);
  }

  /** The next frame from the server, answering pings on the way; null on a read timeout. */
  Frame read() throws IOException {
    while (true) {
      int b0;
      try {
        b0 = in.read();
      } catch (SocketTimeoutException e) {
        return null;
      }
      if (b0 < 0) throw new EOFException("connection closed without a close frame");
      int b1 = in.readUnsignedByte();
      long len = b1 & 0x7f;
      if (len == 126) len = in.readUnsignedShort();
      else if (len == 127) len = in.readLong();
      byte[] payload = new byte[(int) len];
      in.readFully(payload);
      int opcode = b0 & 0x0f;
      if (opcode == PING) {
        frame(PONG, true, payload, 0, payload.length);
        flush();
        continue;
      }
      if (opcode == CLOSE) {
        closed = true;
        int code = payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
        return new Frame(opcode, payload, code);
      }
      // The server sends whole text messages (never fragmented): each is held to the protocol schema.
      if (opcode == TEXT && (b0 & 0x80) != 0) {
        vn.hoinghi.testing.FrameSchemaCheck.received(new io.vertx.core.json.JsonObject(new String(payload, StandardCharsets.UTF_8)));
      }
      return new Frame(opcode, payload, 0);
    }
  }

  boolean closedByServer() {
    return closed;
  }

  @Override
  public void close() {
    try {
      if (!closed && !socket.isClosed()) sendClose(1000);
    } catch (IOException ignored) {
      // the server may have gone already
    }
    try {
      socket.close();
    } catch (IOException ignored) {
      // nothing to do
    }
  }

}
