package vn.hoinghi.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoinghi.testing.TestClient.post;
import static vn.hoinghi.testing.TestClient.upload;

import io.vertx.core.json.JsonObject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.bench.DocxPreviewBenchmark;
import vn.hoinghi.domain.document.PreparedImport;
import vn.hoinghi.live.ConferenceWriter;
import vn.hoinghi.testing.TestServer;

@DisplayName("A big draft import does not hold the conference's writer")
class DraftImportOffWriterTest {

  @Test
  @DisplayName("a 700-article .docx sent to POST …/draft is parsed and its ids matched on a worker: the writer takes "
      + "the prepared result and keeps answering within milliseconds while the parse runs")
  void parsedOnAWorker() throws Exception {
    byte[] docx = DocxPreviewBenchmark.build(700);
    try (TestServer server = TestServer.start(TestServer.StoreKind.EMBEDDED, new JsonObject().put("demo.seed", true))) {
      String base = server.baseUrl();
      String org = post(base, "/api/login", new JsonObject().put("username", "bantochuc").put("password", "hoinghi-demo"),
          null).getString("accessToken");
      String id = post(base, "/api/conferences", new JsonObject().put("title", "Dự thảo dài").put("speakingLimitSeconds", 300),
          org).getString("conferenceId");
      ConferenceWriter w = server.app.conferences().writer(id).await(10, TimeUnit.SECONDS);
      long takenBefore = PreparedImport.taken();
      long preparedBefore = PreparedImport.prepared();
      long start = System.nanoTime();

      CompletableFuture<JsonObject> imported = CompletableFuture.supplyAsync(() ->
          upload(base, "/api/conferences/" + id + "/draft", docx, DraftDocxUploadTest.DOCX, org));
      long worst = 0;
      int asked = 0;
      // Until the worker has parsed the draft and matched its ids: the writer must answer meanwhile.
      while (!imported.isDone() && PreparedImport.prepared() == preparedBefore) {
        long t0 = System.nanoTime();
        w.query(c -> c.version()).await(10, TimeUnit.SECONDS);
        worst = Math.max(worst, (System.nanoTime() - t0) / 1_000_000);
        asked++;
        Thread.sleep(5);
      }
      long parsedAt = (System.nanoTime() - start) / 1_000_000;
      JsonObject r = imported.get(120, TimeUnit.SECONDS);
      System.out.printf("FIGURES {\"test\":\"draft-import-off-writer\",\"parsedAtMs\":%d,\"importedAtMs\":%d,"
          + "\"writerQueries\":%d,\"slowestQueryMs\":%d}%n", parsedAt, (System.nanoTime() - start) / 1_000_000, asked, worst);
      assertThat(r.getInteger("_status")).as(r.encode()).isEqualTo(201);
      assertThat(PreparedImport.taken()).as("the writer took the import prepared on a worker").isEqualTo(takenBefore + 1);
      assertThat(w.query(c -> c.currentDraft().orElseThrow().document().articles().size()).await(10, TimeUnit.SECONDS))
          .isEqualTo(700);
      // Reading the .docx and parsing 700 articles takes hundreds of milliseconds; the writer answered meanwhile.
      assertThat(asked).isGreaterThan(3);
      // Held by the parse, the writer would not answer for as long as the parse takes: its slowest answer is a small
      // fraction of it (a fixed bound fails on a machine shared by several builds, where everything is slow).
      assertThat(worst).as("slowest writer query during the import, ms (parsed after %d ms)", parsedAt)
          .isLessThan(Math.max(250, parsedAt / 4));
    }
  }
}
