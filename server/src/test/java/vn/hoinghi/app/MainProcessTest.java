package vn.hoinghi.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hoinghi.testing.TestServer;
import vn.hoinghi.testing.WsProbe;

/** Runs the server as its own process, as an operator would. */
@DisplayName("The server process")
class MainProcessTest {

  private static Process launch(Path dir, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).directory(dir.toFile())
        .redirectOutput(dir.resolve("out.log").toFile())
        .redirectError(dir.resolve("err.log").toFile())
        .start();
  }

  @Test
  @DisplayName("malformed configuration stops start-up with exactly one clear line on stderr")
  void badConfigOneLine(@TempDir Path dir) throws Exception {
    String[][] cases = {
        {"--http.port=abc"},
        {"--store=oracle://db"},
        {"--store=postgresql://postgres@127.0.0.1:1/none"},
        {"--store=postgresql://postgres@127.0.0.1:1/none", "--jwt.secret=Zq8vN3kW7pL2xR9mT4yB6cH1dF5gJ0sA",
            "--ballot.secret=Mv2Kp9Qz4Xr7Lt1Nw6By3Hc8Dj5Fs0Ga"},
    };
    String[] expected = {
        "hoinghi: http.port must be an integer from 0 to 65535, got \"abc\"",
        "hoinghi: store must be \"embedded\" or a postgresql:// URL, got \"oracle://db\"",
        "hoinghi: jwt.secret is required on PostgreSQL, the same on every node: set HOINGHI_JWT_SECRET (or --jwt.secret) "
            + "to 32+ random characters, e.g. $(openssl rand -hex 32)",
        "hoinghi: cannot reach or migrate PostgreSQL at 127.0.0.1:1/none: Connection refused",
    };
    for (int i = 0; i < cases.length; i++) {
      Process p = launch(dir, cases[i]);
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).isEqualTo(2);
      List<String> err = Files.readAllLines(dir.resolve("err.log"), StandardCharsets.UTF_8);
      assertThat(err).containsExactly(expected[i]);
    }
  }

  @Test
  @DisplayName("the process warms the Word reader up after start; SIGTERM closes WebSockets with going-away and exits; the data stays on disk")
  void sigterm(@TempDir Path dir) throws Exception {
    int port = TestServer.freePort();
    Process p = launch(dir, "--http.port=" + port, "--http.host=127.0.0.1", "--no-demo");
    try {
      HttpClient http = HttpClient.newHttpClient();
      long deadline = System.currentTimeMillis() + 60_000;
      while (true) {
        try {
          if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
              HttpResponse.BodyHandlers.ofString()).statusCode() == 200) break;
        } catch (java.io.IOException notYet) {
          // not listening yet
        }
        assertThat(System.currentTimeMillis()).as("server start").isLessThan(deadline);
        Thread.sleep(200);
      }
      // The process loads the Word reader once it listens, so the first .docx preview is not the slow one.
      long warm = System.currentTimeMillis() + 30_000;
      while (!Files.readString(dir.resolve("out.log")).contains("Word reader ready in")) {
        assertThat(System.currentTimeMillis()).as("the Word reader warmed up after start").isLessThan(warm);
        Thread.sleep(100);
      }
      WsProbe ws = WsProbe.connect("ws://127.0.0.1:" + port + "/ws");
      ws.next();
      p.destroy(); // SIGTERM
      assertThat(ws.closeCode.get(20, TimeUnit.SECONDS)).isEqualTo(1001);
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(Files.readString(dir.resolve("out.log"))).contains("stopped");
      assertThat(dir.resolve("data" + File.separator + "hoinghi.db")).exists();
    } finally {
      p.destroyForcibly();
    }
  }
}
