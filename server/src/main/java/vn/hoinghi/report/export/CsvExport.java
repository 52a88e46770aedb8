package vn.hoinghi.report.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import vn.hoinghi.report.SynthesisReport;

/**
 * The report's one table ({@link FeedbackRows}: STT | Điều, khoản | Chủ thể góp ý | Nội dung góp ý | Ý kiến tiếp thu,
 * giải trình) as CSV (RFC 4180, UTF-8), no internal ids. The file starts with a byte-order mark so that Excel reads the
 * Vietnamese text as UTF-8; parsers that do not expect one must skip it.
 */
public final class CsvExport {

  private CsvExport() {}

  public static void write(SynthesisReport report, OutputStream out) {
    try {
      Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      w.write('\uFEFF');
      try (CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(FeedbackRows.HEADER.toArray(String[]::new)).get())) {
        for (FeedbackRows.Row row : FeedbackRows.of(report)) {
          p.printRecord(row.cells());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
