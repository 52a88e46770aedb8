package vn.hoinghi.bench;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import vn.hoinghi.document.docx.DocxDraft;
import vn.hoinghi.testing.TestClient;
import vn.hoinghi.testing.TestServer;

/**
 * The first .docx preview after a server start, with and without the Word reader's warm-up that the server process
 * runs once it listens ({@code Main.warmUpWordReader}). Class loading is per JVM, so each measurement is its own JVM:
 * {@code build FILE [articles]} writes the 700-article .docx of {@link DocxPreviewBenchmark} to FILE once; then
 * {@code first FILE warm|cold} starts a server (embedded store, demo), in {@code warm} runs the warm-up on a worker
 * and waits for it as the process would while idle, and times the first and the second
 * {@code POST …/draft/preview} of FILE. The script bench/docx-first-preview.sh alternates the two.
 */
public final class DocxFirstPreviewBenchmark {
  private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[1]);
    if (args[0].equals("build")) {
      Files.write(file, DocxPreviewBenchmark.build(args.length > 2 ? Integer.parseInt(args[2]) : 700));
      return;
    }
    boolean warm = args[2].equals("warm");
    byte[] docx = Files.readAllBytes(file);
    try (TestServer server = TestServer.start(TestServer.StoreKind.EMBEDDED, new JsonObject().put("demo.seed", true))) {
      long warmMs = -1;
      if (warm) {
        long t0 = System.nanoTime();
        server.app.vertx().executeBlocking(DocxDraft::warmUp, false).toCompletionStage().toCompletableFuture()
            .get(60, TimeUnit.SECONDS);
        warmMs = (System.nanoTime() - t0) / 1_000_000;
      }
      String token = TestClient.post(server.baseUrl(), "/api/login", new JsonObject().put("username", "bantochuc")
          .put("password", TestClient.DEMO_PASSWORD), null).getString("accessToken");
      long first = preview(server, docx, token);
      long second = preview(server, docx, token);
      System.out.printf("%s: warm-up %s ms; first preview %d ms, second %d ms%n", warm ? "warm" : "cold",
          warm ? String.valueOf(warmMs) : "-", first, second);
    }
  }

  private static long preview(TestServer server, byte[] docx, String token) throws Exception {
    long t0 = System.nanoTime();
    JsonObject r = TestClient.upload(server.baseUrl(), "/api/conferences/demo/draft/preview", docx, DOCX, token);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    if (!r.getBoolean("ok", false)) throw new IllegalStateException(r.encode().substring(0, 300));
    return ms;
  }
}
