package vn.hoinghi.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hoinghi.testing.TestClient;
import vn.hoinghi.testing.TestServer;
import vn.hoinghi.testing.WsProbe;

@DisplayName("Tokens: transports and algorithms")
class TokenTransportTest {

  @Test
  @DisplayName("the token may ride in the Sec-WebSocket-Protocol header as bearer.<token>, not only in hello")
  void bearerSubprotocol() throws Exception {
    try (TestServer s = TestServer.start(TestServer.StoreKind.EMBEDDED, new JsonObject().put("demo.seed", true))) {
      String token = TestClient.post(s.baseUrl(), "/api/login", new JsonObject().put("username", "daibieu1")
          .put("password", TestClient.DEMO_PASSWORD), null).getString("accessToken");
      WsProbe probe = new WsProbe();
      java.net.http.WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .subprotocols("hoinghi.v1", "bearer." + token)
          .buildAsync(URI.create("ws://127.0.0.1:" + s.port() + "/ws"), probe).join();
      assertThat(ws.getSubprotocol()).isEqualTo("hoinghi.v1");
      assertThat(new JsonObject(probe.next()).getString("type")).isEqualTo("server");
      ws.sendText("{\"type\":\"hello\",\"resumeAfter\":null}", true).join();
      JsonObject welcome = new JsonObject(probe.next());
      assertThat(welcome.getString("type")).isEqualTo("welcome");
      assertThat(welcome.getString("name")).isEqualTo("Nguyễn Thị Mai");
      ws.sendClose(1000, "bye").join();
    }
  }

  @Test
  @DisplayName("with RS256 keys configured, logins sign with the private key and the socket verifies with the public one")
  void rs256(@TempDir Path dir) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    var pair = g.generateKeyPair();
    Path priv = dir.resolve("jwt.key");
    Path pub = dir.resolve("jwt.pub");
    Files.writeString(priv, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
    Files.writeString(pub, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    JsonObject cfg = new JsonObject().put("demo.seed", true).put("jwt.algorithm", "RS256")
        .put("jwt.private.key.file", priv.toString()).put("jwt.public.key.file", pub.toString());
    try (TestServer s = TestServer.start(TestServer.StoreKind.EMBEDDED, cfg)) {
      JsonObject login = TestClient.post(s.baseUrl(), "/api/login", new JsonObject().put("username", "chutri")
          .put("password", TestClient.DEMO_PASSWORD), null);
      String header = new String(Base64.getUrlDecoder().decode(login.getString("accessToken").split("\\.")[0]));
      assertThat(header).contains("RS256");
      TestClient c = TestClient.withToken(s.baseUrl(), "chair", login.getString("accessToken")).connect(null);
      assertThat(c.welcome.getJsonArray("roles")).contains("CHAIR");
      c.close();
      assertThat(Files.exists(s.dataDir.resolve("jwt-hs256.secret"))).isFalse();
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }
}
