package vn.hoinghi.report.export;

import java.util.ArrayList;
import java.util.List;
import vn.hoinghi.report.SynthesisReport;
import vn.hoinghi.report.TableRow;

/**
 * The report's one table ({@link SynthesisReport#table()}) as text cells, the same in XLSX, CSV and Markdown:
 * STT | Điều, khoản | Chủ thể góp ý | Nội dung góp ý | Ý kiến tiếp thu, giải trình. The place reads as numbered when
 * the opinion was given, with the later number beside it; several sources (a merged row) one per line. No internal
 * id is written.
 */
public final class FeedbackRows {

  public static final List<String> HEADER = List.of("STT", "Điều, khoản", "Chủ thể góp ý", "Nội dung góp ý",
      "Ý kiến tiếp thu, giải trình");

  private FeedbackRows() {}

  /** One row: the cells as text, aligned with {@link #HEADER}. */
  public record Row(int number, TableRow row, List<String> cells) {}

  public static List<Row> of(SynthesisReport report) {
    List<Row> rows = new ArrayList<>();
    for (TableRow t : report.table()) {
      rows.add(new Row(t.stt(), t, List.of(Integer.toString(t.stt()), t.placeLabel(), String.join("\n", t.sources()),
          t.content(), t.answer())));
    }
    return rows;
  }

  /** The table's numbers in words, as every format prints them under the table. */
  public static String totals(SynthesisReport r) {
    var t = r.tableTotals();
    return "Tổng số " + t.rows() + " ý kiến; đã phản hồi " + t.answered() + " (tiếp thu " + t.accepted()
        + ", giải trình " + t.explained() + ", ghi nhận " + t.noted() + "); chưa phản hồi " + t.unanswered() + ".";
  }

  /** "Điều 1, Điều 3–7" and the halls that agreed without remarks, or null when nothing was left out. */
  public static String agreedWithoutRemarks(SynthesisReport r) {
    var a = r.agreedWithoutRemarks();
    List<String> parts = new ArrayList<>();
    if (!a.articles().isEmpty()) parts.add("Các điều không có ý kiến góp ý: " + String.join(", ", a.articles()) + ".");
    if (!a.halls().isEmpty()) parts.add("Các điểm cầu thống nhất, không có ý kiến: " + String.join(", ", a.halls()) + ".");
    return parts.isEmpty() ? null : String.join(" ", parts);
  }
}
