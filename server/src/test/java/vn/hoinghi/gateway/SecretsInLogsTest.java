package vn.hoinghi.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoinghi.testing.TestClient.cmd;
import static vn.hoinghi.testing.TestClient.http;
import static vn.hoinghi.testing.TestClient.post;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import vn.hoinghi.testing.Figures;
import vn.hoinghi.testing.TestClient;
import vn.hoinghi.testing.TestServer;
import vn.hoinghi.testing.WsProbe;

/**
 * Every log line of a whole session, at DEBUG for the server's own loggers, with standard output and error captured
 * too: a start that generates the JWT secret, logins right and wrong, a join with an invite code and a wrong one,
 * refreshes, forged and expired tokens, commands, a stop. None of them may hold a token, a password, an invite code,
 * a secret or a password hash.
 */
@DisplayName("Secrets and tokens never appear in logs")
class SecretsInLogsTest {
  private static final Pattern BCRYPT = Pattern.compile("\\$2[abxy]?\\$\\d\\d\\$");

  /** Collects every event, formatted as the console would, with stack traces. */
  static final class Capture extends AppenderBase<ILoggingEvent> {
    final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    protected void append(ILoggingEvent e) {
      String text = e.getLevel() + " " + e.getLoggerName() + " - " + e.getFormattedMessage();
      if (e.getThrowableProxy() != null) text += "\n" + ThrowableProxyUtil.asString(e.getThrowableProxy());
      lines.add(text);
    }
  }

  @Test
  @DisplayName("a whole session's logs hold no token, password, invite code, secret or hash")
  void noSecretsLogged() throws Exception {
    LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = logback.getLogger(Logger.ROOT_LOGGER_NAME);
    Logger own = logback.getLogger("vn.hoinghi");
    Level rootLevel = root.getLevel();
    Level ownLevel = own.getLevel();
    Capture capture = new Capture();
    capture.setContext(logback);
    capture.start();
    root.addAppender(capture);
    root.setLevel(Level.DEBUG);
    own.setLevel(Level.DEBUG);
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    PrintStream tee = new PrintStream(new java.io.OutputStream() {
      @Override
      public void write(int b) {
        console.write(b);
        out.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        console.write(b, off, len);
        out.write(b, off, len);
      }
    }, true, StandardCharsets.UTF_8);
    System.setOut(tee);
    System.setErr(tee);
    Map<String, String> secrets = new LinkedHashMap<>();
    List<String> passwordsTried = new ArrayList<>();
    try (TestServer s = TestServer.start(TestServer.StoreKind.EMBEDDED, new JsonObject().put("demo.seed", true))) {
      String base = s.baseUrl();
      secrets.put("JWT secret", Files.readString(s.dataDir.resolve("jwt-hs256.secret")).trim());
      secrets.put("ballot secret", Files.readString(s.dataDir.resolve("ballot-hmac.secret")).trim());
      // Logins, right and wrong (known and unknown users).
      Map<String, JsonObject> logins = new LinkedHashMap<>();
      for (String u : List.of("chutri", "thuky", "dongthap", "daibieu1", "daibieu2", "bantochuc")) {
        JsonObject l = post(base, "/api/login", new JsonObject().put("username", u).put("password", TestClient.DEMO_PASSWORD), null);
        assertThat(l.getInteger("_status")).isEqualTo(200);
        logins.put(u, l);
      }
      passwordsTried.add(TestClient.DEMO_PASSWORD);
      for (String wrong : List.of("sai-mat-khau-9137", "Mật-khẩu-sai-4242", "' OR 1=1 -- 5521")) {
        passwordsTried.add(wrong);
        assertThat(post(base, "/api/login", new JsonObject().put("username", "daibieu3").put("password", wrong), null)
            .getInteger("_status")).isEqualTo(401);
        assertThat(post(base, "/api/login", new JsonObject().put("username", "khong.ton.tai").put("password", wrong), null)
            .getInteger("_status")).isEqualTo(401);
      }
      // An organizer creates an account with a password of its own.
      String newPassword = "mat-khau-moi-7788";
      passwordsTried.add(newPassword);
      assertThat(post(base, "/api/accounts", new JsonObject().put("username", "tai.khoan.moi").put("displayName", "Tài khoản mới")
          .put("password", newPassword), logins.get("bantochuc").getString("accessToken")).getInteger("_status")).isEqualTo(201);
      // Invites: one used, one wrong.
      JsonObject host = logins.get("dongthap");
      JsonObject invite = post(base, "/api/conferences/demo/invites", new JsonObject().put("role", "DELEGATE")
          .put("endpointId", host.getString("endpointId")).put("maxUses", 1), host.getString("accessToken"));
      secrets.put("invite code", invite.getString("code"));
      JsonObject joined = post(base, "/api/join", new JsonObject().put("conferenceId", "demo").put("code", invite.getString("code"))
          .put("displayName", "Khách"), null);
      assertThat(joined.getInteger("_status")).isEqualTo(201);
      logins.put("guest", joined);
      secrets.put("wrong invite code", "SAIMA98765");
      post(base, "/api/join", new JsonObject().put("conferenceId", "demo").put("code", "SAIMA98765").put("displayName", "Khách"), null);
      // Refreshes, good and bad.
      JsonObject refreshed = post(base, "/api/token/refresh", new JsonObject().put("refreshToken",
          logins.get("daibieu1").getString("refreshToken")), null);
      logins.put("refreshed", refreshed);
      post(base, "/api/token/refresh", new JsonObject().put("refreshToken", logins.get("daibieu1").getString("accessToken")), null);
      // Forged and expired tokens, on REST and the WebSocket.
      String forged = JWTAuth.create(s.app.vertx(), new JWTAuthOptions().addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256")
          .setBuffer("not-the-secret-not-the-secret-not-the-secret"))).generateToken(new JsonObject().put("sub", "p-1")
          .put("kind", "participant").put("typ", "access").put("conf", "demo").put("iss", "hoinghi"), new JWTOptions().setExpiresInSeconds(600));
      String expired = JWTAuth.create(s.app.vertx(), new JWTAuthOptions().addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256")
          .setBuffer(secrets.get("JWT secret")))).generateToken(new JsonObject().put("sub", "p-1").put("kind", "participant")
          .put("typ", "access").put("conf", "demo").put("iss", "hoinghi").put("exp", System.currentTimeMillis() / 1000 - 30), new JWTOptions());
      secrets.put("forged token", forged);
      secrets.put("expired token", expired);
      for (String t : List.of(forged, expired, "rác." + forged)) {
        http(base, "GET", "/api/conferences/demo/state", null, t);
        WsProbe p = WsProbe.connect(base.replace("http://", "ws://") + "/ws");
        p.next();
        p.send(new JsonObject().put("type", "hello").put("token", t).encode());
        p.next();
        p.closeCode.get(10, java.util.concurrent.TimeUnit.SECONDS);
      }
      // A session: commands, ballots, an annotation, a token message, a dropped connection.
      TestClient chair = TestClient.withToken(base, "chair", logins.get("chutri").getString("accessToken")).connect(null);
      TestClient mai = TestClient.withToken(base, "mai", refreshed.getString("accessToken")).connect(null);
      TestClient guest = TestClient.withToken(base, "guest", joined.getString("accessToken")).connect(null);
      chair.ok(cmd("StartConference"));
      JsonObject opened = chair.ok(cmd("OpenVote").put("title", "Điều 8").put("nodeIds", new JsonArray().add("d8")).put("mode", "ANONYMOUS"));
      String voteId = chair.awaitEvent("VoteOpened", d -> true).getJsonObject("data").getString("voteId");
      mai.ok(cmd("CastBallot").put("voteId", voteId).put("articleId", "d8").put("choice", "AGREE"));
      guest.ok(cmd("CastBallot").put("voteId", voteId).put("articleId", "d8").put("choice", "OTHER").put("text", "Ý kiến"));
      mai.ok(cmd("AddAnnotation").put("nodeId", "d8").put("kind", "COMMENT").put("body", "Góp ý"));
      mai.command(cmd("CastBallot").put("voteId", "khong-co").put("articleId", "d8").put("choice", "AGREE"));
      mai.send(new JsonObject().put("type", "token").put("token", logins.get("daibieu1").getString("refreshToken")));
      mai.send(new JsonObject().put("type", "token").put("token", refreshed.getString("accessToken")));
      mai.sendRaw("{\"type\":\"hello\",\"token\":\"" + logins.get("daibieu2").getString("accessToken") + "\"}");
      mai.sendRaw("{not json " + logins.get("daibieu2").getString("refreshToken"));
      TestClient.waitFor(() -> mai.frames.stream().filter(f -> "error".equals(f.getString("type"))).count() >= 4, "errors");
      guest.drop();
      chair.ok(cmd("CloseVote").put("voteId", voteId));
      assertThat(opened.getString("type")).isEqualTo("ack");
      chair.close();
      mai.close();
      for (Map.Entry<String, JsonObject> l : logins.entrySet()) {
        for (String k : List.of("accessToken", "refreshToken")) {
          String token = l.getValue().getString(k);
          if (token == null) continue;
          secrets.put(k + " of " + l.getKey(), token);
          secrets.put(k + " signature of " + l.getKey(), token.substring(token.lastIndexOf('.') + 1));
        }
      }
      for (String u : List.of("bantochuc", "chutri", "daibieu1", "daibieu3", "tai.khoan.moi")) {
        secrets.put("password hash of " + u, s.app.accounts().byUsername(u).orElseThrow().passwordHash());
      }
    } finally {
      System.setOut(out);
      System.setErr(err);
      root.detachAppender(capture);
      root.setLevel(rootLevel);
      own.setLevel(ownLevel);
    }
    for (String p : passwordsTried) secrets.put("password " + p, p);
    List<String> lines = new ArrayList<>();
    for (String l : capture.lines) lines.addAll(List.of(l.split("\n")));
    lines.addAll(List.of(console.toString(StandardCharsets.UTF_8).split("\n")));
    List<String> found = new ArrayList<>();
    for (String line : lines) {
      for (Map.Entry<String, String> secret : secrets.entrySet()) {
        if (line.contains(secret.getValue())) found.add(secret.getKey() + " in: " + line);
      }
      if (BCRYPT.matcher(line).find()) found.add("a bcrypt hash in: " + line);
      if (line.contains("eyJ")) found.add("something like a JWT in: " + line);
    }
    assertThat(capture.lines).as("the start was logged (the capture works)").anyMatch(l -> l.contains("listening on"));
    assertThat(found).as("secrets in the logs").isEmpty();
    Figures.record("security-secrets-in-logs", Map.of("logLinesScanned", lines.size(), "logEvents", capture.lines.size(),
        "secretsLookedFor", secrets.size(), "secretsFound", found.size()));
  }
}
