package vn.hoinghi.report.export;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import vn.hoinghi.report.SynthesisReport;
import vn.hoinghi.report.SynthesisReport.FeedbackItem;
import vn.hoinghi.report.Terms;

/**
 * Every feedback item as one row, the same columns in CSV and XLSX: annotations, replies (with the thread they
 * answer) and opinions given with ballots. An opinion given with a secret ballot has no author.
 */
public final class FeedbackRows {

  public static final List<String> HEADER = List.of("STT", "Mã", "Loại", "Điều", "Vị trí", "Đoạn trích",
      "Nội dung góp ý", "Đề xuất sửa thành", "Điểm cầu", "Người góp ý", "Thời gian", "Trả lời cho", "Biểu quyết",
      "Không còn vị trí", "Tiếp thu, giải trình", "Nội dung giải trình", "Người trả lời", "Thời gian trả lời");

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private FeedbackRows() {}

  /** One row: the cells as text (times in Vietnam's zone, "yyyy-MM-dd HH:mm:ss"), aligned with {@link #HEADER}. */
  public record Row(int number, FeedbackItem item, List<String> cells) {}

  public static List<Row> of(SynthesisReport report) {
    List<Row> rows = new ArrayList<>();
    int n = 0;
    for (FeedbackItem f : report.allFeedback()) {
      n++;
      String article = f.articleId() == null ? "" : labelOfArticle(report, f.articleId());
      List<String> cells = List.of(Integer.toString(n), f.id(), Terms.kind(f.kind()), article,
          nz(f.nodeLabel()), nz(f.quote()), nz(f.body()), nz(f.replacement()), nz(f.endpointName()),
          f.authorName() == null ? "" : f.authorName(), local(f.at()), nz(f.replyTo()), nz(f.voteId()),
          f.orphaned() ? "có" : "", f.answer() == null ? "" : Terms.response(f.answer().kind()),
          f.answer() == null ? "" : nz(f.answer().text()), f.answer() == null ? "" : nz(f.answer().byName()),
          f.answer() == null ? "" : local(f.answer().at()));
      rows.add(new Row(n, f, cells));
    }
    return rows;
  }

  static String local(Instant t) {
    return t == null ? "" : LocalDateTime.ofInstant(t, Terms.ZONE).format(LOCAL);
  }

  private static String labelOfArticle(SynthesisReport r, String articleId) {
    return r.articles().stream().filter(a -> a.articleId().equals(articleId)).findFirst()
        .map(SynthesisReport.ArticleSection::label).orElse(articleId);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
