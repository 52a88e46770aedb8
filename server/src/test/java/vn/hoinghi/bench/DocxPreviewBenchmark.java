package vn.hoinghi.bench;

import static org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat.DECIMAL;
import static org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat.LOWER_LETTER;
import static org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat.UPPER_ROMAN;

import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import vn.hoinghi.domain.Command;
import vn.hoinghi.domain.CommandEnvelope;
import vn.hoinghi.domain.demo.DemoConference;
import vn.hoinghi.domain.document.DraftDocument;
import vn.hoinghi.domain.document.PreparedImport;
import vn.hoinghi.live.ConferenceWriter;
import vn.hoinghi.live.Outcome;
import vn.hoinghi.document.docx.DocxDraft;
import vn.hoinghi.document.docx.DocxText;
import vn.hoinghi.document.docx.WordFile;
import vn.hoinghi.domain.document.DraftImporter;
import vn.hoinghi.domain.document.ImportResult;
import vn.hoinghi.testing.TestClient;
import vn.hoinghi.testing.TestServer;

/**
 * How long a preview of a long Word draft takes: builds an N-article .docx with POI (Word's automatic numbering for
 * chapters, articles, clauses and points, a table every tenth article), then times DocxDraft.read + DraftImporter.parse
 * in process, and POST …/draft/preview over HTTP on a running server (embedded store). With "http", also how long
 * the conference's writer is held by an ImportDraft of that text, side by side in one run: "before", the writer parses
 * and matches stable ids itself (a command with nothing prepared, as every import did until the import was moved off
 * the writer); "after", the work was done beforehand on another thread (PreparedImport, as POST …/draft now does) and
 * the writer takes it. Args: articles runs [http].
 */
public final class DocxPreviewBenchmark {
  public static void main(String[] args) throws Exception {
    int articles = args.length > 0 ? Integer.parseInt(args[0]) : 700;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    boolean http = args.length > 2 && args[2].equals("http");
    byte[] docx = build(articles);
    System.out.printf("%d articles: .docx of %,d bytes%n", articles, docx.length);
    List<Long> times = new ArrayList<>();
    ImportResult last = null;
    DocxText text = null;
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      text = DocxDraft.read(docx);
      last = DraftImporter.parse(text.text());
      times.add((System.nanoTime() - t0) / 1_000_000);
    }
    System.out.printf("text %,d chars, %d lines; problems %d; in process ms: %s%n", text.text().length(),
        text.text().lines().count(), last.problems().size(), summary(times));
    if (!last.problems().isEmpty()) throw new IllegalStateException(last.problems().get(0).describe());
    if (!http) return;
    try (TestServer server = TestServer.start(TestServer.StoreKind.EMBEDDED, new JsonObject().put("demo.seed", true))) {
      String token = TestClient.post(server.baseUrl(), "/api/login", new JsonObject().put("username", "bantochuc")
          .put("password", TestClient.DEMO_PASSWORD), null).getString("accessToken");
      List<Long> httpTimes = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        long t0 = System.nanoTime();
        JsonObject r = TestClient.upload(server.baseUrl(), "/api/conferences/demo/draft/preview", docx,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", token);
        httpTimes.add((System.nanoTime() - t0) / 1_000_000);
        if (!r.getBoolean("ok", false)) throw new IllegalStateException(r.encode().substring(0, 300));
      }
      System.out.printf("POST …/draft/preview ms: %s%n", summary(httpTimes));
      writerHold(server, text.text(), runs);
    }
  }

  /** Times the writer's handling of ImportDraft (submit → outcome), without and with a prepared import, alternating. */
  private static void writerHold(TestServer server, String text, int runs) throws Exception {
    ConferenceWriter w = server.app.conferences().writer("demo").await(30, TimeUnit.SECONDS);
    List<Long> before = new ArrayList<>();
    List<Long> after = new ArrayList<>();
    List<Long> prepare = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      // Each import is a new version matched against the previous one; a trailing space makes each text new.
      String v1 = text + " ".repeat(2 * i + 1);
      long t0 = System.nanoTime();
      Object o1 = w.submit(new CommandEnvelope("bench-before-" + i, DemoConference.ORGANIZER,
          new Command.ImportDraft(v1, "")), null).await(120, TimeUnit.SECONDS);
      before.add((System.nanoTime() - t0) / 1_000_000);
      String v2 = text + " ".repeat(2 * i + 2);
      Object[] current = w.query(c -> new Object[] {c.currentDraft().orElseThrow().document(), c.usedDraftIds()})
          .await(30, TimeUnit.SECONDS);
      long t1 = System.nanoTime();
      @SuppressWarnings("unchecked")
      Set<String> used = (Set<String>) current[1];
      PreparedImport.prepare(v2, (DraftDocument) current[0], used);
      long t2 = System.nanoTime();
      Object o2 = w.submit(new CommandEnvelope("bench-after-" + i, DemoConference.ORGANIZER,
          new Command.ImportDraft(v2, "")), null).await(120, TimeUnit.SECONDS);
      after.add((System.nanoTime() - t2) / 1_000_000);
      prepare.add((t2 - t1) / 1_000_000);
      if (!(o1 instanceof Outcome.Acked) || !(o2 instanceof Outcome.Acked)) {
        throw new IllegalStateException(o1 + " / " + o2);
      }
    }
    System.out.printf("writer held by ImportDraft, before (parse + ids on the writer) ms: %s%n", summary(before));
    System.out.printf("writer held by ImportDraft, after (prepared on another thread) ms: %s%n", summary(after));
    System.out.printf("  the preparation itself, off the writer, ms: %s%n", summary(prepare));
  }

  public static byte[] build(int articles) throws Exception {
    try (WordFile w = new WordFile()) {
      w.numberedStyle("Chuong", w.num(w.list("Chương %1.", UPPER_ROMAN)));
      BigInteger num = w.num(w.list("Điều %1.", DECIMAL, "%2.", DECIMAL, "%3)", LOWER_LETTER));
      w.centredBold("LUẬT");
      w.centredBold("VỀ HỘI NGHỊ TRỰC TUYẾN (DỰ THẢO)");
      w.para("Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;");
      for (int a = 1; a <= articles; a++) {
        if (a % 50 == 1) w.styled("Chuong", "NHỮNG QUY ĐỊNH VỀ NHÓM VẤN ĐỀ THỨ " + (a / 50 + 1));
        w.numbered(num, 0, "Quy định về nội dung thứ " + a);
        for (int k = 1; k <= 3; k++) {
          w.numbered(num, 1, "Cơ quan, tổ chức, cá nhân có liên quan thực hiện nội dung " + k + " của điều này theo quy định của pháp luật"
              + (k == 2 ? ", bao gồm:" : "."));
          if (k == 2) {
            for (int p = 0; p < 3; p++) w.numbered(num, 2, "Trường hợp thứ " + (p + 1) + " được quy định chi tiết tại văn bản hướng dẫn;");
          }
        }
        if (a % 10 == 0) w.table(new String[] {"STT", "Nội dung", "Thời hạn"}, new String[] {"1", "Báo cáo", "30 ngày"});
      }
      return w.bytes();
    }
  }

  private static String summary(List<Long> ms) {
    List<Long> sorted = new ArrayList<>(ms);
    Collections.sort(sorted);
    return "first " + ms.get(0) + ", median " + sorted.get(sorted.size() / 2) + ", best " + sorted.get(0) + ", worst "
        + sorted.get(sorted.size() - 1) + " (" + ms.size() + " runs)";
  }
}
