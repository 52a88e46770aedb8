package vn.hoinghi.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The load generator: N authenticated delegate connections to one conference, a vote burst, a
 * chair broadcast, and what it cost the server. See docs/benchmarks.md for commands and figures.
 *
 * <pre>
 * java -cp ... vn.hoinghi.bench.LoadGenerator --url http://127.0.0.1:8080 --clients 5000 \
 *      [--burst-ms 5000] [--broadcasts 5] [--server-pid PID] [--organizer bantochuc --password hoinghi-demo]
 *      [--draft drafts/real/bo-luat-lao-dong-2019-cong-bao.txt] [--pause-before-vote S] [--chair-burst K]
 * </pre>
 *
 * Several nodes: {@code --url http://127.0.0.1:8091,http://127.0.0.1:8092,http://127.0.0.1:8093
 * --server-pid P1,P2,P3} sets the conference up through the first node and spreads the delegates' WebSockets over all
 * of them round-robin (with three nodes, two thirds of the ballots reach a node that is not the conference's writer
 * and are forwarded); CPU is summed over the pids, memory is measured only with one pid.
 * <pre>
 * </pre>
 *
 * Steps: (1) as the organizer, create a conference with the central endpoint and the 34 provincial
 * halls, a chair, the draft (a real 220-article law unless --draft names another resource) and one invite per hall; (2) N delegates join with the invites
 * (REST) and connect (WebSocket, hello, snapshot); (3) server heap and resident memory per
 * connection, after a GC (needs --server-pid, uses jcmd); (4) the chair opens a vote on Điều 5 and
 * every delegate casts a ballot at a random moment within the burst window: ack latency, tally
 * convergence after the last ballot, tally equal to the ballots; (5) the chair advances the agenda
 * several times: fan-out latency from the event's server timestamp to each client's receipt.
 */
public final class LoadGenerator {
  /**
   * The draft the conference is set up on, by default a real-size one: Bộ luật Lao động 2019 as published in the
   * Official Gazette (220 articles; source in drafts/real/SOURCES.md). {@code --draft demo/draft.md} is the 17-article
   * demo draft earlier figures were measured on.
   */
  static final String REAL_DRAFT = "drafts/real/bo-luat-lao-dong-2019-cong-bao.txt";
  private static final HttpClient HTTP = HttpClient.newBuilder().build();

  private final String base;
  /** Every node's address ({@code --url a,b,c}); delegate k connects to node k mod the number of nodes. */
  private final List<URI> nodes = new ArrayList<>();
  private final Map<String, String> opts;
  final Vertx vertx;
  private final WebSocketClient ws;

  String conferenceId;
  String chairToken;
  private final List<Delegate> delegates = new ArrayList<>();

  private final Histogram connectMs = new ConcurrentHistogram(3);
  private final Histogram ackMs = new ConcurrentHistogram(3);
  private final Histogram convergeMs = new ConcurrentHistogram(3);
  private final Histogram fanoutMs = new ConcurrentHistogram(3);
  private final AtomicLong lastBallotAckAt = new AtomicLong();
  private final AtomicInteger acked = new AtomicInteger();
  private final AtomicInteger ballotErrors = new AtomicInteger();
  private final AtomicLong framesIn = new AtomicLong();
  private final AtomicLong tallyFrames = new AtomicLong();
  private final Map<Integer, AtomicInteger> closes = new java.util.concurrent.ConcurrentHashMap<>();
  private volatile boolean finishing;

  LoadGenerator(Map<String, String> opts) {
    this.opts = opts;
    for (String u : opts.getOrDefault("url", "http://127.0.0.1:8080").split(",")) nodes.add(URI.create(u.trim()));
    this.base = nodes.get(0).toString();
    this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(Integer.parseInt(opts.getOrDefault("loops", "2"))));
    this.ws = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxFrameSize(16 * 1024 * 1024).setMaxMessageSize(64 * 1024 * 1024).setConnectTimeout(60_000)
        .setMaxConnections(100_000));
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> o = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    LoadGenerator g = new LoadGenerator(o);
    try {
      g.run();
    } finally {
      g.vertx.close().await(10, TimeUnit.SECONDS);
    }
    System.exit(0);
  }

  private void run() throws Exception {
    int n = Integer.parseInt(opts.getOrDefault("clients", "1000"));
    long burstMs = Long.parseLong(opts.getOrDefault("burst-ms", "5000"));
    int broadcasts = Integer.parseInt(opts.getOrDefault("broadcasts", "5"));
    String pid = opts.get("server-pid");

    List<String> invites = setUp(n);
    long t0 = System.nanoTime();
    List<String> tokens = join(n, invites);
    double joinS = (System.nanoTime() - t0) / 1e9;
    // Baseline after the joins: the participants exist whether or not they are connected; what we measure is the
    // cost of a connection.
    boolean onePid = pid != null && !pid.contains(",");
    Map<String, Long> baseline = onePid ? serverMemory(pid) : Map.of();
    t0 = System.nanoTime();
    double[] cpu0 = cpu(pid);
    connectAll(tokens);
    double connectS = (System.nanoTime() - t0) / 1e9;
    double[] cpu1 = cpu(pid);
    Map<String, Long> loaded = onePid ? serverMemory(pid) : Map.of();
    int chairBurst = Integer.parseInt(opts.getOrDefault("chair-burst", "0"));
    if (chairBurst > 0) {
      // The chair moves through the agenda in quick succession (each command waits for its answer), then the pause.
      JsonArray items = get("/api/conferences/" + conferenceId + "/state", chairToken).getJsonObject("state").getJsonArray("agenda");
      for (int i = 0; i < chairBurst; i++) {
        String item = items.getJsonObject(i % items.size()).getJsonObject("item").getString("id");
        command(chairToken, new JsonObject().put("type", "StartAgendaItem").put("itemId", item));
      }
      System.err.println("chair burst of " + chairBurst + " agenda events sent");
    }
    long pause = Long.parseLong(opts.getOrDefault("pause-before-vote", "0"));
    if (pause > 0) {
      System.err.println("connected; pausing " + pause + " s before the vote");
      Thread.sleep(pause * 1000);
      System.err.println("closed by the server while idle: " + closes);
    }
    double[] cpu2 = cpu(pid);

    JsonObject chair = new JsonObject();
    // (4) the vote burst
    for (Delegate d : delegates) d.burstMs = burstMs;
    long voteStart = System.currentTimeMillis();
    JsonObject opened = command(chairToken, new JsonObject().put("type", "OpenVote").put("title", "Biểu quyết Điều 5")
        .put("nodeIds", new JsonArray().add("d5")).put("mode", "NAMED"));
    String voteId = opened.getString("voteId");
    for (Delegate d : delegates) d.vote(voteId);
    long deadline = System.currentTimeMillis() + burstMs + 60_000;
    while (acked.get() + ballotErrors.get() < n && System.currentTimeMillis() < deadline) Thread.sleep(20);
    long lastAck = lastBallotAckAt.get();
    while (System.currentTimeMillis() < deadline && delegates.stream().anyMatch(d -> d.tallyTotal < acked.get())) Thread.sleep(20);
    for (Delegate d : delegates) if (d.convergedAt > 0) convergeMs.recordValue(Math.max(0, d.convergedAt - lastAck));
    int unconverged = (int) delegates.stream().filter(d -> d.tallyTotal < acked.get()).count();
    JsonObject tally = get("/api/conferences/" + conferenceId + "/votes/" + voteId + "/tally", chairToken);
    int tallied = tally.getJsonArray("articles").getJsonObject(0).getInteger("total");
    JsonObject state = get("/api/conferences/" + conferenceId + "/state", chairToken);
    long ballotsInLog = state.getJsonObject("state").getJsonArray("votes").stream().map(v -> (JsonObject) v)
        .filter(v -> v.getJsonObject("vote").getString("id").equals(voteId))
        .mapToLong(v -> v.getJsonArray("ballots").size()).sum();
    double burstS = (lastAck - voteStart) / 1000.0;
    double[] cpu3 = cpu(pid);
    command(chairToken, new JsonObject().put("type", "CloseVote").put("voteId", voteId));

    // (5) chair broadcasts
    JsonArray agenda = state.getJsonObject("state").getJsonArray("agenda");
    for (int i = 0; i < broadcasts; i++) {
      String item = agenda.getJsonObject(i % agenda.size()).getJsonObject("item").getString("id");
      command(chairToken, new JsonObject().put("type", "StartAgendaItem").put("itemId", item));
      Thread.sleep(1000);
    }
    Thread.sleep(2000);
    long received = delegates.stream().mapToLong(d -> d.agendaEvents).sum();
    double[] cpu4 = cpu(pid);
    JsonObject storm = opts.containsKey("storm") ? reconnectStorm(agenda) : null;

    JsonObject report = new JsonObject()
        .put("clients", n).put("connected", delegates.size())
        .put("joinSeconds", round(joinS)).put("connectSeconds", round(connectS))
        .put("connectMs", pct(connectMs))
        .put("ballotsAcked", acked.get()).put("ballotErrors", ballotErrors.get())
        .put("burstSeconds", round(burstS)).put("ackMs", pct(ackMs))
        .put("tallyTotal", tallied).put("ballotsInLog", ballotsInLog)
        .put("convergedAfterLastAckMs", pct(convergeMs)).put("unconverged", unconverged)
        .put("tallyFramesPerClient", round((double) tallyFrames.get() / Math.max(1, delegates.size())))
        .put("broadcasts", broadcasts).put("broadcastDeliveries", received)
        .put("fanoutMs", pct(fanoutMs))
        .put("cpuSeconds", new JsonObject()
            .put("connect", cpuJson(cpu0, cpu1)).put("burst", cpuJson(cpu2, cpu3)).put("broadcasts", cpuJson(cpu3, cpu4)));
    report.put("nodes", nodes.size()).put("chairBurstBeforeVote", chairBurst).put("pauseBeforeVoteSeconds", pause);
    if (onePid) {
      long heapPer = (loaded.get("heap") - baseline.get("heap")) / Math.max(1, delegates.size());
      long rssPer = (loaded.get("rss") - baseline.get("rss")) / Math.max(1, delegates.size());
      report.put("serverHeapBytesPerConnection", heapPer).put("serverRssBytesPerConnection", rssPer)
          .put("serverHeapBaseline", baseline.get("heap")).put("serverHeapLoaded", loaded.get("heap"));
    }
    if (storm != null) report.put("reconnectStorm", storm);
    JsonObject closed = new JsonObject();
    closes.forEach((code, count) -> closed.put(String.valueOf(code), count.get()));
    report.put("closedByServerDuringRun", closed);
    System.out.println(report.encodePrettily());
    if (opts.containsKey("out")) Files.writeString(Path.of(opts.get("out")), report.encodePrettily());
    finishing = true;
    for (Delegate d : delegates) d.socket.close();
  }

  /**
   * Every client drops at once; while they are away the chair advances the agenda twice; then all reconnect with the
   * last upTo they saw. Measures the time until every client has caught up, and checks that each got exactly the
   * agenda events it missed (no gap, no duplicate).
   */
  private JsonObject reconnectStorm(JsonArray agenda) throws Exception {
    finishing = true;
    List<Future<Void>> closing = new ArrayList<>();
    for (Delegate d : delegates) closing.add(d.socket.close());
    Future.join(closing).await(60, TimeUnit.SECONDS);
    finishing = false;
    for (int i = 0; i < 2; i++) {
      String item = agenda.getJsonObject(i % agenda.size()).getJsonObject("item").getString("id");
      command(chairToken, new JsonObject().put("type", "StartAgendaItem").put("itemId", item));
    }
    long end = get("/api/conferences/" + conferenceId + "/state", chairToken).getLong("upTo");
    long start = System.currentTimeMillis();
    Semaphore inFlight = new Semaphore(500);
    CountDownLatch ready = new CountDownLatch(delegates.size());
    AtomicInteger failed = new AtomicInteger();
    for (Delegate d : delegates) {
      inFlight.acquire();
      d.resuming = true;
      d.connect(d.token, d.upTo).onComplete(ar -> {
        inFlight.release();
        if (ar.failed()) failed.incrementAndGet();
        ready.countDown();
      });
    }
    ready.await(5, TimeUnit.MINUTES);
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline && delegates.stream().anyMatch(d -> d.upTo < end)) Thread.sleep(20);
    long caughtUp = System.currentTimeMillis() - start;
    long expected = delegates.get(0).agendaSeqs.size();
    long missing = delegates.stream().filter(d -> d.agendaSeqs.size() != expected || d.upTo < end).count();
    int dups = delegates.stream().mapToInt(d -> d.duplicates).sum();
    return new JsonObject().put("clients", delegates.size()).put("reconnectFailures", failed.get())
        .put("allCaughtUpMs", caughtUp).put("behindOrMissing", missing).put("duplicates", dups)
        .put("agendaEventsPerClient", expected);
  }

  /** CPU seconds used so far by the server (from /proc) and by this generator. */
  private static double[] cpu(String pids) throws Exception {
    double server = 0;
    for (String pid : pids == null ? new String[0] : pids.split(",")) {
      String stat = Files.readString(Path.of("/proc", pid.trim(), "stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      server += (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
    }
    double self = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    return new double[] {server, self};
  }

  private static JsonObject cpuJson(double[] a, double[] b) {
    return new JsonObject().put("server", round(b[0] - a[0])).put("generator", round(b[1] - a[1]));
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static JsonObject pct(Histogram h) {
    if (h.getTotalCount() == 0) return new JsonObject().put("count", 0);
    return new JsonObject().put("count", h.getTotalCount()).put("p50", h.getValueAtPercentile(50))
        .put("p90", h.getValueAtPercentile(90)).put("p99", h.getValueAtPercentile(99)).put("max", h.getMaxValue());
  }

  // ------------------------------------------------------------------------------------------- set-up over REST

  List<String> setUp(int delegates) throws Exception {
    String org = post("/api/login", new JsonObject().put("username", opts.getOrDefault("organizer", "bantochuc"))
        .put("password", opts.getOrDefault("password", "hoinghi-demo")), null).getString("accessToken");
    conferenceId = post("/api/conferences", new JsonObject().put("title", "Tải thử " + Instant.now())
        .put("speakingLimitSeconds", 300), org).getString("conferenceId");
    StringBuilder csv = new StringBuilder("code,name,region,level\nTW,Điểm cầu Trung ương,Bắc,CENTRAL\n");
    for (int i = 1; i <= 34; i++) csv.append("P").append(i).append(",Tỉnh ủy số ").append(i).append(",Nam,PROVINCIAL\n");
    expect(http("POST", "/api/conferences/" + conferenceId + "/endpoints/import", csv.toString(), org), 201);
    JsonObject state = get("/api/conferences/" + conferenceId + "/state", org);
    List<String> endpointIds = new ArrayList<>();
    String central = null;
    for (Object o : state.getJsonObject("state").getJsonArray("endpoints")) {
      JsonObject e = (JsonObject) o;
      if (e.getString("level").equals("CENTRAL")) central = e.getString("id");
      else endpointIds.add(e.getString("id"));
    }
    String chairUser = "chair-" + conferenceId;
    expect(post("/api/conferences/" + conferenceId + "/participants", new JsonObject().put("displayName", "Chủ trì tải thử")
        .put("roles", new JsonArray().add("CHAIR")).put("endpointId", central).put("username", chairUser)
        .put("password", "load-test-password"), org), 201);
    chairToken = post("/api/login", new JsonObject().put("username", chairUser).put("password", "load-test-password")
        .put("conferenceId", conferenceId), null).getString("accessToken");
    String draft = new String(LoadGenerator.class.getClassLoader().getResourceAsStream(
        opts.getOrDefault("draft", REAL_DRAFT)).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    expect(http("POST", "/api/conferences/" + conferenceId + "/draft", draft, org), 201);
    for (String[] item : new String[][] {{"Khai mạc", "OPENING"}, {"Trình bày dự thảo", "PRESENTATION"},
        {"Thảo luận", "DISCUSSION"}, {"Biểu quyết", "VOTE"}, {"Kết luận", "CONCLUSION"}}) {
      command(chairToken, new JsonObject().put("type", "AddAgendaItem").put("title", item[0]).put("kind", item[1])
          .put("plannedMinutes", 10).put("nodeIds", new JsonArray()));
    }
    command(chairToken, new JsonObject().put("type", "ScheduleConference"));
    command(chairToken, new JsonObject().put("type", "StartConference"));
    // One person, one voter: every delegate is on a hall's list and signs in with their own personal code.
    for (int from = 0; from < delegates; from += 5_000) {
      StringBuilder list = new StringBuilder("họ tên,điểm cầu\n");
      for (int k = from; k < Math.min(delegates, from + 5_000); k++) {
        list.append("Đại biểu ").append(k).append(",P").append(k % 34 + 1).append('\n');
      }
      expect(http("POST", "/api/conferences/" + conferenceId + "/delegates/import", list.toString(), org), 201);
    }
    List<String> codes = new ArrayList<>();
    for (Object o : get("/api/conferences/" + conferenceId + "/delegates", org).getJsonArray("delegates")) {
      codes.add(((JsonObject) o).getString("personalCode"));
    }
    System.err.println("set up conference " + conferenceId + " with " + codes.size() + " listed delegates");
    return codes;
  }

  List<String> join(int n, List<String> codes) throws Exception {
    List<String> tokens = java.util.Collections.synchronizedList(new ArrayList<>());
    Semaphore inFlight = new Semaphore(32);
    CountDownLatch done = new CountDownLatch(n);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(32);
    for (int i = 0; i < n; i++) {
      int k = i;
      inFlight.acquire();
      pool.execute(() -> {
        try {
          JsonObject r = post("/api/join", new JsonObject().put("conferenceId", conferenceId)
              .put("code", codes.get(k % codes.size())), null);
          if (r.getString("accessToken") != null) tokens.add(r.getString("accessToken"));
          else System.err.println("join failed: " + r);
        } catch (Exception e) {
          System.err.println("join failed: " + e);
        } finally {
          inFlight.release();
          done.countDown();
        }
      });
    }
    done.await();
    pool.shutdown();
    System.err.println("joined " + tokens.size());
    return tokens;
  }

  private void connectAll(List<String> tokens) throws Exception {
    Semaphore inFlight = new Semaphore(200);
    CountDownLatch ready = new CountDownLatch(tokens.size());
    int k = 0;
    for (String t : tokens) {
      inFlight.acquire();
      Delegate d = new Delegate();
      d.node = nodes.get(k++ % nodes.size());
      d.connect(t).onComplete(ar -> {
        inFlight.release();
        ready.countDown();
        if (ar.succeeded()) synchronized (delegates) { delegates.add(d); }
        else System.err.println("connect failed: " + ar.cause());
      });
    }
    if (!ready.await(10, TimeUnit.MINUTES)) System.err.println("not every client connected");
    System.err.println("connected " + delegates.size());
  }

  /** One delegate connection: parses only what the measurements need. */
  private final class Delegate {
    WebSocket socket;
    URI node;
    long burstMs;
    volatile int tallyTotal;
    volatile long convergedAt;
    volatile long agendaEvents;
    long ballotSentNanos;
    String voteId;
    Promise<Void> ready;
    String token;
    volatile long upTo = -1;
    final java.util.Set<Long> agendaSeqs = java.util.concurrent.ConcurrentHashMap.newKeySet();
    volatile int duplicates;
    volatile boolean resuming;

    Future<Void> connect(String token) {
      return connect(token, null);
    }

    Future<Void> connect(String token, Long resumeAfter) {
      this.token = token;
      ready = Promise.promise();
      long start = System.nanoTime();
      ws.connect(new WebSocketConnectOptions().setHost(node.getHost()).setPort(node.getPort()).setURI("/ws").addSubProtocol("hoinghi.v1"))
          .onSuccess(s -> {
            socket = s;
            s.textMessageHandler(this::onText);
            s.closeHandler(v -> {
              // Closed before its snapshot (a hello timed out on a saturated node, say): counted as a failed connect.
              ready.tryFail("closed before the snapshot: " + s.closeStatusCode());
              if (!finishing) closes.computeIfAbsent(s.closeStatusCode() == null ? -1 : (int) s.closeStatusCode(),
                  k -> new AtomicInteger()).incrementAndGet();
            });
            JsonObject hello = new JsonObject().put("type", "hello").put("token", token);
            if (resumeAfter != null) hello.put("resumeAfter", resumeAfter);
            s.writeTextMessage(hello.encode());
            ready.future().onSuccess(v -> connectMs.recordValue((System.nanoTime() - start) / 1_000_000));
          })
          .onFailure(ready::tryFail);
      return ready.future();
    }

    void vote(String voteId) {
      this.voteId = voteId;
      long delay = 1 + ThreadLocalRandom.current().nextLong(Math.max(1, burstMs));
      vertx.setTimer(delay, t -> {
        String choice = new String[] {"AGREE", "DISAGREE", "OTHER"}[ThreadLocalRandom.current().nextInt(3)];
        ballotSentNanos = System.nanoTime();
        socket.writeTextMessage("{\"type\":\"command\",\"id\":\"b-" + voteId + "\",\"command\":{\"type\":\"CastBallot\","
            + "\"voteId\":\"" + voteId + "\",\"articleId\":\"d5\",\"choice\":\"" + choice + "\"}}");
      });
    }

    void onText(String text) {
      framesIn.incrementAndGet();
      if (text.startsWith("{\"type\":\"snapshot\"") || text.startsWith("{\"type\":\"events\"")) {
        int u = text.indexOf("\"upTo\":") + 7;
        int e = u;
        while (e < text.length() && Character.isDigit(text.charAt(e))) e++;
        upTo = Math.max(upTo, Long.parseLong(text.substring(u, e)));
      }
      if (text.startsWith("{\"type\":\"snapshot\"") || (resuming && text.startsWith("{\"type\":\"events\""))) {
        ready.tryComplete();
      }
      if (text.startsWith("{\"type\":\"snapshot\"")) {
        return;
      } else if (text.startsWith("{\"type\":\"tally\"")) {
        tallyFrames.incrementAndGet();
        int at = text.indexOf("\"total\":");
        if (at > 0) {
          int end = at + 8;
          while (end < text.length() && Character.isDigit(text.charAt(end))) end++;
          int total = Integer.parseInt(text.substring(at + 8, end));
          if (total > tallyTotal) {
            tallyTotal = total;
            if (total >= acked.get()) convergedAt = System.currentTimeMillis();
          }
        }
      } else if (text.startsWith("{\"type\":\"ack\"")) {
        ackMs.recordValue((System.nanoTime() - ballotSentNanos) / 1_000_000);
        acked.incrementAndGet();
        lastBallotAckAt.accumulateAndGet(System.currentTimeMillis(), Math::max);
      } else if (text.startsWith("{\"type\":\"error\"")) {
        ballotErrors.incrementAndGet();
        System.err.println("error: " + text);
      } else if (text.startsWith("{\"type\":\"events\"") && text.contains("\"type\":\"AgendaItemStarted\"")) {
        long now = System.currentTimeMillis();
        int from = 0;
        while ((from = text.indexOf("\"type\":\"AgendaItemStarted\"", from)) >= 0) {
          int seqAt = text.lastIndexOf("{\"seq\":", from) + 7;
          long seq = Long.parseLong(text.substring(seqAt, text.indexOf(',', seqAt)));
          if (!agendaSeqs.add(seq)) duplicates++;
          int at = text.indexOf("\"at\":\"", from);
          Instant sent = Instant.parse(text.substring(at + 6, text.indexOf('"', at + 6)));
          if (!resuming) fanoutMs.recordValue(Math.max(0, now - sent.toEpochMilli()));
          agendaEvents++;
          from += 10;
        }
      }
    }
  }

  // ------------------------------------------------------------------------------------------- HTTP

  JsonObject command(String token, JsonObject command) throws Exception {
    JsonObject r = post("/api/conferences/" + conferenceId + "/commands", new JsonObject()
        .put("id", "load-" + System.nanoTime()).put("command", command), token);
    if (!"ack".equals(r.getString("type"))) throw new IllegalStateException(command.getString("type") + ": " + r);
    if (command.getString("type").equals("OpenVote")) {
      JsonObject state = get("/api/conferences/" + conferenceId + "/state", token);
      JsonArray votes = state.getJsonObject("state").getJsonArray("votes");
      r.put("voteId", votes.getJsonObject(votes.size() - 1).getJsonObject("vote").getString("id"));
    }
    return r;
  }

  private static void expect(JsonObject r, int status) {
    if (r.getInteger("_status") != status) throw new IllegalStateException("expected " + status + ": " + r);
  }

  JsonObject get(String path, String token) throws Exception {
    return http("GET", path, null, token);
  }

  private JsonObject post(String path, JsonObject body, String token) throws Exception {
    return http("POST", path, body.encode(), token);
  }

  private JsonObject http(String method, String path, String body, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) b.header("Authorization", "Bearer " + token);
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    JsonObject out = r.body().isBlank() ? new JsonObject() : new JsonObject(r.body());
    return out.put("_status", r.statusCode());
  }

  /** Server heap after a full GC (jcmd) and resident set size, in bytes. */
  private Map<String, Long> serverMemory(String pid) throws Exception {
    new ProcessBuilder("jcmd", pid, "GC.run").redirectErrorStream(true).start().waitFor(60, TimeUnit.SECONDS);
    Thread.sleep(500);
    String gc = new String(new ProcessBuilder("jcmd", pid, "GC.heap_info").redirectErrorStream(true).start()
        .getInputStream().readAllBytes());
    long heap = 0;
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("used (\\d+)K").matcher(gc);
    if (m.find()) heap = Long.parseLong(m.group(1)) * 1024;
    long rss = 0;
    for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
      if (line.startsWith("VmRSS:")) rss = Long.parseLong(line.replaceAll("\\D", "")) * 1024;
    }
    return Map.of("heap", heap, "rss", rss);
  }
}
