package vn.hoinghi.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The fan-out comparison of issue 7: the same N clients, the same broadcast every 500 ms, against three servers —
 * bare Netty (a ChannelGroup write), Socket.IO (io.emit) and Hội Nghị (a chair advancing the agenda, a real event of
 * the conference with its log append). Reports deliveries, server CPU-seconds (from /proc), deliveries per
 * CPU-second, fan-out latency from the message's send time to receipt, and resident memory per connection.
 *
 * <pre>
 * java -cp … vn.hoinghi.bench.FanoutBench --target netty|socketio|hoinghi --port P --server-pid PID
 *      --clients 15000 [--seconds 30] [--out file.json]
 * </pre>
 * bench/peers.sh runs all three in one go.
 */
public final class FanoutBench {
  private final Map<String, String> opts;
  private final Vertx vertx;
  private final WebSocketClient client;
  private final String target;
  private final int port;
  private final Histogram latency = new ConcurrentHistogram(3);
  private final AtomicLong deliveries = new AtomicLong();
  private final AtomicInteger closed = new AtomicInteger();
  private volatile boolean measuring;
  private final List<WebSocket> sockets = java.util.Collections.synchronizedList(new ArrayList<>());

  private FanoutBench(Map<String, String> opts) {
    this.opts = opts;
    this.target = opts.getOrDefault("target", "netty");
    this.port = Integer.parseInt(opts.get("port"));
    this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(Integer.parseInt(opts.getOrDefault("loops", "2"))));
    this.client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxFrameSize(16 * 1024 * 1024)
        .setMaxMessageSize(64 * 1024 * 1024).setConnectTimeout(60_000).setMaxConnections(100_000));
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> o = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    FanoutBench b = new FanoutBench(o);
    b.run();
    System.exit(0);
  }

  private void run() throws Exception {
    int n = Integer.parseInt(opts.getOrDefault("clients", "1000"));
    int seconds = Integer.parseInt(opts.getOrDefault("seconds", "30"));
    String pid = opts.get("server-pid");
    LoadGenerator hoinghi = null;
    List<String> tokens = new ArrayList<>();
    if (target.equals("hoinghi")) {
      Map<String, String> lo = new LinkedHashMap<>(opts);
      lo.put("url", "http://127.0.0.1:" + port);
      hoinghi = new LoadGenerator(lo);
      tokens = hoinghi.join(n, hoinghi.setUp(n));
    }
    long rss0 = rss(pid);
    long t0 = System.nanoTime();
    connectAll(n, tokens);
    double connectS = (System.nanoTime() - t0) / 1e9;
    Thread.sleep(3_000);
    long rss1 = rss(pid);

    JsonArray agenda = null;
    if (hoinghi != null) {
      agenda = hoinghi.get("/api/conferences/" + hoinghi.conferenceId + "/state", hoinghi.chairToken)
          .getJsonObject("state").getJsonArray("agenda");
    }
    int warmup = Integer.parseInt(opts.getOrDefault("warmup", "10"));
    int broadcasts = 0;
    // Warm-up: the same broadcasts, not measured, so that every server is past its JIT compilation.
    long warmStart = System.currentTimeMillis();
    while (System.currentTimeMillis() - warmStart < warmup * 1000L) {
      if (hoinghi != null) {
        String item = agenda.getJsonObject(broadcasts % agenda.size()).getJsonObject("item").getString("id");
        hoinghi.command(hoinghi.chairToken, new JsonObject().put("type", "StartAgendaItem").put("itemId", item));
        broadcasts++;
      }
      Thread.sleep(500);
    }
    measuring = true;
    double cpu0 = cpuSeconds(pid);
    long start = System.currentTimeMillis();
    while (System.currentTimeMillis() - start < seconds * 1000L) {
      if (hoinghi != null) {
        String item = agenda.getJsonObject(broadcasts % agenda.size()).getJsonObject("item").getString("id");
        hoinghi.command(hoinghi.chairToken, new JsonObject().put("type", "StartAgendaItem").put("itemId", item));
        broadcasts++;
        Thread.sleep(500);
      } else {
        Thread.sleep(100);
      }
    }
    double cpu = cpuSeconds(pid) - cpu0;
    long elapsed = System.currentTimeMillis() - start;
    Thread.sleep(1_000);
    measuring = false;
    long delivered = deliveries.get();
    JsonObject report = new JsonObject()
        .put("target", target).put("clients", n).put("connected", sockets.size()).put("connectSeconds", round(connectS))
        .put("seconds", round(elapsed / 1000.0)).put("deliveries", delivered)
        .put("serverCpuSeconds", round(cpu))
        .put("deliveriesPerCpuSecond", cpu > 0 ? Math.round(delivered / cpu) : 0)
        .put("latencyMs", new JsonObject().put("p50", latency.getValueAtPercentile(50))
            .put("p90", latency.getValueAtPercentile(90)).put("p99", latency.getValueAtPercentile(99))
            .put("max", latency.getMaxValue()))
        .put("rssBytesPerConnection", (rss1 - rss0) / Math.max(1, sockets.size()))
        .put("closedDuringRun", closed.get());
    System.out.println(report.encodePrettily());
    if (opts.containsKey("out")) Files.writeString(Path.of(opts.get("out")), report.encodePrettily());
    synchronized (sockets) {
      for (WebSocket s : sockets) s.close();
    }
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private void connectAll(int n, List<String> tokens) throws Exception {
    Semaphore inFlight = new Semaphore(200);
    CountDownLatch ready = new CountDownLatch(n);
    for (int i = 0; i < n; i++) {
      inFlight.acquire();
      String token = tokens.isEmpty() ? null : tokens.get(i);
      connect(token).onComplete(ar -> {
        inFlight.release();
        ready.countDown();
        if (ar.failed()) System.err.println("connect failed: " + ar.cause());
      });
    }
    ready.await(10, TimeUnit.MINUTES);
    System.err.println(target + ": connected " + sockets.size());
  }

  private Future<Void> connect(String token) {
    Promise<Void> ready = Promise.promise();
    WebSocketConnectOptions o = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port);
    switch (target) {
      case "socketio" -> o.setURI("/socket.io/?EIO=4&transport=websocket");
      case "hoinghi" -> o.setURI("/ws").addSubProtocol("hoinghi.v1");
      default -> o.setURI("/ws");
    }
    client.connect(o).onSuccess(ws -> {
      sockets.add(ws);
      ws.closeHandler(v -> {
        if (measuring) closed.incrementAndGet();
      });
      ws.textMessageHandler(text -> onText(ws, text, ready));
      if (target.equals("hoinghi")) {
        ws.writeTextMessage(new JsonObject().put("type", "hello").put("token", token).encode());
      } else if (target.equals("netty")) {
        ready.tryComplete();
      }
    }).onFailure(ready::tryFail);
    return ready.future();
  }

  private void onText(WebSocket ws, String text, Promise<Void> ready) {
    switch (target) {
      case "socketio" -> {
        if (text.startsWith("0{")) {
          ws.writeTextMessage("40");
        } else if (text.startsWith("40")) {
          ready.tryComplete();
        } else if (text.equals("2")) {
          ws.writeTextMessage("3");
        } else if (text.startsWith("42[\"tick\"")) {
          record(sentAtMillis(text, "\"t\":"));
        }
      }
      case "hoinghi" -> {
        if (text.startsWith("{\"type\":\"snapshot\"")) {
          ready.tryComplete();
        } else if (text.startsWith("{\"type\":\"events\"") && text.contains("AgendaItemStarted")) {
          int at = text.indexOf("\"at\":\"", text.indexOf("AgendaItemStarted"));
          record(Instant.parse(text.substring(at + 6, text.indexOf('"', at + 6))).toEpochMilli());
        }
      }
      default -> {
        if (text.startsWith("{\"type\":\"tick\"")) record(sentAtMillis(text, "\"t\":"));
      }
    }
  }

  private static long sentAtMillis(String text, String key) {
    int at = text.indexOf(key) + key.length();
    int end = at;
    while (end < text.length() && Character.isDigit(text.charAt(end))) end++;
    return Long.parseLong(text.substring(at, end));
  }

  private void record(long sentAt) {
    if (!measuring) return;
    deliveries.incrementAndGet();
    latency.recordValue(Math.max(0, System.currentTimeMillis() - sentAt));
  }

  private static double cpuSeconds(String pid) throws Exception {
    String stat = Files.readString(Path.of("/proc", pid, "stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
  }

  private static long rss(String pid) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
      if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
    }
    return 0;
  }
}
