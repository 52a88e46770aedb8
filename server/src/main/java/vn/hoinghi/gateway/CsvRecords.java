package vn.hoinghi.gateway;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** The records of an uploaded CSV file (UTF-8, a leading byte-order mark skipped), each with the line it starts on. */
final class CsvRecords {
  /** One record's trimmed fields and its first line in the file (a quoted field may span lines). */
  record Row(List<String> cells, int line) {}

  private CsvRecords() {}

  /** At most {@code maxRows} records; a text that is not CSV → {@link IllegalArgumentException} with the reason. */
  static List<Row> read(byte[] body, int maxRows) {
    String text = new String(body, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) text = text.substring(1);
    List<Row> rows = new ArrayList<>();
    try (CSVParser parser = CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreEmptyLines(true).get()
        .parse(new StringReader(text))) {
      int line = 1;
      long counted = 0;
      for (CSVRecord rec : parser) {
        if (rows.size() >= maxRows) break;
        // The line a record starts on: line breaks before its first character.
        for (long i = counted; i < rec.getCharacterPosition(); i++) if (text.charAt((int) i) == '\n') line++;
        counted = rec.getCharacterPosition();
        rows.add(new Row(rec.toList(), line));
      }
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    return rows;
  }
}
