package vn.hoinghi.gateway;

import vn.hoinghi.report.revision.VersionDiff;
import vn.hoinghi.report.revision.WordDiff;

/** The differences between two draft versions as Markdown: deleted words in {@code <del>}, inserted in {@code <ins>}. */
final class DiffMarkdown {

  private DiffMarkdown() {}

  static String render(VersionDiff.Comparison c) {
    StringBuilder md = new StringBuilder("# So sánh dự thảo lần ").append(c.fromVersion()).append(" → ")
        .append(c.toVersion()).append("\n\n").append(c.changed()).append(" điều có thay đổi.\n\n");
    for (VersionDiff.ArticleChange a : c.articles()) {
      if (a.status() == VersionDiff.Status.UNCHANGED) continue;
      String label = a.toNumber() != null ? "Điều " + a.toNumber() : "Điều " + a.fromNumber();
      md.append("## ").append(label).append(". ").append(a.toTitle() != null ? a.toTitle() : a.fromTitle())
          .append(" — ").append(status(a)).append("\n\n");
      if (a.status() != VersionDiff.Status.RENUMBERED) {
        md.append(segments(a.body())).append("\n\n");
      }
      for (VersionDiff.Attribution p : a.proposals()) {
        md.append("- Đề xuất của ").append(p.proposal().authorName()).append(" (").append(p.proposal().endpointName())
            .append("): “").append(p.proposal().replacement()).append("” — ")
            .append(p.applied() ? "đã đưa vào dự thảo" : "chưa có trong văn bản").append("\n");
      }
      if (!a.proposals().isEmpty()) md.append("\n");
    }
    return md.toString();
  }

  private static String status(VersionDiff.ArticleChange a) {
    return switch (a.status()) {
      case UNCHANGED -> "không đổi";
      case RENUMBERED -> "đổi số từ Điều " + a.fromNumber();
      case CHANGED -> "sửa đổi";
      case ADDED -> "bổ sung mới";
      case REMOVED -> "bãi bỏ";
    };
  }

  private static String segments(java.util.List<WordDiff.Segment> segs) {
    StringBuilder sb = new StringBuilder();
    for (WordDiff.Segment s : segs) {
      String t = s.text().replace("<", "&lt;").replace("\n", "  \n");
      switch (s.op()) {
        case EQUAL -> sb.append(t);
        case DELETE -> sb.append("<del>").append(t).append("</del>");
        case INSERT -> sb.append("<ins>").append(t).append("</ins>");
      }
    }
    return sb.toString();
  }
}
