package vn.hoinghi.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.testing.TestClient;
import vn.hoinghi.testing.TestServer;

/** A client that stops reading must not stall the others nor grow the server's memory without bound. */
@DisplayName("Backpressure")
class SlowConsumerTest {

  /** A WebSocket client on a bare socket, so that the test can stop reading entirely. */
  static final class StuckClient implements AutoCloseable {
    final Socket socket = new Socket();

    StuckClient(int port, String token) throws Exception {
      socket.setReceiveBufferSize(4096);
      socket.connect(new java.net.InetSocketAddress("127.0.0.1", port));
      OutputStream out = socket.getOutputStream();
      out.write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
          + "Sec-WebSocket-Protocol: hoinghi.v1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      StringBuilder head = new StringBuilder();
      while (!head.toString().endsWith("\r\n\r\n")) head.append((char) in.read());
      assertThat(head.toString()).startsWith("HTTP/1.1 101");
      sendText(out, new JsonObject().put("type", "hello").put("token", token).encode());
    }

    static void sendText(OutputStream out, String text) throws Exception {
      byte[] payload = text.getBytes(StandardCharsets.UTF_8);
      byte[] mask = new byte[4];
      ThreadLocalRandom.current().nextBytes(mask);
      out.write(0x81);
      if (payload.length < 126) {
        out.write(0x80 | payload.length);
      } else {
        out.write(0x80 | 126);
        out.write(payload.length >>> 8);
        out.write(payload.length & 0xff);
      }
      out.write(mask);
      for (int i = 0; i < payload.length; i++) out.write(payload[i] ^ mask[i % 4]);
      out.flush();
    }

    @Override
    public void close() throws Exception {
      socket.close();
    }
  }

  /** 1,500 articles with long titles: each import's feed frame carries an outline of a few hundred KB. */
  private static String bigDraft(int version) {
    String longTitle = " về trách nhiệm của đảng đoàn, ban cán sự đảng, cơ quan, tổ chức và cá nhân trong việc tổ chức"
        + " lấy ý kiến nhân dân, tổng hợp, tiếp thu và giải trình";
    StringBuilder sb = new StringBuilder("# DỰ THẢO LỚN\nChương I\nQUY ĐỊNH CHUNG\n");
    for (int i = 1; i <= 1500; i++) {
      sb.append("Điều ").append(i).append(". Quy định số ").append(i).append(longTitle)
          .append(" (bản ").append(version).append(")\n");
      sb.append("1. Nội dung khoản một của điều ").append(i).append(": thực hiện nghiêm túc.\n");
    }
    return sb.toString();
  }

  @Test
  @DisplayName("a client that stops reading is closed as too slow (4008) once it stays congested, even when nothing"
      + " more is sent to it; the others receive everything")
  void stuckClientIsCutOff() throws Exception {
    try (TestServer s = TestServer.start(TestServer.StoreKind.EMBEDDED, new JsonObject().put("demo.seed", true))) {
      TestClient secretary = TestClient.demo(s, "thuky");
      TestClient reader = TestClient.demo(s, "daibieu1");
      JsonObject login = TestClient.post(s.baseUrl(), "/api/login", new JsonObject().put("username", "daibieu2")
          .put("password", TestClient.DEMO_PASSWORD), null);
      GatewayMetrics metrics = s.app.gateway().metrics();
      try (StuckClient stuck = new StuckClient(s.port(), login.getString("accessToken"))) {
        TestClient.waitFor(() -> s.app.gateway().sessionCount() == 3, "three sessions");
        long before = reader.upTo.get();
        // Several MB of frames: far past the 1 MiB outbound bound and the kernel's socket buffers, well under
        // the 100 versions a conference may hold, and far fewer frames than the frame bound (500).
        int imports = 0;
        while (imports < 30 && s.app.gateway().sessionCount() == 3) {
          JsonObject r = TestClient.markdown(s.baseUrl(), "/api/conferences/demo/draft", bigDraft(++imports),
              secretary.accessToken);
          assertThat(r.getInteger("_status")).as(r.encode()).isEqualTo(201);
        }
        // Nothing more is sent: the heartbeat sweep closes it once it has been congested for 10 s, long before
        // the heartbeat timeout of a delegate (45 s) would.
        TestClient.waitFor(() -> s.app.gateway().sessionCount() == 2, 30_000, "the stuck client closed");
        assertThat(metrics.slowClosedCount()).as("closed as too slow (4008)").isEqualTo(1);
        long end = reader.state().getLong("upTo");
        TestClient.waitFor(() -> reader.upTo.get() >= end, "the reading client caught up");
        int imported = imports;
        assertThat(reader.events.stream().filter(e -> e.getString("type").equals("DraftVersionImported")
            && e.getLong("seq") > before).count()).isEqualTo(imported);
        assertThat(reader.duplicates).isEmpty();
      }
      secretary.close();
      reader.close();
    }
  }
}
