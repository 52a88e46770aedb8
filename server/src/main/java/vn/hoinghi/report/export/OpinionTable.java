package vn.hoinghi.report.export;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import vn.hoinghi.report.SynthesisReport;
import vn.hoinghi.report.SynthesisReport.ArticleSection;
import vn.hoinghi.report.SynthesisReport.FeedbackItem;
import vn.hoinghi.report.SynthesisReport.FeedbackKind;
import vn.hoinghi.report.Terms;

/**
 * The one continuous table of the report, "BẢNG TỔNG HỢP, TIẾP THU, GIẢI TRÌNH Ý KIẾN GÓP Ý", as the DOCX and the
 * PDF print it: STT | Điều, khoản | Chủ thể góp ý | Nội dung góp ý | Ý kiến tiếp thu, giải trình. Rows hold text
 * only, never an internal id.
 */
final class OpinionTable {

  static final String TITLE = "BẢNG TỔNG HỢP, TIẾP THU, GIẢI TRÌNH Ý KIẾN GÓP Ý";
  static final List<String> HEADER = List.of("STT", "Điều, khoản", "Chủ thể góp ý", "Nội dung góp ý",
      "Ý kiến tiếp thu, giải trình");
  /** Column widths, portrait: the content and the answer take most of the line. */
  static final String[] WIDTHS = {"7%", "13%", "19%", "33%", "28%"};

  private OpinionTable() {}

  /** One printed row: the place cell may hold two lines (the number when the opinion was given, the new number). */
  record Row(String stt, List<String> place, List<String> sources, List<String> content, List<String> answer) {}

  static List<Row> rows(SynthesisReport r) {
    List<Row> rows = new ArrayList<>();
    int n = 0;
    for (FeedbackItem f : r.allFeedback()) {
      if (f.kind() == FeedbackKind.REPLY) continue;
      List<String> content = new ArrayList<>(Wording.content(f));
      content.remove(0);
      if (content.isEmpty()) content.add(Terms.kind(f.kind()));
      rows.add(new Row(Integer.toString(++n), List.of(f.nodeLabel() == null ? "Chung" : f.nodeLabel()),
          List.of(Wording.author(f)), content, List.of(Wording.answer(f))));
    }
    return rows;
  }

  /** "Điều 1–7, 9, 11" for the articles nobody commented on, in the order of the draft. */
  static String agreedArticles(SynthesisReport r) {
    List<Integer> numbers = new ArrayList<>();
    List<String> other = new ArrayList<>();
    for (ArticleSection a : r.articles()) {
      if (!a.feedback().isEmpty() || !a.speeches().isEmpty()) continue;
      try {
        numbers.add(Integer.parseInt(a.number()));
      } catch (NumberFormatException e) {
        other.add(a.number());
      }
    }
    return ranges(new ArrayList<>(new TreeSet<>(numbers)), other);
  }

  /** Consecutive numbers joined into ranges: [1,2,3,5] → "Điều 1–3, 5". Empty when there are none. */
  static String ranges(List<Integer> sorted, List<String> other) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < sorted.size(); ) {
      int j = i;
      while (j + 1 < sorted.size() && sorted.get(j + 1) == sorted.get(j) + 1) j++;
      parts.add(j == i ? "" + sorted.get(i) : j == i + 1 ? sorted.get(i) + ", " + sorted.get(j)
          : sorted.get(i) + "–" + sorted.get(j));
      i = j + 1;
    }
    parts.addAll(other);
    return parts.isEmpty() ? "" : "Điều " + String.join(", ", parts);
  }

  /** The halls that gave no opinion: they agreed with the draft without remarks. */
  static List<String> agreedHalls(SynthesisReport r) {
    return r.endpointsWithoutFeedback().stream().map(SynthesisReport.EndpointRef::name).toList();
  }
}
