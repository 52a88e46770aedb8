package vn.hoinghi.app;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoinghi.testing.TestClient.cmd;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.hoinghi.testing.Figures;
import vn.hoinghi.testing.TestClient;
import vn.hoinghi.testing.TestPostgres;
import vn.hoinghi.testing.TestServer;
import vn.hoinghi.testing.TestServer.StoreKind;

/**
 * Issue 8, item 1: the server process is killed with SIGKILL in the middle of a burst of ballots and started again on
 * the same data. Every acknowledged ballot must be in the log and the tally, the log must be whole (contiguous, every
 * event readable, nothing half written; for SQLite the file passes its integrity check), and the clients resume and
 * receive exactly the events they missed.
 */
@DisplayName("Crash: kill -9 during a vote burst")
class CrashTest {
  private static final String SECRET = "crash-test-jwt-secret-crash-test-jwt-secret-01";
  private static final String BALLOT = "crash-test-ballot-secret-crash-test-ballot-01";
  private static final int DELEGATES = 30;
  private static final String[] CHOICES = {"AGREE", "DISAGREE", "OTHER"};

  private static Process launch(Path dir, List<String> args, String log) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(args);
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(dir.resolve(log).toFile()).start();
    int port = Integer.parseInt(args.get(1).substring("--http.port=".length())); // second argument, see below
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline && p.isAlive()) {
      try {
        if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready")).build(),
            HttpResponse.BodyHandlers.ofString()).statusCode() == 200) return p;
      } catch (java.io.IOException notYet) {
        // starting
      }
      Thread.sleep(100);
    }
    p.destroyForcibly();
    throw new AssertionError("server did not start: " + Files.readString(dir.resolve(log)));
  }

  private static TestClient participant(String base, JsonObject login) {
    TestClient c = TestClient.withToken(base, login.getString("participantId"), login.getString("accessToken"));
    c.login = login;
    return c.connect(null);
  }

  private static JsonObject login(String base, String user) {
    JsonObject r = TestClient.post(base, "/api/login", new JsonObject().put("username", user)
        .put("password", TestClient.DEMO_PASSWORD).put("conferenceId", "demo"), null);
    assertThat(r.getInteger("_status")).as("login " + user + " " + r).isEqualTo(200);
    return r;
  }

  /** One delegate's share of the burst: a ballot on each article in its own order, one every ~100 ms. */
  private static final class Voter {
    final TestClient client;
    final List<String> articles;
    final Map<String, JsonObject> sent = new LinkedHashMap<>();
    final Thread thread;

    Voter(TestClient client, List<String> articleIds, String voteId, long seed) {
      this.client = client;
      this.articles = new ArrayList<>(articleIds);
      Random random = new Random(seed);
      Collections.shuffle(articles, random);
      thread = new Thread(() -> {
        for (String article : articles) {
          String choice = CHOICES[random.nextInt(3)];
          JsonObject ballot = cmd("CastBallot").put("voteId", voteId).put("articleId", article).put("choice", choice);
          String id = client.username + "-b-" + article;
          try {
            client.send(new JsonObject().put("type", "command").put("id", id).put("command", ballot));
          } catch (RuntimeException gone) {
            return; // the server died: this ballot was never sent
          }
          synchronized (sent) {
            sent.put(id, ballot);
          }
          try {
            Thread.sleep(80 + random.nextInt(40));
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "voter-" + client.username);
      thread.setDaemon(true);
    }

    Map<String, JsonObject> sent() {
      synchronized (sent) {
        return new LinkedHashMap<>(sent);
      }
    }
  }

  @ParameterizedTest(name = "on the {0} store")
  @EnumSource(StoreKind.class)
  @DisplayName("every acknowledged ballot survives, the log is whole, clients resume exactly")
  void killMidBurst(StoreKind store, @TempDir Path dir) throws Exception {
    long seed = 8_001L + store.ordinal();
    System.out.println("CrashTest " + store + " seed=" + seed);
    long started = System.currentTimeMillis();
    String schema = null;
    int port = TestServer.freePort();
    List<String> args = new ArrayList<>(List.of("--http.host=127.0.0.1", "--http.port=" + port,
        "--data.dir=" + dir.resolve("data"), "--jwt.secret=" + SECRET, "--ballot.secret=" + BALLOT, "--demo.seed=true"));
    if (store == StoreKind.POSTGRES) {
      TestPostgres.assumeReachable();
      schema = TestPostgres.newSchemaName();
      args.add("--store=" + TestPostgres.URL);
      args.add("--postgres.schema=" + schema);
    }
    String base = "http://127.0.0.1:" + port;
    Process server = launch(dir, args, "before.log");
    phase(started, "started");
    List<TestClient> clients = new ArrayList<>();
    try {
      JsonObject chairLogin = login(base, "chutri");
      TestClient chair = participant(base, chairLogin);
      TestClient secretary = participant(base, login(base, "thuky"));
      clients.add(chair);
      clients.add(secretary);
      JsonObject state = chair.state();
      chair.ok(cmd("StartConference"));
      JsonArray chapters = new JsonArray();
      for (Object o : state.getJsonObject("state").getJsonObject("draft").getJsonObject("document").getJsonArray("nodes")) {
        chapters.add(((JsonObject) o).getString("id"));
      }
      chair.ok(cmd("OpenVote").put("title", "Biểu quyết toàn văn").put("nodeIds", chapters).put("mode", "NAMED"));
      JsonObject opened = chair.awaitEvent("VoteOpened", d -> true).getJsonObject("data");
      String voteId = opened.getString("voteId");
      List<String> articles = opened.getJsonArray("articleIds").getList();

      // Delegates join with an invite (no password hashing) and connect.
      String endpointId = null;
      for (Object o : state.getJsonObject("state").getJsonArray("endpoints")) {
        if ("DTP".equals(((JsonObject) o).getString("code"))) endpointId = ((JsonObject) o).getString("id");
      }
      List<String> names = new ArrayList<>();
      for (int i = 1; i <= DELEGATES; i++) names.add("Đại biểu " + i);
      List<JsonObject> joins = TestClient.listAndJoin(base, "demo", secretary.accessToken, "DTP", names);
      List<Voter> voters = new ArrayList<>();
      Random seeds = new Random(seed);
      for (int i = 1; i <= DELEGATES; i++) {
        JsonObject joined = joins.get(i - 1);
        TestClient c = participant(base, joined);
        clients.add(c);
        voters.add(new Voter(c, articles, voteId, seeds.nextLong()));
      }
      phase(started, "joined and connected");
      Map<TestClient, Long> startUpTo = new HashMap<>();
      for (TestClient c : clients) startUpTo.put(c, c.snapshots.get(0).getLong("upTo"));
      int planned = DELEGATES * articles.size();

      // The burst, and SIGKILL when about a third of it is acknowledged.
      long burstStart = System.currentTimeMillis();
      voters.forEach(v -> v.thread.start());
      TestClient.waitFor(() -> acks(voters) >= planned / 3, "a third of the ballots acknowledged");
      server.destroyForcibly(); // SIGKILL on Linux: no shutdown hook runs
      assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
      long killedAfterMs = System.currentTimeMillis() - burstStart;
      for (Voter v : voters) v.thread.join(10_000);
      for (TestClient c : clients) TestClient.waitFor(() -> c.closed.isDone(), c.username + " sees the server gone");
      Map<String, JsonObject> sent = new LinkedHashMap<>();
      Map<String, JsonObject> acked = new LinkedHashMap<>();
      for (Voter v : voters) {
        Map<String, JsonObject> mine = v.sent();
        sent.putAll(mine);
        mine.keySet().forEach(id -> {
          JsonObject r = v.client.replies.get(id);
          if (r != null) {
            assertThat(r.getString("type")).as("reply to " + id + ": " + r).isEqualTo("ack");
            acked.put(id, r);
          }
        });
      }
      assertThat(acked.size()).as("the kill came mid-burst").isLessThan(planned);

      // The log as the dead server left it, read straight from the store.
      List<Row> rows = store == StoreKind.EMBEDDED ? sqliteRows(dir.resolve("data").resolve("hoinghi.db"))
          : pgRows(schema);
      assertWhole(rows);

      phase(started, "killed and read the store");
      server = launch(dir, args, "after.log");
      phase(started, "restarted");
      long logEnd = rows.size();
      JsonObject after = chair.state();
      assertThat(after.getLong("upTo")).as("the restarted server has every stored event").isEqualTo(logEnd);

      // Every acknowledged ballot is in the log, once, where its ack said, as sent.
      List<JsonObject> audit = audit(base, chair.accessToken);
      assertThat(audit).hasSize((int) logEnd);
      Map<String, List<JsonObject>> byCommand = new HashMap<>();
      for (JsonObject e : audit) {
        if (e.getString("commandId") != null) byCommand.computeIfAbsent(e.getString("commandId"), k -> new ArrayList<>()).add(e);
      }
      // (assertWhole checked that each command's events sit together; a ballot is one event.)
      for (String id : sent.keySet()) {
        assertThat(byCommand.getOrDefault(id, List.of()).size()).as("events of ballot " + id).isLessThanOrEqualTo(1);
      }
      long lost = 0;
      for (Map.Entry<String, JsonObject> a : acked.entrySet()) {
        List<JsonObject> events = byCommand.get(a.getKey());
        if (events == null) {
          lost++;
          continue;
        }
        JsonObject e = events.get(0);
        assertThat(e.getLong("seq")).isEqualTo(a.getValue().getLong("firstSeq"));
        JsonObject ballot = sent.get(a.getKey());
        assertThat(e.getString("type")).isEqualTo("BallotCast");
        assertThat(e.getJsonObject("data").getString("articleId")).isEqualTo(ballot.getString("articleId"));
        assertThat(e.getJsonObject("data").getString("choice")).isEqualTo(ballot.getString("choice"));
      }
      assertThat(lost).as("acknowledged ballots missing after the crash").isZero();
      long ballotsInLog = audit.stream().filter(e -> e.getString("type").equals("BallotCast")).count();
      assertTally(base, chair.accessToken, voteId, audit);

      // While the clients are still away: the chair adds agenda items, and each ballot whose ack the crash swallowed
      // is sent again over REST by its voter with the same id: applied at most once, never lost.
      for (int i = 1; i <= 3; i++) {
        JsonObject r = TestClient.post(base, "/api/conferences/demo/commands", new JsonObject().put("id", "after-crash-" + i)
            .put("command", cmd("AddAgendaItem").put("title", "Mục bổ sung " + i).put("kind", "DISCUSSION")
                .put("plannedMinutes", 5).put("nodeIds", new JsonArray())), chair.accessToken);
        assertThat(r.getString("type")).as("agenda item " + r).isEqualTo("ack");
      }
      long retried = 0;
      long retriedDuplicate = 0;
      for (Voter v : voters) {
        for (Map.Entry<String, JsonObject> s : v.sent().entrySet()) {
          if (acked.containsKey(s.getKey())) continue;
          JsonObject r = TestClient.post(base, "/api/conferences/demo/commands",
              new JsonObject().put("id", s.getKey()).put("command", s.getValue()), v.client.accessToken);
          assertThat(r.getString("type")).as("retry of " + s.getKey() + ": " + r).isEqualTo("ack");
          retried++;
          if (r.getBoolean("duplicate", false)) {
            retriedDuplicate++;
            assertThat(byCommand).containsKey(s.getKey());
          } else {
            assertThat(byCommand).doesNotContainKey(s.getKey());
          }
        }
      }
      long end = chair.state().getLong("upTo");
      phase(started, "retried");

      // Clients resume from their last upTo and get exactly what they missed: the same feed a clean catch-up gives.
      long eventsChecked = 0;
      long resumed = 0;
      for (TestClient c : clients) {
        long before = c.upTo.get();
        c.reconnect();
        TestClient reference = TestClient.withToken(base, c.username + "-ref", c.accessToken);
        reference.connect(startUpTo.get(c));
        TestClient.waitFor(() -> reference.upTo.get() >= end, "reference catch-up");
        List<Long> expected = reference.eventSeqs();
        TestClient.waitFor(() -> c.events.size() >= expected.size(), c.username + " catch-up");
        assertThat(c.snapshots).as(c.username + ": resumed, not restarted").hasSize(1);
        assertThat(c.duplicates).as(c.username + " duplicates").isEmpty();
        assertThat(c.eventSeqs()).as(c.username + " feed").containsExactlyElementsOf(expected);
        assertThat(c.events).isEqualTo(reference.events);
        eventsChecked += expected.size();
        resumed += expected.stream().filter(q -> q > before).count();
        reference.close();
      }

      phase(started, "resumed");
      List<JsonObject> finalAudit = audit(base, chair.accessToken);
      Map<String, Integer> perArticle = new HashMap<>();
      for (String id : sent.keySet()) perArticle.merge(sent.get(id).getString("articleId"), 1, Integer::sum);
      JsonObject tally = assertTally(base, chair.accessToken, voteId, finalAudit);
      for (Object o : tally.getJsonArray("articles")) {
        JsonObject a = (JsonObject) o;
        assertThat(a.getInteger("total")).as("every sent ballot on " + a.getString("articleId") + " counted once")
            .isEqualTo(perArticle.getOrDefault(a.getString("articleId"), 0));
      }

      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("store", store.name());
      figures.put("seed", seed);
      figures.put("kills", 1);
      figures.put("killedAfterMs", killedAfterMs);
      figures.put("delegates", DELEGATES);
      figures.put("ballotsPlanned", planned);
      figures.put("ballotsSent", sent.size());
      figures.put("acked", acked.size());
      figures.put("inTally", acked.size() - lost);
      figures.put("lost", lost);
      figures.put("unackedInLog", ballotsInLog - (acked.size() - lost));
      figures.put("retriedAfterRestart", retried);
      figures.put("retriedDuplicate", retriedDuplicate);
      figures.put("logEventsAtKill", logEnd);
      figures.put("logEvents", end);
      figures.put("eventsChecked", eventsChecked + rows.size());
      figures.put("resumedEvents", resumed);
      figures.put("duplicates", 0);
      figures.put("ms", System.currentTimeMillis() - started);
      Figures.record("crash-" + store.name().toLowerCase(), figures);
    } finally {
      clients.forEach(TestClient::close);
      server.destroyForcibly();
      server.waitFor(30, TimeUnit.SECONDS);
      if (schema != null) TestPostgres.dropSchema(schema);
    }
  }

  private static void phase(long started, String what) {
    System.out.println("CrashTest +" + (System.currentTimeMillis() - started) + " ms: " + what);
  }

  private static long acks(List<Voter> voters) {
    long n = 0;
    for (Voter v : voters) n += v.client.replies.size();
    return n;
  }

  /** A stored event as read from the database. */
  private record Row(long seq, String type, String payload, String commandId) {}

  private static List<Row> sqliteRows(Path db) throws Exception {
    assertThat(db).exists();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
      try (ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
        assertThat(r.next()).isTrue();
        assertThat(r.getString(1)).isEqualTo("ok");
      }
      List<Row> rows = readRows(s, "");
      try (ResultSet r = s.executeQuery("SELECT last_seq FROM streams WHERE conference_id = 'demo'")) {
        assertThat(r.next()).isTrue();
        assertThat(r.getLong(1)).as("the stream's last seq is the last event").isEqualTo(rows.size());
      }
      return rows;
    }
  }

  private static List<Row> pgRows(String schema) throws Exception {
    try (Connection c = TestPostgres.jdbc(); Statement s = c.createStatement()) {
      List<Row> rows = readRows(s, schema + ".");
      try (ResultSet r = s.executeQuery("SELECT last_seq FROM " + schema + ".streams WHERE conference_id = 'demo'")) {
        assertThat(r.next()).isTrue();
        assertThat(r.getLong(1)).as("the stream's last seq is the last event").isEqualTo(rows.size());
      }
      return rows;
    }
  }

  private static List<Row> readRows(Statement s, String prefix) throws Exception {
    List<Row> rows = new ArrayList<>();
    try (ResultSet r = s.executeQuery("SELECT seq, type, payload, command_id FROM " + prefix
        + "events WHERE conference_id = 'demo' ORDER BY seq")) {
      while (r.next()) rows.add(new Row(r.getLong(1), r.getString(2), r.getString(3), r.getString(4)));
    }
    return rows;
  }

  /** Contiguous from 1, every payload a whole JSON object, every command's events together. */
  private static void assertWhole(List<Row> rows) {
    assertThat(rows).isNotEmpty();
    Map<String, Long> lastOfCommand = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      assertThat(row.seq()).as("seq at " + i).isEqualTo(i + 1L);
      assertThat(row.type()).isNotBlank();
      assertThat(new JsonObject(row.payload())).as("payload of " + row.seq()).isNotNull(); // parses whole
      if (row.commandId() != null) {
        Long previous = lastOfCommand.put(row.commandId(), row.seq());
        if (previous != null) assertThat(previous).as("events of " + row.commandId() + " adjacent").isEqualTo(row.seq() - 1);
      }
    }
  }

  private static List<JsonObject> audit(String base, String token) {
    List<JsonObject> out = new ArrayList<>();
    long after = 0;
    while (true) {
      JsonObject page = TestClient.http(base, "GET", "/api/conferences/demo/audit?limit=1000&after=" + after, null, token);
      assertThat(page.getInteger("_status")).as("audit " + page).isEqualTo(200);
      for (Object o : page.getJsonArray("events")) out.add((JsonObject) o);
      if (page.getValue("next") == null) {
        for (int i = 0; i < out.size(); i++) assertThat(out.get(i).getLong("seq")).isEqualTo(i + 1L);
        return out;
      }
      after = page.getLong("next");
    }
  }

  /** The REST tally is what the ballots in the log add up to (one per delegate and article here). */
  private static JsonObject assertTally(String base, String token, String voteId, List<JsonObject> audit) {
    JsonObject tally = TestClient.http(base, "GET", "/api/conferences/demo/votes/" + voteId + "/tally", null, token);
    Map<String, Map<String, String>> last = new HashMap<>();
    for (JsonObject e : audit) {
      if (!e.getString("type").equals("BallotCast")) continue;
      JsonObject d = e.getJsonObject("data");
      last.computeIfAbsent(d.getString("articleId"), k -> new HashMap<>()).put(d.getString("participantId"), d.getString("choice"));
    }
    for (Object o : tally.getJsonArray("articles")) {
      JsonObject a = (JsonObject) o;
      Map<String, AtomicLong> counts = new HashMap<>();
      for (String c : CHOICES) counts.put(c, new AtomicLong());
      last.getOrDefault(a.getString("articleId"), Map.of()).values().forEach(c -> counts.get(c).incrementAndGet());
      assertThat(List.of(a.getLong("agree"), a.getLong("disagree"), a.getLong("other")))
          .as("tally of " + a.getString("articleId"))
          .containsExactly(counts.get("AGREE").get(), counts.get("DISAGREE").get(), counts.get("OTHER").get());
    }
    return tally;
  }
}
