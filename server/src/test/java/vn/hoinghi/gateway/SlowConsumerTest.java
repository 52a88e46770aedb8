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

  private static String bigDraft(int version) {
    StringBuilder sb = new StringBuilder("# DỰ THẢO LỚN\nChương I\nQUY ĐỊNH CHUNG\n");
    for (int i = 1; i <= 1500; i++) {
      sb.append("Điều ").append(i).append(". Quy định số ").append(i).append(" (bản ").append(version).append(")\n");
      sb.append("1. Nội dung khoản một của điều ").append(i).append(": đảng đoàn, ban cán sự đảng thực hiện nghiêm túc.\n");
      sb.append("2. Nội dung khoản hai của điều ").append(i).append(": báo cáo định kỳ mỗi quý một lần.\n");
    }
    return sb.toString();
  }

  @Test
  @DisplayName("a client that stops reading is closed as too slow; the others keep receiving everything")
  void stuckClientIsCutOff() throws Exception {
    try (TestServer s = TestServer.start(TestServer.StoreKind.EMBEDDED, new JsonObject().put("demo.seed", true))) {
      TestClient secretary = TestClient.demo(s, "thuky");
      TestClient reader = TestClient.demo(s, "daibieu1");
      JsonObject login = TestClient.post(s.baseUrl(), "/api/login", new JsonObject().put("username", "daibieu2")
          .put("password", TestClient.DEMO_PASSWORD), null);
      try (StuckClient stuck = new StuckClient(s.port(), login.getString("accessToken"))) {
        TestClient.waitFor(() -> s.app.gateway().sessionCount() == 3, "three sessions");
        long before = reader.upTo.get();
        int imports = 0;
        long deadline = System.currentTimeMillis() + 60_000;
        while (s.app.gateway().sessionCount() == 3 && System.currentTimeMillis() < deadline) {
          JsonObject r = TestClient.markdown(s.baseUrl(), "/api/conferences/demo/draft", bigDraft(++imports),
              secretary.accessToken);
          assertThat(r.getInteger("_status")).as(r.encode()).isEqualTo(201);
        }
        assertThat(s.app.gateway().sessionCount()).as("the stuck client was closed").isEqualTo(2);
        long end = reader.state().getLong("upTo");
        TestClient.waitFor(() -> reader.upTo.get() >= end, "the reading client caught up");
        assertThat(reader.events.stream().filter(e -> e.getString("type").equals("DraftVersionImported")
            && e.getLong("seq") > before).count()).isEqualTo(imports);
        assertThat(reader.duplicates).isEmpty();
      }
      secretary.close();
      reader.close();
    }
  }
}
