package vn.hoinghi.store;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoinghi.testing.TestClient.cmd;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgConnectOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.config.ServerConfig;
import vn.hoinghi.live.ConferenceWriter;
import vn.hoinghi.testing.Await;
import vn.hoinghi.testing.Figures;
import vn.hoinghi.testing.TcpProxy;
import vn.hoinghi.testing.TestClient;
import vn.hoinghi.testing.TestPostgres;
import vn.hoinghi.testing.TestServer;

/**
 * PostgreSQL goes away in the middle of a session, with clients connected over WebSockets. The server reaches the
 * database only through a {@link TcpProxy} that the test breaks: every connection cut and new ones refused, or a
 * black hole that keeps connections open and forwards nothing back. Commands during the outage must get a typed
 * error in bounded time, nothing unsaved may be acknowledged, readiness must say so, and the server must recover by
 * itself: the writer re-established, clients' feeds complete and in order, resends with the same id applied once.
 */
@DisplayName("Database outage: typed errors, nothing falsely acknowledged, recovery without restart")
class DatabaseOutageTest {
  /** No command may wait longer than this for its answer, whatever the database does. */
  private static final long ANSWER_BOUND_MS = 10_000;
  private static final Set<String> OUTAGE_CODES = Set.of("STORE_UNAVAILABLE", "STORE_CONFLICT", "UNAVAILABLE",
      "WRITER_MOVED", "NO_WRITER");
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private enum Fault { CUT, CUT_SERVER_SIDE, BLACK_HOLE, LOST_REPLIES }

  @Test
  @DisplayName("all connections cut and new ones refused, then the same with PostgreSQL keeping its sessions")
  void cutAndRefused() throws Exception {
    run("database-outage-cut", List.of(Fault.CUT, Fault.CUT_SERVER_SIDE));
  }

  @Test
  @DisplayName("black hole (connections open, nothing forwarded), then replies lost and connections cut")
  void blackHole() throws Exception {
    run("database-outage-blackhole", List.of(Fault.BLACK_HOLE, Fault.LOST_REPLIES));
  }

  /** What happened to every command the test sent: id → its final reply, plus the errors seen on the way. */
  private static final class Ledger {
    final Map<String, JsonObject> acked = new LinkedHashMap<>();
    final Map<String, JsonObject> failed = new LinkedHashMap<>();
    /** Commands answered with an error whose id must be sent again after recovery. */
    final Map<String, Object[]> toResend = new LinkedHashMap<>();
    int duringOutage;
    int typedErrors;
    int restErrors;
    long slowestAnswerMs;
    int committedDespiteError;
  }

  private void run(String name, List<Fault> faults) throws Exception {
    TestPostgres.assumeReachable();
    long seed = 8_0003L;
    System.out.println(name + " seed " + seed);
    Random random = new Random(seed);
    PgConnectOptions pg = PgConnectOptions.fromUri(TestPostgres.URL);
    String proxied = "postgresql://" + pg.getUser() + (pg.getPassword() == null ? "" : ":" + pg.getPassword())
        + "@127.0.0.1:%d/" + pg.getDatabase();
    try (TcpProxy proxy = new TcpProxy(pg.getHost(), pg.getPort());
         TestServer s = TestServer.start(TestServer.StoreKind.POSTGRES, new JsonObject().put("demo.seed", true)
             .put("store", String.format(proxied, proxy.port())))) {
      String schema = ((ServerConfig.Store.Postgres) s.app.config().store()).schema();
      TestClient chair = TestClient.demo(s, "chutri");
      TestClient d1 = TestClient.demo(s, "daibieu1");
      TestClient d2 = TestClient.demo(s, "daibieu2");
      TestClient watcher = TestClient.demo(s, "daibieu3");
      TestClient flaky = TestClient.demo(s, "daibieu4");
      Map<TestClient, Long> startedAt = new HashMap<>();
      for (TestClient c : List.of(chair, d1, d2, watcher, flaky)) startedAt.put(c, c.upTo.get());
      Ledger ledger = new Ledger();
      chair.ok(cmd("StartConference"));
      chair.ok(cmd("OpenVote").put("title", "Điều 3").put("nodeIds", new JsonArray().add("d3")).put("mode", "NAMED"));
      String voteId = watcher.awaitEvent("VoteOpened", d -> true).getJsonObject("data").getString("voteId");
      List<TestClient> senders = List.of(chair, d1, d2);
      String[] choices = {"AGREE", "DISAGREE", "OTHER"};
      int[] counter = {0};
      java.util.function.Function<TestClient, JsonObject> nextCommand = c -> c == chair
          ? cmd("AddAgendaItem").put("title", "Mục " + (++counter[0])).put("kind", "DISCUSSION").put("plannedMinutes", 5)
              .put("nodeIds", new JsonArray())
          : cmd("CastBallot").put("voteId", voteId).put("articleId", "d3").put("choice", choices[random.nextInt(3)]);

      int readyDownSeen = 0;
      int commandsDuringOutage = 0;
      long slowestRecoveryMs = 0;
      List<Long> recoveries = new ArrayList<>();
      for (int round = 0; round < faults.size(); round++) {
        Fault fault = faults.get(round);
        // Normal traffic first.
        for (int i = 0; i < 6; i++) {
          TestClient c = senders.get(i % senders.size());
          send(ledger, c, name + "-r" + round + "-pre" + i, nextCommand.apply(c), false);
        }
        assertThat(ledger.failed).as("no error before the outage").isEmpty();

        // The database goes away.
        switch (fault) {
          case CUT -> proxy.cut();
          case CUT_SERVER_SIDE -> proxy.cutServerSideOnly();
          case BLACK_HOLE -> proxy.pauseAll();
          case LOST_REPLIES -> proxy.pauseRepliesFromNextCommit();
          default -> throw new IllegalStateException();
        }
        // Commands keep coming, from every sender at once, over the WebSocket and REST.
        int before = ledger.typedErrors;
        List<Object[]> burst = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
          TestClient c = senders.get(i % senders.size());
          String id = name + "-r" + round + "-out" + i;
          burst.add(new Object[] {c, id, nextCommand.apply(c)});
        }
        sendAll(ledger, burst, true);
        String restId = name + "-r" + round + "-rest";
        JsonObject restCmd = nextCommand.apply(chair);
        long t0 = System.currentTimeMillis();
        JsonObject rest = restCommand(s, chair.accessToken, restId, restCmd);
        ledger.slowestAnswerMs = Math.max(ledger.slowestAnswerMs, System.currentTimeMillis() - t0);
        assertThat(rest.getInteger("_status")).as("REST command during the outage: " + rest).isEqualTo(503);
        assertThat(rest.getString("code")).isIn(OUTAGE_CODES);
        ledger.restErrors++;
        ledger.typedErrors++;
        ledger.toResend.put(restId, new Object[] {chair, restId, restCmd});
        commandsDuringOutage += burst.size() + 1;
        assertThat(ledger.typedErrors - before).as("every command in the outage got a typed error")
            .isEqualTo(burst.size() + 1);

        assertThat(status(s, "/health")).as("/health while the database is down").isEqualTo(200);
        readyDownSeen += awaitStatus(s, "/health/ready", 503) ? 1 : 0;

        // A client drops and comes back while the database is still away: the writer serves it from memory.
        flaky.drop();
        flaky.reconnect();
        assertThat(status(s, "/health")).isEqualTo(200);
        assertThat(status(s, "/health/ready")).isEqualTo(503);

        // The database returns.
        long back = System.currentTimeMillis();
        if (fault == Fault.LOST_REPLIES) {
          // The partition ends in resets, as a real one does once TCP gives up: commit outcomes stay unknown.
          proxy.cut();
        }
        proxy.restore();
        String probeId = name + "-r" + round + "-probe";
        JsonObject probe = nextCommand.apply(d1);
        long recovered;
        while (true) {
          d1.replies.remove(probeId);
          JsonObject r;
          try {
            r = d1.command(probeId, probe);
          } catch (AssertionError e) {
            dumpPg();
            throw e;
          }
          if ("ack".equals(r.getString("type"))) {
            recovered = System.currentTimeMillis() - back;
            ledger.acked.put(probeId, r);
            break;
          }
          assertThat(r.getString("code")).as("while recovering: " + r).isIn(OUTAGE_CODES);
          assertThat(System.currentTimeMillis() - back).as("recovery time").isLessThan(30_000);
          Thread.sleep(100);
        }
        recoveries.add(recovered);
        slowestRecoveryMs = Math.max(slowestRecoveryMs, recovered);
        assertThat(awaitStatus(s, "/health/ready", 200)).as("ready again").isTrue();

        // The writer holds the conference's lock again.
        ConferenceWriter writer = Await.of(s.app.conferences().existing("demo"));
        TestClient.waitFor(writer::leads, "the writer to lead again");

        // What got an error goes out again with the same id: applied once, whatever happened to it before.
        for (Object[] c : ledger.toResend.values()) {
          String id = (String) c[1];
          JsonObject r = c[0] == chair && id.endsWith("-rest")
              ? restCommand(s, chair.accessToken, id, (JsonObject) c[2])
              : ((TestClient) c[0]).command(id, (JsonObject) c[2]);
          assertThat(r.getString("type")).as("resend " + id + ": " + r).isEqualTo("ack");
          // Committed although its answer was an error (the store's reply was lost): the resend is a duplicate.
          if (r.getBoolean("duplicate", false)) ledger.committedDespiteError++;
          ledger.acked.put(id, r);
        }
        ledger.toResend.clear();
        // A client that drops now resumes exactly where it was.
        flaky.drop();
        flaky.reconnect();
      }

      // Traffic after the last recovery, to be sure the server writes normally.
      for (int i = 0; i < 6; i++) {
        TestClient c = senders.get(i % senders.size());
        send(ledger, c, name + "-post" + i, nextCommand.apply(c), false);
      }
      assertThat(ledger.failed).as("only outage commands failed").isEmpty();

      // The log: every acknowledged command exactly once (its events, no more).
      Map<String, Integer> inLog = eventsByCommand(schema);
      int missing = 0;
      int duplicates = 0;
      for (Map.Entry<String, JsonObject> a : ledger.acked.entrySet()) {
        long span = a.getValue().getLong("lastSeq") - a.getValue().getLong("firstSeq") + 1;
        int n = inLog.getOrDefault(a.getKey(), 0);
        if (n < span) missing++;
        if (n > span) duplicates++;
      }
      assertThat(missing).as("acknowledged but not in the log").isZero();
      assertThat(duplicates).as("applied twice").isZero();

      // Clients connected throughout, and the one that kept reconnecting, saw every event they may see, in order,
      // once: the same as a fresh client reading the whole log.
      long end = Await.of(Await.of(s.app.conferences().existing("demo")).committedSeq());
      int eventsChecked = 0;
      for (TestClient c : List.of(chair, d1, d2, watcher, flaky)) {
        TestClient reference = TestClient.withToken(s.baseUrl(), c.username + "-ref", c.accessToken);
        reference.connect(0L);
        TestClient.waitFor(() -> reference.upTo.get() >= end, "reference caught up");
        List<Long> expected = new ArrayList<>(reference.eventSeqs());
        long from = startedAt.get(c);
        expected.removeIf(seq -> seq <= from);
        // A client's upTo moves only with frames it may see, so wait for its events, not for the log's end.
        long deadline = System.currentTimeMillis() + 10_000;
        while (c.events.size() < expected.size() && System.currentTimeMillis() < deadline) Thread.sleep(10);
        assertThat(c.duplicates).as(c.username + " duplicates").isEmpty();
        assertThat(c.eventSeqs()).as(c.username + " events in order, no gap").isSorted()
            .containsExactlyElementsOf(expected);
        eventsChecked += expected.size();
        reference.close();
      }

      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("seed", seed);
      figures.put("outagesInjected", faults.size());
      figures.put("faults", faults.toString());
      figures.put("commandsDuringOutage", commandsDuringOutage);
      figures.put("typedErrors", ledger.typedErrors);
      figures.put("restErrors503", ledger.restErrors);
      figures.put("slowestErrorMs", ledger.slowestAnswerMs);
      figures.put("acked", ledger.acked.size());
      figures.put("erroredButCommittedResentAsDuplicate", ledger.committedDespiteError);
      figures.put("ackedButMissing", missing);
      figures.put("duplicates", duplicates);
      figures.put("recoveryMs", recoveries.toString());
      figures.put("slowestRecoveryMs", slowestRecoveryMs);
      figures.put("ready503Seen", readyDownSeen);
      figures.put("eventsCheckedOnClients", eventsChecked);
      figures.put("proxiedConnections", proxy.accepted());
      figures.put("refusedConnections", proxy.refused());
      Figures.record(name, figures);
      for (TestClient c : List.of(chair, d1, d2, watcher, flaky)) c.close();
    }
  }

  /** Sends one command over the WebSocket and files its reply; outside an outage it must be acked. */
  private static void send(Ledger ledger, TestClient c, String id, JsonObject command, boolean outage) {
    sendAll(ledger, List.<Object[]>of(new Object[] {c, id, command}), outage);
  }

  /** Sends every command at once, then waits for each one's reply within the bound. */
  private static void sendAll(Ledger ledger, List<Object[]> commands, boolean outage) {
    long t0 = System.currentTimeMillis();
    for (Object[] c : commands) {
      ((TestClient) c[0]).send(new JsonObject().put("type", "command").put("id", c[1]).put("command", c[2]));
    }
    for (Object[] c : commands) {
      TestClient client = (TestClient) c[0];
      String id = (String) c[1];
      TestClient.waitFor(() -> client.replies.containsKey(id), "reply to " + id);
      JsonObject r = client.replies.remove(id);
      long took = System.currentTimeMillis() - t0;
      if (outage) {
        ledger.duringOutage++;
        ledger.slowestAnswerMs = Math.max(ledger.slowestAnswerMs, took);
        assertThat(took).as("answer to " + id + " during the outage").isLessThanOrEqualTo(ANSWER_BOUND_MS);
        assertThat(r.getString("type")).as("no ack while the database is away: " + r).isEqualTo("error");
        assertThat(r.getString("code")).as(id).isIn(OUTAGE_CODES);
        ledger.typedErrors++;
        ledger.toResend.put(id, c);
      } else if ("ack".equals(r.getString("type"))) {
        ledger.acked.put(id, r);
      } else {
        ledger.failed.put(id, r);
      }
    }
  }

  private static JsonObject restCommand(TestServer s, String token, String id, JsonObject command) throws Exception {
    HttpRequest req = HttpRequest.newBuilder(URI.create(s.baseUrl() + "/api/conferences/demo/commands"))
        .timeout(Duration.ofMillis(ANSWER_BOUND_MS + 5_000))
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("id", id).put("command", command).encode()))
        .build();
    HttpResponse<String> r = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
    return new JsonObject(r.body()).put("_status", r.statusCode());
  }

  private static int status(TestServer s, String path) throws Exception {
    HttpRequest req = HttpRequest.newBuilder(URI.create(s.baseUrl() + path)).timeout(Duration.ofSeconds(5)).GET().build();
    return HTTP.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** Polls until the path answers {@code expected} (within 10 s). */
  private static boolean awaitStatus(TestServer s, String path, int expected) throws Exception {
    long deadline = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < deadline) {
      if (status(s, path) == expected) return true;
      Thread.sleep(100);
    }
    return false;
  }

  private static void dumpPg() throws Exception {
    try (Connection c = TestPostgres.jdbc(); Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("SELECT a.pid, a.state, a.application_name, left(a.query, 80), l.locktype, l.granted "
             + "FROM pg_stat_activity a LEFT JOIN pg_locks l ON l.pid = a.pid AND l.locktype = 'advisory' "
             + "WHERE a.datname = current_database()")) {
      while (rs.next()) {
        System.out.println("PG " + rs.getInt(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4)
            + " " + rs.getString(5) + " " + rs.getString(6));
      }
    }
  }

  /** command id → number of events it has in the demo conference's log, read directly (not through the proxy). */
  private static Map<String, Integer> eventsByCommand(String schema) throws Exception {
    Map<String, Integer> out = new HashMap<>();
    try (Connection c = TestPostgres.jdbc(); Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("SELECT command_id, count(*) FROM " + schema
             + ".events WHERE conference_id = 'demo' GROUP BY command_id")) {
      while (rs.next()) out.put(rs.getString(1), rs.getInt(2));
    }
    return out;
  }
}
