package vn.hoinghi.gateway;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.hoinghi.domain.Command.RecordWrittenOpinion;
import vn.hoinghi.report.DraftPlaces;

/**
 * Written opinions of agencies as a table (CSV or the first sheet of an XLSX): a header row — cơ quan, số công văn,
 * ngày công văn, điều khoản, nội dung góp ý (Vietnamese with or without diacritics, or English) — then one opinion per
 * row. Every row is checked against the current draft before anything is sent to the core; problems name the file
 * line and the column ("dòng 4, cột Điều, khoản: …"), all of them at once.
 */
final class WrittenOpinionTable {

  static final int MAX_ROWS = 2_000;
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  /** Not CSV or XLSX: answered 415. */
  static final class Unsupported extends RuntimeException {
    Unsupported(String type) {
      super(type, null, false, false);
    }
  }

  /** The rows and the file line of each; {@code problems} (vi / en) when the file or a row is wrong. */
  record Parsed(List<RecordWrittenOpinion> rows, List<Integer> lines, List<String> problems) {}

  enum Column {
    AGENCY("Cơ quan"), NUMBER("Số công văn"), DATE("Ngày công văn"), PLACE("Điều, khoản"), TEXT("Nội dung góp ý");

    final String header;

    Column(String header) {
      this.header = header;
    }
  }

  private static final Map<String, Column> ALIASES = new HashMap<>();

  static {
    for (String a : List.of("co quan", "co quan gop y", "don vi", "chu the gop y", "agency")) ALIASES.put(a, Column.AGENCY);
    for (String a : List.of("so cong van", "so hieu", "so ky hieu", "so van ban", "letter number", "number")) {
      ALIASES.put(a, Column.NUMBER);
    }
    for (String a : List.of("ngay cong van", "ngay", "ngay van ban", "letter date", "date")) ALIASES.put(a, Column.DATE);
    for (String a : List.of("dieu khoan", "dieu, khoan", "vi tri", "dieu", "place", "article")) ALIASES.put(a, Column.PLACE);
    for (String a : List.of("noi dung gop y", "noi dung", "y kien", "text", "opinion")) ALIASES.put(a, Column.TEXT);
  }

  private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("d/M/uuuu")
      .withResolverStyle(java.time.format.ResolverStyle.STRICT);

  private WrittenOpinionTable() {}

  /** One cell as read: its text, or for an XLSX date cell the date. */
  private record Value(String text, LocalDate date) {}

  static Parsed parse(byte[] body, String contentType, DraftPlaces places) {
    String type = DraftUpload.mediaType(contentType);
    List<List<Value>> cells = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    String problem;
    if (XLSX.equals(type)) {
      problem = xlsx(body, cells, lines);
    } else if (type == null || type.equals("text/csv") || type.equals("text/plain")) {
      problem = csv(body, cells, lines);
    } else {
      throw new Unsupported(type);
    }
    if (problem != null) return new Parsed(List.of(), List.of(), List.of(problem));
    return table(cells, lines, places);
  }

  private static String csv(byte[] body, List<List<Value>> cells, List<Integer> lines) {
    try {
      for (CsvRecords.Row row : CsvRecords.read(body, MAX_ROWS + 2)) {
        cells.add(row.cells().stream().map(v -> new Value(v, null)).toList());
        lines.add(row.line());
      }
    } catch (IllegalArgumentException e) {
      return "tệp CSV không đọc được / not valid CSV: " + e.getMessage();
    }
    return null;
  }

  private static String xlsx(byte[] body, List<List<Value>> cells, List<Integer> lines) {
    ZipSecureFile.setMinInflateRatio(0.01);
    try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(body))) {
      if (wb.getNumberOfSheets() == 0) return "bảng tính không có trang nào / the workbook has no sheet";
      Sheet sheet = wb.getSheetAt(0);
      DataFormatter fmt = new DataFormatter(new Locale("vi", "VN"));
      for (Row row : sheet) {
        if (cells.size() > MAX_ROWS + 1) break;
        List<Value> values = new ArrayList<>();
        boolean any = false;
        for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
          Cell cell = row.getCell(c);
          LocalDate date = cell != null && cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)
              ? cell.getLocalDateTimeCellValue().toLocalDate() : null;
          String v = cell == null ? "" : fmt.formatCellValue(cell).strip();
          any |= !v.isEmpty();
          values.add(new Value(v, date));
        }
        if (!any) continue;
        cells.add(values);
        lines.add(row.getRowNum() + 1);
      }
    } catch (IOException | RuntimeException e) {
      return "tệp .xlsx không đọc được / not a readable .xlsx workbook: " + e.getMessage();
    }
    return null;
  }

  private static Parsed table(List<List<Value>> cells, List<Integer> lines, DraftPlaces places) {
    if (cells.isEmpty()) return new Parsed(List.of(), List.of(), List.of("tệp trống / the file is empty"));
    if (cells.size() > MAX_ROWS + 1) {
      return new Parsed(List.of(), List.of(), List.of("quá " + MAX_ROWS + " ý kiến trong một tệp / more than "
          + MAX_ROWS + " opinions in one file"));
    }
    List<String> problems = new ArrayList<>();
    Map<Column, Integer> at = new HashMap<>();
    List<Value> header = cells.get(0);
    for (int i = 0; i < header.size(); i++) {
      Column c = ALIASES.get(DelegateTable.key(header.get(i).text().replace(",", "")).replace(",", ""));
      if (c == null) c = ALIASES.get(DelegateTable.key(header.get(i).text()));
      if (c == null) continue;
      if (at.putIfAbsent(c, i) != null) {
        problems.add("dòng " + lines.get(0) + ": cột \"" + header.get(i).text() + "\" có hai lần / line " + lines.get(0)
            + ": column \"" + header.get(i).text() + "\" appears twice");
      }
    }
    for (Column c : List.of(Column.AGENCY, Column.TEXT)) {
      if (!at.containsKey(c)) {
        problems.add("dòng " + lines.get(0) + ": thiếu cột \"" + c.header + "\" / line " + lines.get(0) + ": no column \""
            + c.header + "\"");
      }
    }
    if (!problems.isEmpty()) return new Parsed(List.of(), List.of(), problems);
    List<RecordWrittenOpinion> rows = new ArrayList<>();
    List<Integer> rowLines = new ArrayList<>();
    for (int r = 1; r < cells.size(); r++) {
      List<Value> v = cells.get(r);
      int line = lines.get(r);
      String agency = get(v, at, Column.AGENCY);
      String text = get(v, at, Column.TEXT);
      if (agency == null) problems.add(problem(line, Column.AGENCY, "bắt buộc", "required"));
      if (text == null) problems.add(problem(line, Column.TEXT, "bắt buộc", "required"));
      String date = null;
      Integer dc = at.get(Column.DATE);
      if (dc != null && dc < v.size() && v.get(dc).date() != null) {
        date = v.get(dc).date().toString();
      } else if (get(v, at, Column.DATE) != null) {
        String d = get(v, at, Column.DATE);
        try {
          date = (d.matches("\\d{4}-\\d{2}-\\d{2}") ? LocalDate.parse(d) : LocalDate.parse(d, DMY)).toString();
        } catch (DateTimeParseException e) {
          problems.add(problem(line, Column.DATE, "\"" + d + "\" không phải ngày (dd/mm/yyyy)",
              "\"" + d + "\" is not a date (dd/mm/yyyy)"));
        }
      }
      String place = get(v, at, Column.PLACE);
      String nodeId = null;
      if (place != null) {
        nodeId = places == null ? null : places.find(place);
        if (nodeId == null) {
          problems.add(problem(line, Column.PLACE, "không có \"" + place + "\" trong dự thảo hiện hành",
              "\"" + place + "\" is not in the current draft"));
        }
      }
      rows.add(new RecordWrittenOpinion(agency, get(v, at, Column.NUMBER), date, nodeId, text));
      rowLines.add(line);
    }
    if (rows.isEmpty()) return new Parsed(List.of(), List.of(), List.of("tệp có dòng tiêu đề nhưng không có ý kiến / "
        + "the file has a header but no opinion"));
    if (!problems.isEmpty()) return new Parsed(List.of(), List.of(), problems);
    return new Parsed(rows, rowLines, List.of());
  }

  private static String problem(int line, Column c, String vi, String en) {
    return "dòng " + line + ", cột " + c.header + ": " + vi + " / line " + line + ", column " + c.header + ": " + en;
  }

  private static String get(List<Value> values, Map<Column, Integer> at, Column c) {
    Integer i = at.get(c);
    if (i == null || i >= values.size()) return null;
    String v = values.get(i).text();
    return v == null || v.isBlank() ? null : v.strip();
  }
}
