package vn.hoinghi.bench;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import vn.hoinghi.domain.CommandEnvelope;
import vn.hoinghi.domain.Conference;
import vn.hoinghi.domain.ConferenceSnapshot;
import vn.hoinghi.live.ConferenceWriter;
import vn.hoinghi.live.Outcome;
import vn.hoinghi.report.AuditLog;
import vn.hoinghi.report.PlayedSession;
import vn.hoinghi.report.ReportOptions;
import vn.hoinghi.report.SynthesisReport;
import vn.hoinghi.report.SynthesisReports;
import vn.hoinghi.report.export.CsvExport;
import vn.hoinghi.report.export.DocumentHeading;
import vn.hoinghi.report.export.DocxExport;
import vn.hoinghi.report.export.MarkdownExport;
import vn.hoinghi.report.export.PdfExport;
import vn.hoinghi.report.export.XlsxExport;
import vn.hoinghi.store.StoredEvent;
import vn.hoinghi.testing.TestClient;
import vn.hoinghi.testing.TestServer;
import vn.hoinghi.wire.Codec;

/**
 * How long the report takes for a large conference: the demo's 35 halls (the central one and 34 provinces) grown to
 * {@code delegatesPerHall} delegates each, 17 articles, {@code ballots} ballots and {@code annotations} annotations.
 * First in process, step by step (snapshot on the writer, restore, build the report, render each format), then end
 * to end over HTTP against a running server holding the same conference. Run:
 * {@code mvn -q -pl server test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=vn.hoinghi.bench.ReportExportBenchmark [-Dexec.args="35 20000 5000 [both|in-process|http]"]}
 */
public final class ReportExportBenchmark {

  private static final int RUNS = 3;

  public static void main(String[] args) throws Exception {
    int perHall = args.length > 0 ? Integer.parseInt(args[0]) : 35;
    int ballots = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    int annotations = args.length > 2 ? Integer.parseInt(args[2]) : 5_000;

    long t0 = System.nanoTime();
    PlayedSession s = PlayedSession.large(perHall, ballots, annotations);
    System.out.printf("conference: %d endpoints, %d articles, %d participants, %d ballots, %d annotations, %d speeches,"
            + " %d events (built in memory in %.1f s)%n", s.conf.endpoints().size(),
        s.conf.currentDraft().orElseThrow().document().articles().size(), s.conf.participants().size(),
        s.conf.ballots().size(), s.conf.annotations().size(), s.conf.speeches().size(), s.conf.version(),
        (System.nanoTime() - t0) / 1e9);

    String mode = args.length > 3 ? args[3] : "both";
    if (!mode.equals("http")) {
      inProcess(s);
    }
    if (!mode.equals("in-process")) {
      overHttp(s);
    }
    System.exit(0);
  }

  /** Each step on its own, in this JVM: what the route does on the writer and on a worker thread. */
  private static void inProcess(PlayedSession s) throws Exception {
    System.out.println("\nin process (ms; first run, then best of the next " + (RUNS - 1) + "):");
    System.out.printf("%-22s %10s %10s %12s%n", "step", "first", "best", "bytes");
    ConferenceSnapshot[] snap = new ConferenceSnapshot[1];
    Conference[] copy = new Conference[1];
    SynthesisReport[] report = new SynthesisReport[1];
    step("snapshot (on writer)", () -> snap[0] = s.conf.snapshot(), () -> 0);
    step("restore copy", () -> copy[0] = Conference.restore(snap[0], PlayedSession.SEALER), () -> 0);
    step("build report", () -> report[0] = SynthesisReports.build(copy[0], ReportOptions.whole(), Instant.now()), () -> 0);
    DocumentHeading h = DocumentHeading.standard();
    render("docx", out -> DocxExport.write(report[0], h, out));
    render("pdf", out -> PdfExport.write(report[0], h, out));
    render("xlsx", out -> XlsxExport.write(report[0], out));
    render("csv", out -> CsvExport.write(report[0], out));
    render("md", out -> write(out, MarkdownExport.render(report[0], h)));
    render("json", out -> write(out, Codec.encode(report[0])));
    List<StoredEvent> stored = new ArrayList<>();
    for (var e : s.log) {
      stored.add(new StoredEvent("big", e.seq(), Codec.typeOf(e.event()), Codec.encode(e.event()), e.actor(),
          e.commandId(), e.at()));
    }
    AuditLog.Directory dir = AuditLog.directory(s.conf, a -> null);
    render("audit csv (" + stored.size() + " events)", out -> {
      try (CSVPrinter p = new CSVPrinter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.RFC4180)) {
        for (StoredEvent e : stored) p.printRecord(AuditLog.row(e, dir).cells());
      } catch (java.io.IOException ex) {
        throw new java.io.UncheckedIOException(ex);
      }
    });

  }

  /** End to end against a running server holding the same conference: what a browser waits for. */
  private static void overHttp(PlayedSession s) throws Exception {
    System.out.println("\nover HTTP, embedded store, the same conference loaded through its writer:");
    try (TestServer server = TestServer.start(TestServer.StoreKind.EMBEDDED, new JsonObject().put("demo.seed", true))) {
      long l0 = System.nanoTime();
      ConferenceWriter w = server.app.conferences().writer("big").await(30, TimeUnit.SECONDS);
      List<Future<Outcome>> all = new ArrayList<>();
      for (CommandEnvelope env : s.script) all.add(w.submit(env, null));
      Future.all(all).await(600, TimeUnit.SECONDS);
      long refused = all.stream().filter(f -> !(f.result() instanceof Outcome.Acked)).count();
      System.out.printf("loaded %d commands in %.1f s (%d not acknowledged)%n", all.size(), (System.nanoTime() - l0) / 1e9,
          refused);
      JsonObject login = TestClient.post(server.baseUrl(), "/api/login", new JsonObject().put("username", "bantochuc")
          .put("password", TestClient.DEMO_PASSWORD), null);
      String token = login.getString("accessToken");
      System.out.printf("%-22s %10s %10s %12s%n", "GET", "first", "best", "bytes");
      for (String path : List.of("report", "report/docx", "report/pdf", "report/xlsx", "report/csv", "report/md",
          "audit/csv", "audit/jsonl")) {
        http(server.baseUrl() + "/api/conferences/big/" + path, token, path);
      }
    }
  }

  private interface Step {
    void run() throws Exception;
  }

  private static void step(String name, Step step, java.util.function.IntSupplier bytes) throws Exception {
    double first = 0;
    double best = Double.MAX_VALUE;
    for (int i = 0; i < RUNS; i++) {
      long t = System.nanoTime();
      step.run();
      double ms = (System.nanoTime() - t) / 1e6;
      if (i == 0) first = ms;
      else best = Math.min(best, ms);
    }
    System.out.printf("%-22s %10.0f %10.0f %12s%n", name, first, best, bytes.getAsInt() == 0 ? "" : String.format("%,d", bytes.getAsInt()));
  }

  private static void render(String name, Consumer<OutputStream> write) throws Exception {
    int[] size = new int[1];
    step(name, () -> {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      write.accept(out);
      size[0] = out.size();
    }, () -> size[0]);
  }

  private static void http(String url, String token, String name) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    int[] size = new int[1];
    step(name, () -> {
      HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
          .build(), HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() != 200) throw new IllegalStateException(url + " → " + r.statusCode() + " " + new String(r.body()));
      size[0] = r.body().length;
    }, () -> size[0]);
  }

  private static void write(OutputStream out, String text) {
    try {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private ReportExportBenchmark() {}

}
