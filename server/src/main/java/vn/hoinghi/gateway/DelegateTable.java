package vn.hoinghi.gateway;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.hoinghi.domain.DelegateEntry;

/**
 * A hall's delegate list as a table (CSV or the first sheet of an XLSX): a header row naming the columns — họ tên,
 * chức vụ, đơn vị, điểm cầu (the endpoint's code), and optionally điện thoại and email, in Vietnamese with or without
 * diacritics or in English — then one delegate per row. Every row keeps the line it came from, so problems name it.
 */
final class DelegateTable {

  static final int MAX_ROWS = 5_000;
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  /** The parsed rows and the file line of each; {@code problems} when the file itself is unusable. */
  record Parsed(List<DelegateEntry> rows, List<Integer> lines, List<String> problems) {}

  private enum Column { NAME, POSITION, UNIT, ENDPOINT, PHONE, EMAIL }

  private static final Map<String, Column> ALIASES = new HashMap<>();

  static {
    for (String a : List.of("ho ten", "ho va ten", "hoten", "full name", "fullname", "name")) ALIASES.put(a, Column.NAME);
    for (String a : List.of("chuc vu", "position", "title")) ALIASES.put(a, Column.POSITION);
    for (String a : List.of("don vi", "co quan", "unit", "organization", "organisation")) ALIASES.put(a, Column.UNIT);
    for (String a : List.of("diem cau", "ma diem cau", "endpoint", "endpoint code", "endpointcode")) {
      ALIASES.put(a, Column.ENDPOINT);
    }
    for (String a : List.of("dien thoai", "so dien thoai", "phone", "telephone")) ALIASES.put(a, Column.PHONE);
    for (String a : List.of("email", "e-mail", "thu dien tu", "dia chi thu dien tu")) ALIASES.put(a, Column.EMAIL);
  }

  private DelegateTable() {}

  /** Header text as compared: no diacritics (đ → d), lower case, single spaces. */
  static String key(String header) {
    String s = Normalizer.normalize(header.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "");
    return s.toLowerCase(Locale.ROOT).replace('_', ' ').replaceAll("\\s+", " ").strip();
  }

  static Parsed parse(byte[] body, String contentType) {
    String type = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    if (type.equals(XLSX)) return xlsx(body);
    if (type.equals("text/csv") || type.equals("text/plain") || type.isEmpty()) return csv(body);
    return new Parsed(List.of(), List.of(), List.of("send the list as text/csv or " + XLSX + ", not " + type));
  }

  private static Parsed csv(byte[] body) {
    List<List<String>> cells = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    try {
      for (CsvRecords.Row row : CsvRecords.read(body, MAX_ROWS + 2)) {
        cells.add(row.cells());
        lines.add(row.line());
      }
    } catch (IllegalArgumentException e) {
      return new Parsed(List.of(), List.of(), List.of("not valid CSV: " + e.getMessage()));
    }
    return table(cells, lines);
  }

  private static Parsed xlsx(byte[] body) {
    List<List<String>> cells = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    // A zip bomb inflates far beyond its size: POI refuses entries that expand more than 100 times.
    ZipSecureFile.setMinInflateRatio(0.01);
    try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(body))) {
      if (wb.getNumberOfSheets() == 0) return new Parsed(List.of(), List.of(), List.of("the workbook has no sheet"));
      Sheet sheet = wb.getSheetAt(0);
      DataFormatter fmt = new DataFormatter(new Locale("vi", "VN"));
      for (Row row : sheet) {
        if (cells.size() > MAX_ROWS + 1) break;
        List<String> values = new ArrayList<>();
        boolean any = false;
        for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
          Cell cell = row.getCell(c);
          String v = cell == null ? "" : fmt.formatCellValue(cell).strip();
          any |= !v.isEmpty();
          values.add(v);
        }
        if (!any) continue;
        cells.add(values);
        lines.add(row.getRowNum() + 1);
      }
    } catch (IOException | RuntimeException e) {
      return new Parsed(List.of(), List.of(), List.of("not a readable .xlsx workbook: " + e.getMessage()));
    }
    return table(cells, lines);
  }

  private static Parsed table(List<List<String>> cells, List<Integer> lines) {
    List<String> problems = new ArrayList<>();
    if (cells.isEmpty()) return new Parsed(List.of(), List.of(), List.of("the list is empty"));
    if (cells.size() > MAX_ROWS + 1) {
      return new Parsed(List.of(), List.of(), List.of("more than " + MAX_ROWS + " delegates in one list"));
    }
    Map<Column, Integer> at = new HashMap<>();
    List<String> header = cells.get(0);
    for (int i = 0; i < header.size(); i++) {
      Column c = ALIASES.get(key(header.get(i)));
      if (c == null) continue;
      if (at.putIfAbsent(c, i) != null) problems.add("line " + lines.get(0) + ": column \"" + header.get(i) + "\" appears twice");
    }
    if (!at.containsKey(Column.NAME)) problems.add("line " + lines.get(0) + ": no column \"họ tên\" (full name)");
    if (!at.containsKey(Column.ENDPOINT)) problems.add("line " + lines.get(0) + ": no column \"điểm cầu\" (endpoint code)");
    if (!problems.isEmpty()) return new Parsed(List.of(), List.of(), problems);
    List<DelegateEntry> rows = new ArrayList<>();
    List<Integer> rowLines = new ArrayList<>();
    for (int r = 1; r < cells.size(); r++) {
      List<String> v = cells.get(r);
      rows.add(new DelegateEntry(get(v, at, Column.NAME), get(v, at, Column.POSITION), get(v, at, Column.UNIT),
          get(v, at, Column.ENDPOINT), get(v, at, Column.PHONE), get(v, at, Column.EMAIL)));
      rowLines.add(lines.get(r));
    }
    if (rows.isEmpty()) return new Parsed(List.of(), List.of(), List.of("the list has a header but no delegate"));
    return new Parsed(rows, rowLines, List.of());
  }

  private static String get(List<String> values, Map<Column, Integer> at, Column c) {
    Integer i = at.get(c);
    if (i == null || i >= values.size()) return null;
    String v = values.get(i);
    return v == null || v.isBlank() ? null : v;
  }
}
