package vn.hoinghi.report.export;

import java.util.List;
import vn.hoinghi.report.SynthesisReport;
import vn.hoinghi.report.TableRow;

/**
 * The one continuous table of the report, "BẢNG TỔNG HỢP, TIẾP THU, GIẢI TRÌNH Ý KIẾN GÓP Ý", as the DOCX and the
 * PDF print it from {@link SynthesisReport#table()}: STT | Điều, khoản | Chủ thể góp ý | Nội dung góp ý | Ý kiến tiếp
 * thu, giải trình. Rows hold text only: a row's opinion ids are for answering from the client and never printed.
 */
final class OpinionRows {

  static final String TITLE = "BẢNG TỔNG HỢP, TIẾP THU, GIẢI TRÌNH Ý KIẾN GÓP Ý";
  static final List<String> HEADER = List.of("STT", "Điều, khoản", "Chủ thể góp ý", "Nội dung góp ý",
      "Ý kiến tiếp thu, giải trình");
  /** Column widths, portrait: the content and the answer take most of the line. */
  static final String[] WIDTHS = {"8%", "14%", "18%", "32%", "28%"};
  static final String UNANSWERED = "Chưa phản hồi.";

  private OpinionRows() {}

  /** One printed row; each list is one paragraph per line. */
  record Row(String stt, List<String> place, List<String> sources, List<String> content, List<String> answer) {}

  static List<Row> rows(SynthesisReport r) {
    return r.table().stream().map(OpinionRows::row).toList();
  }

  private static Row row(TableRow t) {
    List<String> place = t.placeNow() == null ? List.of(t.placeAtOpinion())
        : List.of(t.placeAtOpinion(), TableRow.DELETED.equals(t.placeNow()) ? "(đã bỏ)" : "(nay là " + t.placeNow() + ")");
    return new Row(Integer.toString(t.stt()), place, t.sources(), t.content().lines().toList(),
        t.answered() ? t.answer().lines().toList() : List.of(UNANSWERED));
  }
}
