package vn.hoinghi.gateway;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import vn.hoinghi.domain.Command;
import vn.hoinghi.domain.EndpointLevel;
import vn.hoinghi.domain.Limits;

/**
 * An endpoint CSV file (header {@code code,name,region,level}) read into one {@link Command.ImportEndpoints}. What
 * cannot become a row (a wrong field count, an unknown level) is a problem here; everything else — codes, names,
 * duplicates, a second central endpoint — is the domain's to judge. Both kinds are numbered by the file's line, so
 * the caller gets every problem of the file in one answer.
 */
final class EndpointCsv {
  private static final List<String> COLUMNS = List.of("code", "name", "region", "level");
  /** The domain's per-row detail, "row N: …" (N from 1 in the command's order). */
  private static final Pattern ROW = Pattern.compile("^row (\\d+): (.*)$", Pattern.DOTALL);

  /** A problem of the file, at a line (1 is the header); {@code line} 0 when the parser cannot say where. */
  record Problem(long line, String text) {
    String describe() {
      return line > 0 ? "line " + line + ": " + text : text;
    }
  }

  private final List<Command.AddEndpoint> rows = new ArrayList<>();
  private final List<Long> lines = new ArrayList<>();
  private final List<Problem> problems = new ArrayList<>();

  private EndpointCsv() {}

  static EndpointCsv parse(String text) {
    EndpointCsv csv = new EndpointCsv();
    String t = text == null ? "" : text;
    // Spreadsheets save CSV with a byte-order mark, which would otherwise stick to the first column's name.
    csv.read(t.startsWith("\uFEFF") ? t.substring(1) : t);
    return csv;
  }

  private void read(String text) {
    try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
        .setIgnoreEmptyLines(true).get().parse(new StringReader(text))) {
      List<String> header = parser.getHeaderNames();
      for (String col : COLUMNS) {
        if (!header.contains(col)) problems.add(new Problem(1, "missing column \"" + col + "\" (header: code,name,region,level)"));
      }
      if (!problems.isEmpty()) return;
      int seen = 0;
      for (CSVRecord rec : parser) {
        long line = lineAt(text, rec.getCharacterPosition());
        if (++seen > Limits.ENDPOINTS_PER_IMPORT) {
          problems.add(new Problem(line, "more than " + Limits.ENDPOINTS_PER_IMPORT + " rows"));
          return;
        }
        if (!rec.isConsistent()) {
          problems.add(new Problem(line, "expected " + header.size() + " fields, got " + rec.size()));
          continue;
        }
        String level = rec.get("level").toUpperCase(Locale.ROOT);
        EndpointLevel lv;
        try {
          lv = EndpointLevel.valueOf(level);
        } catch (IllegalArgumentException e) {
          problems.add(new Problem(line, "level must be CENTRAL, PROVINCIAL or COMMUNE, got \"" + level + "\""));
          continue;
        }
        rows.add(new Command.AddEndpoint(rec.get("code"), rec.get("name"), rec.get("region"), lv));
        lines.add(line);
      }
    } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
      // Iterating the records reports a broken quote as UncheckedIOException: a 400 like any bad file, not a 500.
      problems.add(new Problem(0, "not valid CSV: " + e.getMessage()));
    }
  }

  /** The line (from 1) of a character offset: the record number would miscount quoted line breaks and blank lines. */
  private int lastOffset;
  private long lastLine = 1;

  private long lineAt(String text, long start) {
    // A record's position is where its reading began, before the blank lines the parser skipped.
    long offset = start;
    while (offset < text.length() && (text.charAt((int) offset) == '\n' || text.charAt((int) offset) == '\r')) offset++;
    // Records come in order, so counting on from the previous one keeps the whole file one pass.
    for (int i = lastOffset; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') lastLine++;
    }
    lastOffset = (int) Math.max(lastOffset, Math.min(offset, text.length()));
    return lastLine;
  }

  Command.ImportEndpoints command() {
    return new Command.ImportEndpoints(List.copyOf(rows));
  }

  List<Command.AddEndpoint> rows() {
    return rows;
  }

  long lineOf(int rowIndex) {
    return lines.get(rowIndex);
  }

  /** The file's own problems (none means every line became a row). */
  boolean readWhole() {
    return problems.isEmpty();
  }

  /**
   * Every problem, by line: the file's own and the domain's {@code details} for the rows (empty when the domain
   * accepted them), each "row N" turned into its line.
   */
  List<String> problems(List<String> domainDetails) {
    List<Problem> all = new ArrayList<>(problems);
    for (String d : domainDetails) {
      Matcher m = ROW.matcher(d);
      int i = m.matches() ? Integer.parseInt(m.group(1)) - 1 : -1;
      all.add(i >= 0 && i < lines.size() ? new Problem(lines.get(i), m.group(2)) : new Problem(0, d));
    }
    if (all.isEmpty() && rows.isEmpty()) all.add(new Problem(0, "no rows"));
    // Unplaced problems (0) last: they are about the whole file.
    all.sort(Comparator.comparingLong(p -> p.line() == 0 ? Long.MAX_VALUE : p.line()));
    return all.stream().map(Problem::describe).toList();
  }
}
