package vn.hoinghi.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoinghi.testing.TestClient.cmd;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.hoinghi.testing.ChaosProxy;
import vn.hoinghi.testing.Figures;
import vn.hoinghi.testing.TestClient;
import vn.hoinghi.testing.TestServer;
import vn.hoinghi.testing.TestServer.StoreKind;

/**
 * Issue 8, item 2: clients keep working through a proxy that drops, delays and cuts their connections at random.
 * A chair, a secretary, two hall hosts, a hall screen and twenty delegates vote (and change their ballots), annotate,
 * ask for the floor and move the agenda, each command with its own id, retried with the same id after every
 * reconnect until its one reply arrives; every reconnect resumes from the last {@code upTo}. Once the proxy heals,
 * each client must hold exactly the feed it is entitled to (compared with a clean catch-up over a direct connection,
 * and for the chair with the whole audit log), the tallies the server reports, and the log must hold every
 * acknowledged command exactly once.
 */
@DisplayName("Cut links: clients behind a chaotic proxy")
class CutLinksTest {
  private static final int MIN_DISCONNECTS = 1_000;
  /** Stop the chaos a little above the minimum: a reset racing the heal must not make the count fall short. */
  private static final int TARGET_DISCONNECTS = 1_100;
  private static final long MAX_CHAOS_MS = 90_000;
  private static final long SEED = Long.getLong("chaos.seed", 20261127L);

  private enum Kind { CHAIR, MODERATOR, HOST, OBSERVER, DELEGATE }

  @ParameterizedTest(name = "on the {0} store")
  @EnumSource(StoreKind.class)
  @DisplayName("over 1,000 disconnects no command is applied twice, no event is lost or seen twice, tallies agree")
  void clientsSurviveChaos(StoreKind store) throws Exception {
    long seed = SEED + store.ordinal();
    System.out.println("CutLinksTest " + store + " seed=" + seed + " (-Dchaos.seed=" + SEED + ")");
    long started = System.currentTimeMillis();
    try (TestServer s = TestServer.start(store, new JsonObject().put("demo.seed", true));
         ChaosProxy proxy = new ChaosProxy("127.0.0.1", s.port(), seed)) {
      TestClient setup = TestClient.demo(s, "chutri");
      JsonObject state = setup.state();
      setup.ok(cmd("StartConference"));
      setup.ok(cmd("OpenVote").put("title", "Biểu quyết Điều 8 – 10")
          .put("nodeIds", new JsonArray().add("d8").add("d9").add("d10")).put("mode", "NAMED"));
      JsonObject opened = setup.awaitEvent("VoteOpened", d -> true).getJsonObject("data");
      String voteId = opened.getString("voteId");
      List<String> articles = opened.getJsonArray("articleIds").getList();
      List<String> agendaItems = new ArrayList<>();
      for (Object o : state.getJsonObject("state").getJsonArray("agenda")) {
        agendaItems.add(((JsonObject) o).getJsonObject("item").getString("id"));
      }

      String proxyUrl = "ws://127.0.0.1:" + proxy.port() + "/ws";
      List<ChaosClient> clients = new ArrayList<>();
      Random seeds = new Random(seed);
      clients.add(new ChaosClient("chutri", Kind.CHAIR, login(s, "chutri"), proxyUrl, seeds.nextLong()));
      clients.add(new ChaosClient("thuky", Kind.MODERATOR, login(s, "thuky"), proxyUrl, seeds.nextLong()));
      clients.add(new ChaosClient("dongthap", Kind.HOST, login(s, "dongthap"), proxyUrl, seeds.nextLong()));
      clients.add(new ChaosClient("hanoi", Kind.HOST, login(s, "hanoi"), proxyUrl, seeds.nextLong()));
      clients.add(new ChaosClient("manhinh", Kind.OBSERVER, login(s, "manhinh"), proxyUrl, seeds.nextLong()));
      for (int i = 1; i <= 5; i++) {
        clients.add(new ChaosClient("daibieu" + i, Kind.DELEGATE, login(s, "daibieu" + i), proxyUrl, seeds.nextLong()));
      }
      // Fifteen more delegates join with invites for two halls (no password hashing, so set-up stays quick).
      String secretaryToken = login(s, "thuky").getString("accessToken");
      for (String code : List.of("DTP", "HNI")) {
        int count = code.equals("DTP") ? 8 : 7;
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) names.add("Đại biểu " + code + " " + i);
        List<JsonObject> joins = TestClient.listAndJoin(s.baseUrl(), "demo", secretaryToken, code, names);
        for (int i = 1; i <= count; i++) {
          JsonObject joined = joins.get(i - 1);
          String name = "join-" + code.toLowerCase() + i;
          clients.add(new ChaosClient(name, Kind.DELEGATE, joined, proxyUrl, seeds.nextLong()));
        }
      }
      for (ChaosClient c : clients) {
        c.voteId = voteId;
        c.articles = articles;
        c.agendaItems = agendaItems;
      }

      // Chaos: everybody works until the proxy has broken enough links.
      clients.forEach(ChaosClient::start);
      long chaosStart = System.currentTimeMillis();
      while (proxy.disconnects() < TARGET_DISCONNECTS && System.currentTimeMillis() - chaosStart < MAX_CHAOS_MS) {
        Thread.sleep(50);
        for (ChaosClient c : clients) {
          if (c.failure != null) throw new AssertionError(c.name + " failed", c.failure);
        }
      }
      proxy.heal();
      for (ChaosClient c : clients) c.healed = true;
      long disconnects = proxy.disconnects();
      long chaosMs = System.currentTimeMillis() - chaosStart;
      // Quiet: each client finishes the command in hand (same id) and stays connected.
      for (ChaosClient c : clients) c.stopping = true;
      for (ChaosClient c : clients) {
        TestClient.waitFor(() -> c.stopped || c.failure != null, c.name + " to finish its last command");
        if (c.failure != null) throw new AssertionError(c.name + " failed", c.failure);
      }
      long end = setup.state().getLong("upTo");
      // What a clean catch-up from the same start gives each client over a direct connection: the feed it is
      // entitled to. (Its own upTo may stay below the end of the log when the last events are not for it.)
      Map<ChaosClient, TestClient> references = new HashMap<>();
      for (ChaosClient c : clients) {
        TestClient reference = TestClient.withToken(s.baseUrl(), c.name + "-ref", c.token);
        reference.connect(c.startUpTo);
        TestClient.waitFor(() -> reference.upTo.get() >= end, c.name + " reference catch-up");
        references.put(c, reference);
        List<Long> expected = reference.eventSeqs();
        TestClient.waitFor(() -> c.eventSeqs().size() >= expected.size(), c.name + " live up to " + end + " (at "
            + c.upTo + ", open " + c.isOpen() + ", closes " + c.closeCodes + ", late closes " + c.lateCloses + ")");
      }
      long lateCloses = 0;
      for (ChaosClient c : clients) {
        c.finished = true;
        c.thread.join(10_000);
        lateCloses += c.lateCloses.get();
      }
      // Once healed, nothing closed a connection: what follows was delivered live, not by a rescue reconnect.
      assertThat(lateCloses).as("connections closed after the heal").isZero();

      assertThat(disconnects).as("disconnects caused by the proxy").isGreaterThanOrEqualTo(MIN_DISCONNECTS);

      // The whole log, read back through the audit API: contiguous, and who applied what.
      List<JsonObject> audit = audit(s, setup.accessToken);
      assertThat(audit).hasSize((int) end);
      for (int i = 0; i < audit.size(); i++) assertThat(audit.get(i).getLong("seq")).isEqualTo(i + 1L);
      Map<String, List<Long>> seqsByCommand = new HashMap<>();
      for (JsonObject e : audit) {
        String id = e.getString("commandId");
        if (id != null) seqsByCommand.computeIfAbsent(id, k -> new ArrayList<>()).add(e.getLong("seq"));
      }

      long eventsChecked = 0;
      long duplicates = 0;
      long missed = 0;
      long appliedTwice = 0;
      long sent = 0;
      long sends = 0;
      long retries = 0;
      long acked = 0;
      long duplicateAcks = 0;
      long refused = 0;
      long transientErrors = 0;
      long reconnects = 0;
      JsonObject restTally = TestClient.http(s.baseUrl(), "GET", "/api/conferences/demo/votes/" + voteId + "/tally",
          null, setup.accessToken);
      for (ChaosClient c : clients) {
        // Exactly one fresh start; every later connection resumed.
        assertThat(c.snapshots).as(c.name + " snapshots").isEqualTo(1);
        assertThat(c.duplicates).as(c.name + " duplicates").isEmpty();
        duplicates += c.duplicates.size();
        TestClient reference = references.get(c);
        List<Long> expected = reference.eventSeqs();
        List<Long> got = c.eventSeqs();
        List<Long> lost = new ArrayList<>(expected);
        lost.removeAll(got);
        missed += lost.size();
        assertThat(got).as(c.name + " feed (seed " + seed + ")").containsExactlyElementsOf(expected);
        for (int i = 0; i < expected.size(); i++) {
          assertThat(c.events.get(i)).as(c.name + " event " + expected.get(i)).isEqualTo(reference.events.get(i));
        }
        reference.close();
        eventsChecked += got.size();
        if (c.kind == Kind.CHAIR) {
          // A moderator is entitled to the whole log (no anonymous votes here).
          List<Long> all = new ArrayList<>();
          for (JsonObject e : audit) if (e.getLong("seq") > c.startUpTo) all.add(e.getLong("seq"));
          assertThat(got).as("chair sees the whole log").containsExactlyElementsOf(all);
        }
        // Every command: one reply; acknowledged ones are in the log exactly once, at the seqs the ack names.
        for (Map.Entry<String, JsonObject> r : c.replies.entrySet()) {
          JsonObject reply = r.getValue();
          List<Long> inLog = seqsByCommand.getOrDefault(r.getKey(), List.of());
          if ("ack".equals(reply.getString("type"))) {
            acked++;
            List<Long> range = new ArrayList<>();
            for (long q = reply.getLong("firstSeq"); q <= reply.getLong("lastSeq"); q++) range.add(q);
            if (!inLog.equals(range)) appliedTwice++;
            assertThat(inLog).as("events of " + r.getKey() + " (" + reply + ")").isEqualTo(range);
          } else {
            refused++;
            assertThat(inLog).as("refused " + r.getKey() + " left nothing in the log: " + reply).isEmpty();
          }
        }
        assertThat(c.replies.keySet()).as(c.name + " every command answered").containsExactlyInAnyOrderElementsOf(c.sentIds);
        sent += c.sentIds.size();
        sends += c.sends.get();
        retries += c.retries.get();
        duplicateAcks += c.duplicateAcks.get();
        transientErrors += c.transientErrors.get();
        reconnects += c.connects.get() - 1;
        // The tally it shows is the server's.
        ChaosClient tc = c;
        TestClient.waitFor(() -> tc.lastTally() != null && sameCounts(tc.lastTally(), restTally), c.name + " tally");
      }
      // No command id of anybody appears in two applications.
      for (List<Long> seqs : seqsByCommand.values()) {
        for (int i = 1; i < seqs.size(); i++) assertThat(seqs.get(i)).isEqualTo(seqs.get(i - 1) + 1);
      }
      // The tally is what the ballots in the log add up to: each delegate's last ballot per article counts.
      Map<String, String> lastChoice = new TreeMap<>();
      for (JsonObject e : audit) {
        if (!e.getString("type").equals("BallotCast")) continue;
        JsonObject d = e.getJsonObject("data");
        lastChoice.put(d.getString("participantId") + "/" + d.getString("articleId"), d.getString("choice"));
      }
      for (Object o : restTally.getJsonArray("articles")) {
        JsonObject a = (JsonObject) o;
        String article = a.getString("articleId");
        Map<String, Integer> counts = new HashMap<>(Map.of("AGREE", 0, "DISAGREE", 0, "OTHER", 0));
        lastChoice.forEach((k, v) -> {
          if (k.endsWith("/" + article)) counts.merge(v, 1, Integer::sum);
        });
        assertThat(List.of(a.getInteger("agree"), a.getInteger("disagree"), a.getInteger("other")))
            .as("tally of " + article).containsExactly(counts.get("AGREE"), counts.get("DISAGREE"), counts.get("OTHER"));
      }
      // And each voter's own last acknowledged ballot per article is what counts.
      for (ChaosClient c : clients) {
        c.lastBallot.forEach((article, choice) ->
            assertThat(lastChoice.get(c.participantId + "/" + article)).as(c.name + " ballot on " + article).isEqualTo(choice));
      }
      assertThat(appliedTwice).isZero();
      assertThat(missed).isZero();

      Map<String, Object> figures = new java.util.LinkedHashMap<>();
      figures.put("store", store.name());
      figures.put("seed", seed);
      figures.put("clients", clients.size());
      figures.put("disconnects", disconnects);
      figures.put("drops", proxy.drops.get());
      figures.put("midStreamCuts", proxy.cuts.get());
      figures.put("delays", proxy.delays.get());
      figures.put("connections", proxy.connections.get());
      figures.put("reconnects", reconnects);
      figures.put("commands", sent);
      figures.put("commandSends", sends);
      figures.put("retries", retries);
      figures.put("acked", acked);
      figures.put("duplicateAcks", duplicateAcks);
      figures.put("refused", refused);
      figures.put("transientErrors", transientErrors);
      figures.put("logEvents", end);
      figures.put("eventsChecked", eventsChecked);
      figures.put("duplicates", duplicates);
      figures.put("missed", missed);
      figures.put("appliedTwice", appliedTwice);
      figures.put("chaosMs", chaosMs);
      figures.put("ms", System.currentTimeMillis() - started);
      Figures.record("cut-links-" + store.name().toLowerCase(), figures);
      for (ChaosClient c : clients) c.close();
      setup.close();
    }
  }

  private static boolean sameCounts(JsonObject tally, JsonObject rest) {
    JsonArray a = tally.getJsonArray("articles");
    JsonArray b = rest.getJsonArray("articles");
    if (a.size() != b.size()) return false;
    for (int i = 0; i < a.size(); i++) {
      for (String k : List.of("articleId", "agree", "disagree", "other", "total")) {
        if (!a.getJsonObject(i).getValue(k).equals(b.getJsonObject(i).getValue(k))) return false;
      }
    }
    return true;
  }

  private static JsonObject login(TestServer s, String username) {
    JsonObject r = TestClient.post(s.baseUrl(), "/api/login", new JsonObject().put("username", username)
        .put("password", TestClient.DEMO_PASSWORD).put("conferenceId", "demo"), null);
    assertThat(r.getInteger("_status")).as("login " + username).isEqualTo(200);
    return r;
  }

  static List<JsonObject> audit(TestServer s, String token) {
    List<JsonObject> out = new ArrayList<>();
    long after = 0;
    while (true) {
      JsonObject page = TestClient.http(s.baseUrl(), "GET", "/api/conferences/demo/audit?limit=1000&after=" + after,
          null, token);
      assertThat(page.getInteger("_status")).as("audit " + page).isEqualTo(200);
      for (Object o : page.getJsonArray("events")) out.add((JsonObject) o);
      if (page.getValue("next") == null) return out;
      after = page.getLong("next");
    }
  }

  /**
   * One participant's client: a thread that sends one command at a time and resends it with the same id after every
   * reconnect until its reply arrives, and a feed that resumes from the last {@code upTo}. Frames from a connection
   * that has been replaced are ignored, so a late frame of a dead socket cannot race the resume.
   */
  static final class ChaosClient {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Set<String> TRANSIENT = Set.of("RATE_LIMITED", "STORE_UNAVAILABLE", "STORE_CONFLICT",
        "UNAVAILABLE", "WRITER_MOVED", "NO_WRITER");
    private static final String[] CHOICES = {"AGREE", "DISAGREE", "OTHER"};

    final String name;
    final Kind kind;
    final String token;
    final String participantId;
    final String url;
    final Random random;
    final Thread thread;
    volatile boolean stopping;
    volatile boolean finished;
    volatile boolean stopped;
    /** Set once the proxy is healed: a connection opened after that must stay up. */
    volatile boolean healed;
    private int firstHealedGeneration = Integer.MAX_VALUE;
    final AtomicLong lateCloses = new AtomicLong();
    final Map<Integer, Integer> closeCodes = new ConcurrentHashMap<>();
    volatile Throwable failure;
    String voteId;
    List<String> articles;
    List<String> agendaItems;

    // The feed, guarded by this.
    final List<JsonObject> events = new ArrayList<>();
    final List<Long> duplicates = new ArrayList<>();
    private final Set<Long> seen = new java.util.HashSet<>();
    volatile long upTo = -1;
    long startUpTo = -1;
    int snapshots;
    private JsonObject lastTally;
    private int generation;
    private JsonObject welcome;
    private boolean caughtUp;

    // Commands.
    final List<String> sentIds = new ArrayList<>();
    final Map<String, JsonObject> replies = new ConcurrentHashMap<>();
    final Map<String, String> lastBallot = new HashMap<>();
    final AtomicLong sends = new AtomicLong();
    final AtomicLong retries = new AtomicLong();
    final AtomicLong duplicateAcks = new AtomicLong();
    final AtomicLong transientErrors = new AtomicLong();
    final AtomicLong connects = new AtomicLong();
    private volatile String awaitingId;
    private volatile CompletableFuture<JsonObject> awaiting = new CompletableFuture<>();
    private volatile CompletableFuture<Void> closed = CompletableFuture.completedFuture(null);
    private volatile WebSocket ws;
    private String myWaitingRequest;
    private long myRequestSeq = -1;
    private int counter;

    ChaosClient(String name, Kind kind, JsonObject login, String url, long seed) {
      this.name = name;
      this.kind = kind;
      this.token = login.getString("accessToken");
      this.participantId = login.getString("participantId");
      this.url = url;
      this.random = new Random(seed);
      this.thread = new Thread(this::run, "chaos-client-" + name);
      thread.setDaemon(true);
    }

    void start() {
      thread.start();
    }

    synchronized List<Long> eventSeqs() {
      List<Long> out = new ArrayList<>();
      for (JsonObject e : events) out.add(e.getLong("seq"));
      return out;
    }

    synchronized JsonObject lastTally() {
      return lastTally;
    }

    private void run() {
      try {
        while (!stopping) {
          JsonObject command = next();
          if (command == null) {
            pause();
            continue;
          }
          String id = name + "." + (++counter);
          sentIds.add(id);
          JsonObject reply = untilReplied(id, command);
          if ("ack".equals(reply.getString("type"))) {
            if (reply.getBoolean("duplicate", false)) duplicateAcks.incrementAndGet();
            if (command.getString("type").equals("CastBallot")) {
              lastBallot.put(command.getString("articleId"), command.getString("choice"));
            }
            if (command.getString("type").equals("RequestFloor")) myRequestSeq = reply.getLong("firstSeq");
            if (command.getString("type").equals("WithdrawFloorRequest")) myWaitingRequest = null;
          } else if (command.getString("type").equals("WithdrawFloorRequest")) {
            myWaitingRequest = null;
          }
          pause();
        }
        stopped = true;
        // Healed: stay connected so the feed comes in live; a close from the server now is counted, and resumed.
        while (!finished) {
          if (!isOpen()) connect();
          Thread.sleep(10);
        }
      } catch (Throwable t) {
        failure = t;
      }
    }

    private void pause() throws InterruptedException {
      Thread.sleep(40 + random.nextInt(80));
    }

    /** The next thing this participant does; null: nothing this time. */
    private JsonObject next() {
      int roll = random.nextInt(100);
      switch (kind) {
        case CHAIR:
          if (roll < 60) {
            return cmd("MoveAgendaItem").put("itemId", agendaItems.get(random.nextInt(agendaItems.size())))
                .put("position", random.nextInt(agendaItems.size()));
          }
          return ballot();
        case HOST:
          return floor(true);
        case DELEGATE:
          if (roll < 50) return ballot();
          if (roll < 70) {
            return cmd("AddAnnotation").put("nodeId", articles.get(random.nextInt(articles.size())))
                .put("kind", "COMMENT").put("body", "Góp ý của " + name + " số " + counter);
          }
          return floor(false);
        default:
          return null; // the secretary and the hall screen only watch
      }
    }

    private JsonObject ballot() {
      String choice = CHOICES[random.nextInt(3)];
      JsonObject b = cmd("CastBallot").put("voteId", voteId).put("articleId", articles.get(random.nextInt(articles.size())))
          .put("choice", choice);
      if (choice.equals("OTHER")) b.put("text", "Đề nghị sửa (" + name + ")");
      return b;
    }

    /** Asks for the floor, or withdraws the waiting request once it is known from the feed. */
    private JsonObject floor(boolean forHall) {
      synchronized (this) {
        if (myRequestSeq > 0) {
          for (JsonObject e : events) {
            if (e.getLong("seq") == myRequestSeq && e.getString("type").equals("FloorRequested")) {
              myWaitingRequest = e.getJsonObject("data").getString("requestId");
              myRequestSeq = -1;
            }
          }
        }
      }
      if (myWaitingRequest != null) return cmd("WithdrawFloorRequest").put("requestId", myWaitingRequest);
      return cmd("RequestFloor").put("kind", "CONTRIBUTION").put("forHall", forHall);
    }

    /** Sends the command, and again with the same id after each reconnect, until its one reply. */
    private JsonObject untilReplied(String id, JsonObject command) throws Exception {
      boolean first = true;
      long deadline = System.currentTimeMillis() + 120_000;
      while (true) {
        if (System.currentTimeMillis() > deadline) throw new AssertionError(name + ": no reply to " + id);
        if (!isOpen()) {
          connect();
          continue;
        }
        if (!first) retries.incrementAndGet();
        first = false;
        CompletableFuture<JsonObject> reply = new CompletableFuture<>();
        awaiting = reply;
        awaitingId = id;
        sends.incrementAndGet();
        try {
          ws.sendText(new JsonObject().put("type", "command").put("id", id).put("command", command).encode(), true)
              .get(2, TimeUnit.SECONDS);
          CompletableFuture.anyOf(reply, closed).get(5, TimeUnit.SECONDS);
        } catch (Exception broken) {
          abort();
          continue;
        }
        if (!reply.isDone()) continue; // the link died first: reconnect and send it again
        JsonObject r = reply.get();
        if ("error".equals(r.getString("type")) && TRANSIENT.contains(r.getString("code"))) {
          transientErrors.incrementAndGet();
          Thread.sleep(200);
          continue;
        }
        replies.put(id, r);
        return r;
      }
    }

    private boolean isOpen() {
      return ws != null && !closed.isDone();
    }

    private void abort() {
      WebSocket w = ws;
      if (w != null) w.abort();
      closed.complete(null);
    }

    /** One attempt: open a socket through the proxy, say hello resuming after upTo, wait for the catch-up. */
    private void connect() throws InterruptedException {
      abort();
      int gen;
      Long resume;
      CompletableFuture<Void> done = new CompletableFuture<>();
      synchronized (this) {
        gen = ++generation;
        if (healed && firstHealedGeneration == Integer.MAX_VALUE) firstHealedGeneration = gen;
        resume = upTo < 0 ? null : upTo;
        welcome = null;
        caughtUp = false;
        closed = done;
      }
      connects.incrementAndGet();
      try {
        WebSocket w = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(2)).subprotocols("hoinghi.v1")
            .buildAsync(URI.create(url), new Listener(gen)).get(3, TimeUnit.SECONDS);
        ws = w;
        JsonObject hello = new JsonObject().put("type", "hello").put("token", token);
        if (resume != null) hello.put("resumeAfter", resume);
        w.sendText(hello.encode(), true).get(2, TimeUnit.SECONDS);
        long until = System.currentTimeMillis() + 5_000;
        while (!done.isDone() && System.currentTimeMillis() < until) {
          synchronized (this) {
            if (caughtUp) return;
          }
          Thread.sleep(2);
        }
      } catch (Exception e) {
        // refused, reset or timed out: the caller tries again
      }
      abort();
      Thread.sleep(5 + random.nextInt(20));
    }

    private synchronized void onFrame(int gen, JsonObject f) {
      if (gen != generation) return; // a frame of a replaced connection
      switch (f.getString("type", "")) {
        case "welcome" -> welcome = f;
        case "snapshot" -> {
          snapshots++;
          upTo = f.getLong("upTo");
          if (startUpTo < 0) startUpTo = upTo;
          caughtUp = welcome != null;
        }
        case "events" -> {
          for (Object o : f.getJsonArray("events")) {
            JsonObject e = (JsonObject) o;
            long seq = e.getLong("seq");
            if (!seen.add(seq) || seq <= upTo) duplicates.add(seq);
            events.add(e);
          }
          upTo = Math.max(upTo, f.getLong("upTo"));
          caughtUp = welcome != null;
        }
        case "tally" -> {
          if (voteId != null && voteId.equals(f.getString("voteId"))) lastTally = f;
        }
        case "ack", "error" -> {
          String id = f.getString("id");
          if (id != null && id.equals(awaitingId)) awaiting.complete(f);
        }
        default -> { }
      }
    }

    private final class Listener implements WebSocket.Listener {
      private final int gen;
      private final StringBuilder partial = new StringBuilder();

      Listener(int gen) {
        this.gen = gen;
      }

      @Override
      public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
          String text = partial.toString();
          partial.setLength(0);
          onFrame(gen, new JsonObject(text));
        }
        webSocket.request(1);
        return null;
      }

      @Override
      public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCodes.merge(statusCode, 1, Integer::sum);
        gone();
        return null;
      }

      @Override
      public void onError(WebSocket webSocket, Throwable error) {
        gone();
      }

      private void gone() {
        synchronized (ChaosClient.this) {
          if (gen >= firstHealedGeneration) lateCloses.incrementAndGet();
          if (gen == generation) closed.complete(null);
        }
      }
    }

    void close() {
      WebSocket w = ws;
      if (w != null) w.abort();
    }
  }
}
