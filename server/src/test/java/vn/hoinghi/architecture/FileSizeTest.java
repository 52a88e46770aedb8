package vn.hoinghi.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Small parts (issue 18): a file that holds ten concerns is several classes. No source file of the server exceeds
 * {@link #LIMIT} lines, except the few on {@link #BEING_SPLIT}; an entry there that is already short enough fails
 * too, so the list only shrinks.
 */
@DisplayName("No server source file is longer than the limit")
class FileSizeTest {
  static final int LIMIT = 420;
  static final Path SOURCES = Path.of("src", "main", "java", "vn", "hoinghi");

  /**
   * Files over the limit while someone splits them, as paths relative to {@link #SOURCES}, each with the comment
   * "being split (issue …)". Empty since RestApi and ReportApi were split (issue 18).
   */
  static final List<String> BEING_SPLIT = List.of();

  static Map<String, Integer> lines;

  @BeforeAll
  static void count() throws IOException {
    lines = new TreeMap<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String name = SOURCES.relativize(file).toString().replace('\\', '/');
        lines.put(name, Files.readAllLines(file, StandardCharsets.UTF_8).size());
      }
    }
  }

  @Test
  @DisplayName("every file outside the allow-list has at most " + LIMIT + " lines")
  void withinLimit() {
    List<String> tooLong = new ArrayList<>();
    lines.forEach((name, n) -> {
      if (n > LIMIT && !BEING_SPLIT.contains(name)) {
        tooLong.add(name + ": " + n + " lines");
      }
    });
    assertThat(tooLong).as("files over %d lines (split them by concern)", LIMIT).isEmpty();
  }

  @Test
  @DisplayName("every file on the allow-list exists and is still over the limit")
  void allowListNotStale() {
    List<String> stale = new ArrayList<>();
    for (String name : BEING_SPLIT) {
      Integer n = lines.get(name);
      if (n == null) {
        stale.add(name + ": no such file");
      } else if (n <= LIMIT) {
        stale.add(name + ": " + n + " lines");
      }
    }
    assertThat(stale).as("allow-listed files no longer over %d lines (remove them from BEING_SPLIT)", LIMIT)
        .isEmpty();
  }
}
