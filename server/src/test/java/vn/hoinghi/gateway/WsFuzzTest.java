package vn.hoinghi.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoinghi.testing.TestClient.cmd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.testing.Await;
import vn.hoinghi.testing.Figures;
import vn.hoinghi.testing.TestClient;
import vn.hoinghi.wire.Codec;
import vn.hoinghi.wire.MessageValidator;
import vn.hoinghi.wire.WireError;

/**
 * Property-based fuzzing of every inbound WebSocket message (hello, ping, token, command with each command type,
 * unknown types, non-objects), seeded and reproducible: malformed JSON, wrong types, missing and extra fields, huge
 * strings around the limits, deep nesting, numbers out of range, unicode oddities, invalid UTF-8 sent as raw bytes,
 * binary and fragmented frames, oversized messages, the invalid-message limit, and commands the sender's role may
 * not issue. Every case must earn exactly one typed reply (an error with a client-fault code, or pong/tokenAccepted)
 * or a documented close code, within a timeout; afterwards the server is alive, the conference unchanged, nothing
 * was logged as an error, and the heap has not grown.
 *
 * <p>The fuzz server raises the per-connection rate limit (ws.rate.*) so thousands of cases fit in seconds; the
 * default limit is checked separately by {@link #defaultLimitClosesAFloodWith4029()}.
 */
@DisplayName("Fuzzing every inbound WebSocket message")
class WsFuzzTest {
  static final long SEED = Long.getLong("fuzz.seed", 20261127L);
  static final int CASES = Integer.getInteger("fuzz.ws.cases", 64_000);
  /** Invalid UTF-8 ends a connection (1007), so those cases are sent apart from the batches, this many in a row. */
  static final int UTF8_CONNECTIONS = 40;
  static final HostileInput.Kind[] IN_BATCH = java.util.Arrays.stream(HostileInput.KINDS)
      .filter(k -> k != HostileInput.Kind.INVALID_UTF8).toArray(HostileInput.Kind[]::new);
  static final int WORKERS = 3;
  /** Below the server's invalid-message limit (100), so a batch never earns the 1008 close by accident. */
  static final int BATCH = 100;
  static final int REPLY_TIMEOUT_MS = 10_000;
  static final Set<String> REPLY_TYPES = Set.of("error", "ack", "pong", "tokenAccepted");

  @Test
  @DisplayName("every case earns a typed error or a documented close; state, log and heap unchanged")
  void everyInboundMessage() throws Exception {
    System.out.println("WsFuzzTest seed " + SEED + " (rerun with -Dfuzz.seed=" + SEED + ")");
    try (FuzzTarget target = new FuzzTarget(new JsonObject().put("ws.rate.per.second", 1_000_000)
        .put("ws.rate.burst", 1_000_000)); LogCapture log = LogCapture.attach()) {
      JsonObject before = target.fingerprint();
      // Warm up the paths once so class loading and JIT caches do not count as growth.
      FuzzStats warm = new FuzzStats();
      new Worker(target, warm, SEED - 1, new AtomicLong(1_000)).run();
      assertThat(warm.problems).as("warm-up cases without a typed answer").isEmpty();
      long heapBefore = FuzzTarget.usedHeapMb();
      FuzzStats stats = new FuzzStats();
      AtomicLong budget = new AtomicLong(CASES);
      long t0 = System.nanoTime();
      ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
      List<Future<?>> all = new ArrayList<>();
      for (int i = 0; i < WORKERS; i++) all.add(pool.submit(new Worker(target, stats, SEED + i, budget)));
      for (Future<?> f : all) f.get(5, TimeUnit.MINUTES);
      pool.shutdown();
      long ms = (System.nanoTime() - t0) / 1_000_000;
      System.out.println("WsFuzzTest " + stats.cases.sum() + " cases in " + ms + " ms; kinds " + FuzzStats.json(stats.kinds)
          + " codes " + FuzzStats.json(stats.codes) + " closes " + FuzzStats.json(stats.closes) + " other " + FuzzStats.json(stats.other));

      assertThat(stats.problems).as("cases without a typed answer or with a wrong one").isEmpty();
      JsonObject after = target.fingerprint();
      boolean changed = !after.equals(before);
      assertThat(after).as("conference state after the fuzz").isEqualTo(before);
      assertThat(stats.get(stats.other, "ack")).as("commands the fuzz got acknowledged").isZero();
      assertThat(stats.cases.sum()).isGreaterThanOrEqualTo(CASES);
      assertThat(stats.codes.keySet()).allMatch(FuzzStats.CLIENT_FAULT_CODES::contains);
      assertThat(stats.closes.keySet()).allMatch(Set.of("1007", "1008", "1009", "4001", "4003", "4004")::contains);
      assertThat(stats.closes.get("1007")).as("invalid UTF-8 cases closed with 1007").isNotNull();
      target.assertAlive();
      assertWellFormedCommandWorks(target);
      long heapAfter = FuzzTarget.usedHeapMb();
      assertThat(log.problems).as("ERROR lines or stack traces logged for bad input").isEmpty();
      // 64 MB: the server keeps nothing per refused message; what remains after GC is caches of bounded size
      // (JIT, Netty pools). A leak of even 1 KB a case would be 64 MB here.
      assertThat(heapAfter - heapBefore).as("heap growth in MB").isLessThan(64);

      Figures.record("ws-fuzz", Map.ofEntries(
          Map.entry("seed", SEED),
          Map.entry("cases", stats.cases.sum()),
          Map.entry("casesPerKind", FuzzStats.json(stats.kinds)),
          Map.entry("messageTypes", FuzzStats.json(stats.other)),
          Map.entry("typedErrors", stats.total(stats.codes)),
          Map.entry("errorCodes", FuzzStats.json(stats.codes)),
          Map.entry("closeCodes", FuzzStats.json(stats.closes)),
          Map.entry("unanswered", 0),
          Map.entry("heapBeforeMb", heapBefore),
          Map.entry("heapAfterMb", heapAfter),
          Map.entry("stateChanged", changed),
          Map.entry("ms", ms)));
    }
  }

  /** After all of it, the secretary's well-formed command over a new WebSocket is still acknowledged. */
  private static void assertWellFormedCommandWorks(FuzzTarget target) {
    TestClient c = TestClient.demo(target.server, "thuky");
    long before = Await.of(target.server.app.store().latestSeq(FuzzTarget.CONF));
    JsonObject r = c.command(cmd("UpdateSettings").put("defaultVoteMode", "NAMED").put("speakingLimitSeconds", 240));
    assertThat(r.getString("type")).as("a well-formed command after the fuzz: " + r).isEqualTo("ack");
    assertThat(Await.of(target.server.app.store().latestSeq(FuzzTarget.CONF))).isGreaterThan(before);
    c.close();
  }

  @Test
  @DisplayName("with the default limit (10/s, bursts of 30) a flood earns RATE_LIMITED, then close 4029")
  void defaultLimitClosesAFloodWith4029() throws Exception {
    try (FuzzTarget target = new FuzzTarget(new JsonObject())) {
      FuzzStats stats = new FuzzStats();
      for (int conn = 0; conn < 3; conn++) {
        try (RawWebSocket ws = RawWebSocket.connect(target.port(), REPLY_TIMEOUT_MS)) {
          ws.read();
          ws.sendText(HostileInput.utf8("{\"type\":\"hello\",\"token\":\"" + target.observer + "\"}"));
          ws.flush();
          awaitWelcome(ws);
          int sent = 0;
          try {
            for (; sent < 400; sent++) {
              ws.sendText(HostileInput.utf8("{\"type\":\"ping\",\"t\":" + sent + "}"));
              stats.kind("FLOOD");
            }
            ws.flush();
          } catch (IOException closedMeanwhile) {
            // the server may close before the last ones are written
          }
          int limited = 0;
          int pongs = 0;
          while (true) {
            RawWebSocket.Frame f = ws.read();
            assertThat(f).as("silence during a flood").isNotNull();
            if (f.opcode() == RawWebSocket.CLOSE) {
              stats.close(f.closeCode());
              assertThat(f.closeCode()).isEqualTo(CloseCodes.RATE_LIMIT);
              break;
            }
            String type = new JsonObject(f.text()).getString("type");
            if ("pong".equals(type)) pongs++;
            if ("RATE_LIMITED".equals(new JsonObject(f.text()).getString("code"))) limited++;
          }
          // The burst of 30, less the hello's token, plus what refilled meanwhile, is served; then 200 RATE_LIMITED
          // errors, then the close.
          assertThat(pongs).isBetween(29, 40);
          assertThat(limited).isEqualTo(ClientSession.RATE_VIOLATION_LIMIT);
          stats.add("rateLimited", limited);
        }
      }
      target.assertAlive();
      Figures.record("ws-flood-default-limit", Map.of("cases", stats.cases.sum(), "connections", 3,
          "closeCodes", FuzzStats.json(stats.closes), "rateLimitedErrors", stats.get(stats.other, "rateLimited")));
    }
  }

  private static JsonObject awaitWelcome(RawWebSocket ws) throws IOException {
    while (true) {
      RawWebSocket.Frame f = ws.read();
      if (f == null) throw new AssertionError("no welcome within the timeout");
      if (f.opcode() == RawWebSocket.CLOSE) throw new AssertionError("closed before welcome: " + f.closeCode());
      JsonObject m = new JsonObject(f.text());
      if ("welcome".equals(m.getString("type"))) return m;
      if ("error".equals(m.getString("type"))) throw new AssertionError("hello refused: " + m);
    }
  }

  /** One fuzzing thread: connection after connection, each a batch of cases of one sort. */
  static final class Worker implements Runnable {
    private final FuzzTarget target;
    private final FuzzStats stats;
    private final HostileInput gen;
    private final Random rnd;
    private final AtomicLong budget;
    private final String forgedToken;

    Worker(FuzzTarget target, FuzzStats stats, long seed, AtomicLong budget) {
      this.target = target;
      this.stats = stats;
      this.gen = new HostileInput(seed, target.knownIds);
      this.rnd = gen.random();
      this.budget = budget;
      String t = target.observer;
      this.forgedToken = t.substring(0, t.length() - 2) + (t.endsWith("A") ? "BB" : "AA");
    }

    @Override
    public void run() {
      while (budget.get() > 0) {
        int sort = rnd.nextInt(100);
        try {
          if (sort < 75) live();
          else if (sort < 88) preAuth();
          else if (sort < 93) hello();
          else if (sort < 98) invalidUtf8();
          else abuseLimit();
        } catch (Exception | AssertionError e) {
          stats.problem("connection failed: " + e);
        }
      }
    }

    /** A case: the bytes, how they travel, and what it is. */
    private record Case(String kind, String messageType, byte[] bytes, int transport) {
      static final int TEXT = 0;
      static final int FRAGMENTED = 1;
      static final int BINARY = 2;
    }

    private Case nextCase(boolean authenticated) {
      int t = rnd.nextInt(100);
      if (t < 3) {
        byte[] b = rnd.nextBoolean() ? gen.bytes(gen.commandMessage(gen.command(gen.pick(gen.commandTypes())))) : randomBytes();
        return new Case("BINARY", "binary", b, Case.BINARY);
      }
      String messageType;
      ObjectNode base;
      if (t < 72) {
        String type = gen.pick(gen.commandTypes());
        messageType = "command:" + type;
        base = gen.commandMessage(gen.command(type));
      } else if (t < 79) {
        messageType = "hello";
        base = JsonNodeFactory.instance.objectNode().put("type", "hello")
            .put("token", authenticated ? target.observer : forgedToken).put("conferenceId", FuzzTarget.CONF)
            .put("resumeAfter", rnd.nextInt(100)).put("client", "fuzz/1");
      } else if (t < 86) {
        messageType = "ping";
        base = JsonNodeFactory.instance.objectNode().put("type", "ping").put("t", System.currentTimeMillis());
      } else if (t < 93) {
        messageType = "token";
        base = JsonNodeFactory.instance.objectNode().put("type", "token").put("token", rnd.nextBoolean() ? target.observer : forgedToken);
      } else if (t < 97) {
        messageType = "unknownType";
        base = JsonNodeFactory.instance.objectNode().put("type", gen.pick(new String[] {
            "welcome", "ack", "HELLO", "Hello", " hello", "command ", "snapshot", "error", "pong", "", "subscribe"}));
      } else {
        messageType = "notAnObject";
        JsonNode v = gen.anyValue();
        return new Case("NOT_AN_OBJECT", messageType, gen.bytes(v.isObject() ? JsonNodeFactory.instance.arrayNode().add(v) : v), Case.TEXT);
      }
      HostileInput.Kind kind = gen.pick(IN_BATCH);
      byte[] bytes = gen.mutate(kind, base);
      int transport = rnd.nextInt(20) == 0 ? Case.FRAGMENTED : Case.TEXT;
      return new Case(kind.name(), messageType, bytes, transport);
    }

    private byte[] randomBytes() {
      byte[] b = new byte[rnd.nextInt(300)];
      rnd.nextBytes(b);
      return b;
    }

    private void send(RawWebSocket ws, Case c) throws IOException {
      switch (c.transport) {
        case Case.BINARY -> ws.sendBinary(c.bytes);
        case Case.FRAGMENTED -> ws.sendFragmented(RawWebSocket.TEXT, c.bytes, 2 + rnd.nextInt(3));
        default -> ws.sendText(c.bytes);
      }
      stats.kind(c.kind);
      stats.count(c.messageType.startsWith("command:") ? "command" : c.messageType);
      if (c.messageType.startsWith("command:")) stats.count(c.messageType);
      if (c.transport == Case.FRAGMENTED) stats.count("fragmented");
    }

    private boolean take(int n) {
      return budget.getAndAdd(-n) > 0;
    }

    private RawWebSocket open() throws IOException {
      RawWebSocket ws = RawWebSocket.connect(target.port(), REPLY_TIMEOUT_MS);
      RawWebSocket.Frame greeting = ws.read();
      if (greeting == null || !"server".equals(new JsonObject(greeting.text()).getString("type"))) {
        throw new AssertionError("no server greeting");
      }
      return ws;
    }

    /** An authenticated observer (a role that may issue no command at all) sends a batch of cases. */
    private void live() throws IOException {
      if (!take(BATCH)) return;
      try (RawWebSocket ws = open()) {
        ws.sendText(HostileInput.utf8("{\"type\":\"hello\",\"token\":\"" + target.observer + "\"}"));
        ws.flush();
        awaitWelcome(ws);
        List<Case> batch = new ArrayList<>(BATCH);
        Case terminal = null;
        while (batch.size() < BATCH) {
          Case c = nextCase(true);
          if (tooBig(c)) {
            if (terminal == null) terminal = c;
          } else {
            batch.add(c);
          }
        }
        for (Case c : batch) send(ws, c);
        ws.flush();
        awaitReplies(ws, BATCH, "live batch");
        if (terminal != null) sendTooBig(ws, terminal);
        else if (rnd.nextInt(8) == 0) oversized(ws);
      }
    }

    /** A text message over 64 KiB (a huge string or deep nesting grown past it): the server closes with 1009. */
    private static boolean tooBig(Case c) {
      return c.transport != Case.BINARY && c.bytes.length > Gateway.MAX_WS_MESSAGE;
    }

    private void sendTooBig(RawWebSocket ws, Case c) throws IOException {
      try {
        send(ws, c);
        ws.flush();
      } catch (IOException closedMeanwhile) {
        // the server may close as soon as it knows the size
      }
      expectClose(ws, Set.of((int) CloseCodes.TOO_BIG), c.kind + " case of " + c.bytes.length + " bytes");
    }

    /** Reads until {@code n} replies have come, checking each; server pushes (events, presence…) pass by. */
    private void awaitReplies(RawWebSocket ws, int n, String what) throws IOException {
      int replies = 0;
      while (replies < n) {
        RawWebSocket.Frame f = ws.read();
        if (f == null) {
          stats.problem(what + ": " + (n - replies) + " of " + n + " cases unanswered after " + REPLY_TIMEOUT_MS + " ms");
          return;
        }
        if (f.opcode() == RawWebSocket.CLOSE) {
          stats.problem(what + ": closed with " + f.closeCode() + " after " + replies + " of " + n + " replies");
          return;
        }
        if (f.opcode() != RawWebSocket.TEXT) {
          stats.problem(what + ": a non-text frame from the server");
          continue;
        }
        JsonObject m;
        try {
          m = new JsonObject(f.text());
        } catch (RuntimeException e) {
          stats.problem(what + ": the server sent invalid JSON: " + f.text());
          continue;
        }
        String type = m.getString("type");
        if (!REPLY_TYPES.contains(type)) continue;
        replies++;
        checkReply(m, what);
      }
    }

    private void checkReply(JsonObject m, String what) {
      String type = m.getString("type");
      if ("error".equals(type)) {
        String code = m.getString("code");
        stats.code(code);
        JsonObject text = m.getJsonObject("message");
        if (!FuzzStats.CLIENT_FAULT_CODES.contains(code) || text == null || text.getString("vi") == null
            || text.getString("en") == null) {
          stats.problem(what + ": not a typed client-fault error: " + m.encode());
        }
      } else {
        stats.count(type);
      }
    }

    /** A message over 64 KiB, in one frame, in fragments, or past the frame limit: close 1009. */
    private void oversized(RawWebSocket ws) throws IOException {
      int variant = rnd.nextInt(4);
      int size = switch (variant) {
        case 0 -> Gateway.MAX_WS_MESSAGE + 1;
        case 1 -> Gateway.MAX_WS_MESSAGE + 1 + rnd.nextInt(100_000);
        case 2 -> Gateway.MAX_WS_MESSAGE * 2;
        default -> Gateway.MAX_WS_MESSAGE * 4 + 10;
      };
      String prefix = "{\"type\":\"ping\",\"t\":\"";
      byte[] b = HostileInput.utf8(prefix + "x".repeat(size - prefix.length() - 2) + "\"}");
      stats.kind("OVERSIZED");
      try {
        if (variant == 2) ws.sendFragmented(RawWebSocket.TEXT, b, 8);
        else ws.sendText(b);
        ws.flush();
      } catch (IOException closedMeanwhile) {
        // the server may close as soon as it knows the size; the close frame is still to be read
      }
      expectClose(ws, Set.of((int) CloseCodes.TOO_BIG), "oversized " + size + " bytes (variant " + variant + ")");
    }

    private void expectClose(RawWebSocket ws, Set<Integer> codes, String what) throws IOException {
      while (true) {
        RawWebSocket.Frame f;
        try {
          f = ws.read();
        } catch (IOException e) {
          stats.problem(what + ": connection ended without a close frame: " + e);
          return;
        }
        if (f == null) {
          stats.problem(what + ": no close within " + REPLY_TIMEOUT_MS + " ms");
          return;
        }
        if (f.opcode() == RawWebSocket.CLOSE) {
          stats.close(f.closeCode());
          if (!codes.contains(f.closeCode())) stats.problem(what + ": closed with " + f.closeCode() + ", expected " + codes);
          return;
        }
        if (f.opcode() == RawWebSocket.TEXT) {
          JsonObject m = new JsonObject(f.text());
          if ("error".equals(m.getString("type"))) checkReply(m, what);
        }
      }
    }

    /**
     * Before any hello: commands and tokens earn NOT_AUTHENTICATED, malformed hellos a typed error. A hello that
     * would be checked against its (forged) token ends the connection, so it is sent last, alone.
     */
    private void preAuth() throws IOException {
      if (!take(BATCH)) return;
      try (RawWebSocket ws = open()) {
        List<Case> batch = new ArrayList<>(BATCH);
        Case terminal = null;
        while (batch.size() < BATCH) {
          Case c = nextCase(false);
          if (tooBig(c)) {
            if (terminal == null) terminal = c;
          } else if (c.transport != Case.BINARY && wouldCheckToken(c.bytes)) {
            if (terminal == null) terminal = c;
          } else {
            batch.add(c);
          }
        }
        for (Case c : batch) send(ws, c);
        ws.flush();
        awaitReplies(ws, BATCH, "pre-auth batch");
        if (terminal != null && tooBig(terminal)) {
          sendTooBig(ws, terminal);
        } else if (terminal != null) {
          send(ws, terminal);
          ws.flush();
          expectClose(ws, Set.of((int) CloseCodes.AUTH_REQUIRED, (int) CloseCodes.FORBIDDEN, (int) CloseCodes.NOT_FOUND),
              "hello with a forged token");
        }
      }
    }

    /** True when the server would take this text as a well-formed hello and verify its token. */
    private static boolean wouldCheckToken(byte[] bytes) {
      try {
        JsonNode n = Codec.parse(new String(bytes, StandardCharsets.UTF_8));
        if (!n.isObject() || !"hello".equals(n.path("type").asText(null)) || !n.path("type").isTextual()) return false;
        @SuppressWarnings("unchecked")
        Map<String, Object> map = Codec.mapper().convertValue(n, Map.class);
        MessageValidator.check("HelloMessage", new JsonObject(map));
        return n.path("token").isTextual();
      } catch (WireError | IllegalArgumentException e) {
        return false;
      }
    }

    /** A fresh connection's hello with the real token and fuzzed other fields: welcome, a typed error or a close. */
    private void hello() throws IOException {
      if (!take(1)) return;
      try (RawWebSocket ws = open()) {
        ObjectNode base = JsonNodeFactory.instance.objectNode().put("type", "hello").put("token", target.observer)
            .put("conferenceId", FuzzTarget.CONF).put("resumeAfter", (long) rnd.nextInt(1_000_000)).put("client", "fuzz/1");
        HostileInput.Kind kind = gen.pick(IN_BATCH);
        Case c = new Case(kind.name(), "hello", gen.mutate(kind, base), Case.TEXT);
        stats.count("freshHello");
        if (tooBig(c)) {
          sendTooBig(ws, c);
          return;
        }
        send(ws, c);
        ws.flush();
        while (true) {
          RawWebSocket.Frame f = ws.read();
          if (f == null) {
            stats.problem("fresh hello: no answer within " + REPLY_TIMEOUT_MS + " ms");
            return;
          }
          if (f.opcode() == RawWebSocket.CLOSE) {
            stats.close(f.closeCode());
            if (!Set.of(4001, 4003, 4004).contains(f.closeCode())) stats.problem("fresh hello: closed with " + f.closeCode());
            return;
          }
          JsonObject m = new JsonObject(f.text());
          String type = m.getString("type");
          if ("welcome".equals(type)) {
            stats.count("welcome");
            return;
          }
          if ("error".equals(type)) {
            checkReply(m, "fresh hello");
            if (!Set.of("INVALID_TOKEN", "FORBIDDEN", "NOT_FOUND").contains(m.getString("code"))) return;
            expectClose(ws, Set.of(4001, 4003, 4004), "fresh hello refused");
            return;
          }
        }
      }
    }

    /**
     * Text whose bytes are not valid UTF-8 (inside a string value or anywhere, whole or fragmented, before or after
     * the hello) fails the connection with 1007 (RFC 6455 §8.1): one case per connection, {@link #UTF8_CONNECTIONS}
     * connections in a row.
     */
    private void invalidUtf8() throws IOException {
      if (!take(UTF8_CONNECTIONS)) return;
      for (int i = 0; i < UTF8_CONNECTIONS; i++) {
        try (RawWebSocket ws = open()) {
          boolean authenticated = rnd.nextBoolean();
          if (authenticated) {
            ws.sendText(HostileInput.utf8("{\"type\":\"hello\",\"token\":\"" + target.observer + "\"}"));
            ws.flush();
            awaitWelcome(ws);
          }
          ObjectNode base = rnd.nextBoolean()
              ? gen.commandMessage(gen.command(gen.pick(gen.commandTypes())))
              : JsonNodeFactory.instance.objectNode().put("type", "ping").put("t", i);
          byte[] bytes;
          do {
            // The generator's bad sequences include a NUL byte, which is valid UTF-8: not a case for this path.
            bytes = gen.mutate(HostileInput.Kind.INVALID_UTF8, base);
          } while (validUtf8(bytes));
          Case c = new Case(HostileInput.Kind.INVALID_UTF8.name(), authenticated ? "command" : "preAuth",
              bytes, rnd.nextInt(5) == 0 ? Case.FRAGMENTED : Case.TEXT);
          if (tooBig(c)) continue;
          try {
            send(ws, c);
            ws.flush();
          } catch (IOException closedMeanwhile) {
            // the server may close before a fragmented message is all written
          }
          expectClose(ws, Set.of((int) CloseCodes.INVALID_DATA), "invalid UTF-8");
        }
      }
    }

    private static boolean validUtf8(byte[] b) {
      try {
        StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(b));
        return true;
      } catch (java.nio.charset.CharacterCodingException e) {
        return false;
      }
    }

    /** More invalid messages than the limit (100): each answered, then close 1008. */
    private void abuseLimit() throws IOException {
      int n = ClientSession.ABUSE_LIMIT + 1;
      if (!take(n)) return;
      try (RawWebSocket ws = open()) {
        ws.sendText(HostileInput.utf8("{\"type\":\"hello\",\"token\":\"" + target.observer + "\"}"));
        ws.flush();
        awaitWelcome(ws);
        for (int i = 0; i < n; i++) {
          // Always malformed (a mutation may come out valid, e.g. a trailing NUL that the parser takes as the end).
          ws.sendText(HostileInput.utf8("{\"type\":\"ping\",\"t\":" + i + gen.pick(new String[] {"", ",", "}}", "]", "\""})));
          stats.kind("ABUSE_LIMIT");
        }
        ws.flush();
        awaitReplies(ws, ClientSession.ABUSE_LIMIT, "abuse limit");
        expectClose(ws, Set.of((int) CloseCodes.POLICY), "over the invalid-message limit");
      }
    }
  }
}
