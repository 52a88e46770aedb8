package vn.hoinghi.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.testing.TestServer;
import vn.hoinghi.testing.TestServer.StoreKind;
import vn.hoinghi.testing.WsProbe;

/**
 * The graceful stop as docs/operations.md describes it: new handshakes get 503 while open WebSockets are closed with
 * 1001, and the listener stays up until their close handshakes have ended or {@link Application#CLOSE_HANDSHAKE_MS}
 * has passed.
 */
@DisplayName("Graceful stop")
class ShutdownDrainTest {

  /** A WebSocket spoken by hand, to see the close handshake on the wire (or to never answer it). */
  private static final class RawWebSocket implements AutoCloseable {
    final Socket socket;
    final DataInputStream in;

    RawWebSocket(int port) throws IOException {
      socket = new Socket("127.0.0.1", port);
      socket.setSoTimeout(5_000);
      in = new DataInputStream(socket.getInputStream());
      socket.getOutputStream().write(upgrade(port).getBytes(StandardCharsets.US_ASCII));
      String head = readHead(in);
      if (!head.startsWith("HTTP/1.1 101")) throw new IOException("not upgraded: " + head);
    }

    /** Reads one frame; returns its close code, or -1 for any other frame. */
    int readFrame() throws IOException {
      int b0 = in.readUnsignedByte();
      int len = in.readUnsignedByte() & 0x7f;
      if (len == 126) len = in.readUnsignedShort();
      else if (len == 127) len = (int) in.readLong();
      byte[] payload = new byte[len];
      in.readFully(payload);
      return (b0 & 0x0f) == 0x8 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : -1;
    }

    /** Reads frames until a close frame; returns its code. */
    int awaitClose() throws IOException {
      int code;
      do {
        code = readFrame();
      } while (code < 0);
      return code;
    }

    /** Answers the close frame, as a client must (masked). */
    void answerClose(int code) throws IOException {
      byte[] mask = {1, 2, 3, 4};
      byte[] payload = {(byte) (code >> 8), (byte) code};
      byte[] frame = {(byte) 0x88, (byte) 0x82, mask[0], mask[1], mask[2], mask[3],
          (byte) (payload[0] ^ mask[0]), (byte) (payload[1] ^ mask[1])};
      socket.getOutputStream().write(frame);
      socket.getOutputStream().flush();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  private static String upgrade(int port) {
    return "GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
        + "Sec-WebSocket-Protocol: hoinghi.v1\r\n\r\n";
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int c = in.read();
      if (c < 0) break;
      head.write(c);
      matched = (c == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (c == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.US_ASCII);
  }

  /** The status line of a WebSocket handshake attempted now. */
  private static String handshakeStatus(int port) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(5_000);
      s.getOutputStream().write(upgrade(port).getBytes(StandardCharsets.US_ASCII));
      String head = readHead(s.getInputStream());
      return head.lines().findFirst().orElse("");
    }
  }

  private static CompletableFuture<Long> stopInBackground(TestServer s) {
    long t0 = System.nanoTime();
    return CompletableFuture.supplyAsync(() -> {
      s.close();
      return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    });
  }

  @Test
  @DisplayName("a client that never answers the close frame holds the listener for the bound: meanwhile new handshakes"
      + " get 503 and the others' close handshakes complete with 1001")
  void drainIsBounded() throws Exception {
    TestServer s = TestServer.start(StoreKind.EMBEDDED);
    int port = s.port();
    List<WsProbe> probes = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      probes.add(WsProbe.connect("ws://127.0.0.1:" + port + "/ws"));
      probes.get(i).next(); // the server frame: the session is open
    }
    try (RawWebSocket polite = new RawWebSocket(port); RawWebSocket silent = new RawWebSocket(port)) {
      polite.readFrame(); // the server frame: both sessions are open
      silent.readFrame();
      CompletableFuture<Long> stopped = stopInBackground(s);

      // (b) open clients get 1001, and a client that answers sees the server end the connection (no reset).
      for (WsProbe p : probes) assertThat(p.closeCode.get(5, TimeUnit.SECONDS)).isEqualTo(1001);
      assertThat(polite.awaitClose()).isEqualTo(1001);
      polite.answerClose(1001);
      assertThat(polite.in.read()).as("the server closes the TCP connection once the close handshake ends").isEqualTo(-1);

      // (a) and (c): well after those handshakes, the listener is still up (the silent client holds it) and says 503.
      Thread.sleep(700);
      assertThat(stopped).isNotDone();
      assertThat(handshakeStatus(port)).startsWith("HTTP/1.1 503");

      long took = stopped.get(20, TimeUnit.SECONDS);
      assertThat(took).as("the stop waited for the bound, then went on")
          .isBetween(Application.CLOSE_HANDSHAKE_MS - 100, Application.CLOSE_HANDSHAKE_MS + 5_000);
      assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    }
  }

  @Test
  @DisplayName("when every client answers the close frame at once, the listener closes without waiting for the bound")
  void drainEndsWithTheLastCloseHandshake() throws Exception {
    TestServer s = TestServer.start(StoreKind.EMBEDDED);
    int port = s.port();
    List<WsProbe> probes = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      probes.add(WsProbe.connect("ws://127.0.0.1:" + port + "/ws"));
      probes.get(i).next();
    }
    long took = stopInBackground(s).get(20, TimeUnit.SECONDS);
    for (WsProbe p : probes) assertThat(p.closeCode.get(5, TimeUnit.SECONDS)).isEqualTo(1001);
    assertThat(took).isLessThan(Application.CLOSE_HANDSHAKE_MS);
  }
}
