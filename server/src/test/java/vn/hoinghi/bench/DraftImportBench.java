package vn.hoinghi.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import vn.hoinghi.domain.document.DraftImporter;
import vn.hoinghi.domain.document.ImportResult;

/**
 * Times the preview path (DraftImporter.parse) on the largest real text of the corpus, Hiến pháp 2013, and on a
 * synthetic 720-article law made by repeating its articles with fresh numbers. Run (after test-compile):
 * {@code java -cp server/target/classes:server/target/test-classes vn.hoinghi.bench.DraftImportBench}
 */
public final class DraftImportBench {

  private DraftImportBench() {}

  public static void main(String[] args) throws Exception {
    String constitution = read("drafts/real/hien-phap-2013.txt");
    String big = seven(constitution);
    run("hien-phap-2013 (120 articles)", constitution);
    run("synthetic law (720 articles)", big);
  }

  /** Six copies of the constitution's chapters, renumbered: 66 chapters, 720 articles. */
  private static String seven(String text) {
    String[] lines = text.split("\n");
    StringBuilder sb = new StringBuilder("LUẬT\nTHỬ NGHIỆM\n");
    int article = 0;
    int chapter = 0;
    for (int copy = 0; copy < 6; copy++) {
      boolean body = false;
      for (String line : lines) {
        String l = java.text.Normalizer.normalize(line, java.text.Normalizer.Form.NFC);
        if (l.startsWith("Chương ")) {
          body = true;
          sb.append("Chương ").append(roman(++chapter)).append('\n');
        } else if (l.startsWith("Hiến pháp này đã được")) {
          body = false;
        } else if (body && l.matches("^Điều \\d+\\..*")) {
          sb.append("Điều ").append(++article).append(". Điều thử\n");
        } else if (body) {
          sb.append(l).append('\n');
        }
      }
    }
    return sb.toString();
  }

  private static String roman(int n) {
    int[] v = {100, 90, 50, 40, 10, 9, 5, 4, 1};
    String[] s = {"C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < v.length; i++) {
      while (n >= v[i]) {
        sb.append(s[i]);
        n -= v[i];
      }
    }
    return sb.toString();
  }

  private static void run(String name, String text) {
    ImportResult r = null;
    for (int i = 0; i < 20; i++) {
      r = DraftImporter.parse(text); // warm-up
    }
    long[] ms = new long[10];
    for (int i = 0; i < ms.length; i++) {
      long t = System.nanoTime();
      r = DraftImporter.parse(text);
      ms[i] = (System.nanoTime() - t) / 1_000;
    }
    Arrays.sort(ms);
    System.out.printf("%s: %d bytes, %d articles, %d problems; parse median %.1f ms, max %.1f ms (after 20 warm-up runs)%n", name, text.getBytes(StandardCharsets.UTF_8).length, r.doc().articles().size(),
        r.problems().size(), ms[ms.length / 2] / 1000.0, ms[ms.length - 1] / 1000.0);
  }

  private static String read(String resource) throws Exception {
    try (var in = DraftImportBench.class.getClassLoader().getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
