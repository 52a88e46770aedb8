package vn.hoinghi.report.export;

import java.util.List;
import vn.hoinghi.report.SynthesisReport;
import vn.hoinghi.report.SynthesisReport.ArticleSection;
import vn.hoinghi.report.SynthesisReport.EndpointAttendance;
import vn.hoinghi.report.SynthesisReport.EndpointCount;
import vn.hoinghi.report.SynthesisReport.VoteResult;
import vn.hoinghi.report.Terms;

/**
 * The report as Markdown (GitHub tables), for reading in a browser or pasting into another document. The opinions are
 * the one table of {@link FeedbackRows}, with its numbers and what it leaves out; the votes table lists only the
 * articles that were voted on.
 */
public final class MarkdownExport {

  private MarkdownExport() {}

  public static String render(SynthesisReport r, DocumentHeading heading) {
    StringBuilder md = new StringBuilder();
    String place = heading.place().isBlank() ? "" : heading.place() + ", ";
    md.append("**").append(heading.issuer()).append("** — ").append(String.join(" — ", heading.nationalLines()))
        .append("\n\n");
    md.append("*").append(place).append(Terms.longDate(r.heading().generatedAt())).append("*\n\n");
    md.append("# ").append(Wording.TITLE).append("\n\n**").append(Wording.subtitle(r)).append("**\n\n");
    if (Wording.provisional(r) != null) md.append("> ").append(Wording.provisional(r)).append("\n\n");
    if (Wording.scope(r) != null) md.append("> ").append(Wording.scope(r)).append("\n\n");
    md.append(Wording.intro(r)).append("\n\n");

    md.append("## ").append(Wording.SECTION_ATTENDANCE).append("\n\n").append(Wording.attendanceSummary(r)).append("\n\n");
    md.append("| ").append(String.join(" | ", Wording.ATTENDANCE_HEADER)).append(" |\n");
    md.append("|---".repeat(Wording.ATTENDANCE_HEADER.size())).append("|\n");
    int n = 0;
    for (EndpointAttendance e : r.attendance()) {
      md.append("| ").append(String.join(" | ", Wording.attendanceRow(++n, e).stream().map(MarkdownExport::cell)
          .toList())).append(" |\n");
    }
    md.append("\n## ").append(Wording.SECTION_VOTES).append("\n\n");
    md.append("| Điều | Tán thành | Không tán thành | Ý kiến khác | Tổng | Tỷ lệ tán thành |\n|---|---|---|---|---|---|\n");
    for (ArticleSection a : r.articles()) {
      VoteResult v = TallyChart.latest(a);
      if (v != null) {
        var c = v.overall();
        md.append("| ").append(a.label()).append(" | ").append(c.agree()).append(" | ").append(c.disagree())
            .append(" | ").append(c.other()).append(" | ").append(c.total()).append(" | ")
            .append(Terms.percent(c.agree(), c.total())).append(" |\n");
      }
    }
    for (VoteResult v : Wording.alternativeVotes(r)) {
      md.append("\n**").append(cell(Wording.alternativesTitle(v))).append("**\n\n");
      md.append("| ").append(String.join(" | ", Wording.ALTERNATIVES_HEADER)).append(" |\n");
      md.append("|---".repeat(Wording.ALTERNATIVES_HEADER.size())).append("|\n");
      for (List<String> row : Wording.alternativeRows(v)) {
        md.append("| ").append(String.join(" | ", row.stream().map(MarkdownExport::cell).toList())).append(" |\n");
      }
      md.append("\n").append(Wording.alternativesResult(v)).append("\n");
    }
    md.append("\n## ").append(Wording.SECTION_FEEDBACK).append("\n\n");
    md.append("| ").append(String.join(" | ", FeedbackRows.HEADER)).append(" |\n");
    md.append("|---".repeat(FeedbackRows.HEADER.size())).append("|\n");
    for (FeedbackRows.Row row : FeedbackRows.of(r)) {
      md.append("| ").append(String.join(" | ", row.cells().stream().map(MarkdownExport::cell).toList())).append(" |\n");
    }
    if (r.table().isEmpty()) md.append("| | | | Không có ý kiến góp ý. | |\n");
    md.append("\n").append(FeedbackRows.totals(r)).append("\n\n");
    String agreed = FeedbackRows.agreedWithoutRemarks(r);
    if (agreed != null) md.append(agreed).append("\n\n");
    // Who spoke on what: summarized speeches are rows of the table; this lists every turn.
    boolean spoke = !r.generalSpeeches().isEmpty();
    for (ArticleSection a : r.articles()) spoke |= !a.speeches().isEmpty();
    if (spoke) {
      md.append("Phát biểu tại hội nghị:\n\n");
      for (ArticleSection a : r.articles()) {
        if (!a.speeches().isEmpty()) md.append("- ").append(a.label()).append(": ").append(Wording.speakers(a.speeches())).append("\n");
      }
      if (!r.generalSpeeches().isEmpty()) md.append("- Ý kiến chung: ").append(Wording.speakers(r.generalSpeeches())).append("\n");
      md.append("\n");
    }
    md.append("## ").append(Wording.SECTION_SILENT).append("\n\n");
    if (r.endpointsWithoutFeedback().isEmpty()) {
      md.append("Tất cả các điểm cầu đều có ý kiến.\n\n");
    } else {
      r.endpointsWithoutFeedback().forEach(e -> md.append("- ").append(e.name()).append("\n"));
      md.append("\n");
    }
    md.append("## ").append(Wording.SECTION_TOTALS).append("\n\n").append(Wording.totals(r.totals())).append("\n\n");
    md.append(Wording.CLOSING).append("\n\n");
    md.append("## ").append(Wording.APPENDIX).append("\n\n");
    for (ArticleSection a : r.articles()) {
      for (VoteResult v : a.votes()) {
        md.append("**").append(a.label()).append("** — ").append(cell(v.title())).append("\n\n");
        md.append("| Điểm cầu | Tán thành | Không tán thành | Ý kiến khác | Tổng | Ghi chú |\n|---|---|---|---|---|---|\n");
        for (EndpointCount e : v.byEndpoint()) {
          md.append("| ").append(cell(e.name())).append(" | ").append(e.counted().agree()).append(" | ")
              .append(e.counted().disagree()).append(" | ").append(e.counted().other()).append(" | ")
              .append(e.counted().total()).append(" | ").append(e.collective() ? "kết quả chung của điểm cầu" : "")
              .append(" |\n");
        }
        md.append("\n");
      }
    }
    return md.toString();
  }

  /** A table cell: pipes escaped, line breaks as <br>. */
  static String cell(String s) {
    if (s == null) return "";
    return s.replace("\\", "\\\\").replace("|", "\\|").replace("\r", "").replace("\n", "<br>");
  }
}
