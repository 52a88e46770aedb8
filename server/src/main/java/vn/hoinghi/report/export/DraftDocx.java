package vn.hoinghi.report.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import vn.hoinghi.domain.document.DraftDocument;
import vn.hoinghi.domain.document.DraftNode;
import vn.hoinghi.report.Terms;
import vn.hoinghi.report.revision.VersionDiff;
import vn.hoinghi.report.revision.WordDiff;

/**
 * The draft in Word, in the project's styles (docs/report.md): one version laid out as a legal text (chapters as
 * Heading 1, "Điều N. Tên" as Heading 2, clauses and points as Body Text), and the comparison of two versions as the
 * table drafting teams file with a revised draft (bảng so sánh), A4 landscape under the report's heading block: the
 * older text with deleted words struck through, the newer with inserted words underlined, and the reason for each
 * change with the accepted proposals it came from.
 */
public final class DraftDocx {

  private DraftDocx() {}

  public static void writeVersion(DraftDocument d, int version, OutputStream out) {
    try (XWPFDocument doc = new XWPFDocument()) {
      DocxStyles.install(doc);
      if (!d.title().isBlank()) DocxBlocks.styled(doc, DocxStyles.TITLE).run(d.title());
      for (String line : d.preamble().lines().toList()) {
        DocxBlocks.styled(doc, DocxStyles.NORMAL, ParagraphAlignment.CENTER).run(line, true, false, 0);
      }
      DocxBlocks.styled(doc, DocxStyles.NORMAL, ParagraphAlignment.CENTER)
          .run("(" + capitalized(Terms.draftRound(version)) + ")", false, true, 0);
      for (DraftNode n : d.nodes()) node(doc, n);
      DocxStyles.page(doc, false);
      doc.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void node(XWPFDocument doc, DraftNode n) {
    switch (n.kind()) {
      case PART, CHAPTER, SECTION -> {
        DocxBlocks.styled(doc, DocxStyles.H1, ParagraphAlignment.CENTER).run(n.label());
        if (!n.title().isBlank()) {
          DocxBlocks.styled(doc, DocxStyles.H1, ParagraphAlignment.CENTER).run(n.title());
        }
        lines(doc, n.text());
      }
      case ARTICLE -> {
        DocxBlocks.styled(doc, DocxStyles.H2).run(n.label() + ". " + n.title());
        lines(doc, n.text());
      }
      case CLAUSE, POINT -> {
        List<String> text = n.text().lines().toList();
        body(doc, n.label() + (text.isEmpty() ? "" : " " + text.get(0)));
        text.stream().skip(1).forEach(l -> body(doc, l));
      }
    }
    for (DraftNode c : n.children()) node(doc, c);
  }

  private static void lines(XWPFDocument doc, String text) {
    text.lines().forEach(l -> body(doc, l));
  }

  private static void body(XWPFDocument doc, String text) {
    DocxBlocks.body(doc, text);
  }

  public static void writeComparison(VersionDiff.Comparison c, OutputStream out) {
    writeComparison(c, "", DocumentHeading.standard(), Instant.now(), out);
  }

  /**
   * The comparison table (bảng so sánh) on A4 landscape, under the same heading block as the report: "BẢNG SO SÁNH",
   * the draft's name, then Dự thảo lần N | Dự thảo lần M | Lý do, giải trình for every article that changed.
   */
  public static void writeComparison(VersionDiff.Comparison c, String draftName, DocumentHeading heading, Instant at,
      OutputStream out) {
    try (XWPFDocument doc = new XWPFDocument()) {
      DocxStyles.install(doc);
      DocxBlocks.headingBlock(doc, heading, (heading.place().isBlank() ? "" : heading.place() + ", ")
          + Terms.longDate(at), true);
      DocxBlocks.styled(doc, DocxStyles.TITLE).run("BẢNG SO SÁNH");
      DocxBlocks.styled(doc, DocxStyles.TITLE).run(capitalized(Terms.draftRound(c.fromVersion())) + " và "
          + Terms.draftRound(c.toVersion()));
      String name = Wording.draftName(draftName, "");
      if (!name.isBlank()) DocxBlocks.styled(doc, DocxStyles.TITLE).run(name);
      DocxBlocks.styled(doc, DocxStyles.NORMAL, ParagraphAlignment.CENTER).run(c.changed() + " điều có thay đổi. "
          + "Chữ bị xóa được gạch ngang; chữ bổ sung được gạch chân và in đậm.", false, true, 13);
      String[] widths = {"38%", "38%", "24%"};
      XWPFTable t = DocxBlocks.table(doc, List.of(capitalized(Terms.draftRound(c.fromVersion())),
          capitalized(Terms.draftRound(c.toVersion())), "Lý do, giải trình"), widths, true);
      for (VersionDiff.ArticleChange a : c.articles()) {
        if (a.status() == VersionDiff.Status.UNCHANGED) continue;
        XWPFTableRow row = t.createRow();
        side(row.getCell(0).getParagraphs().get(0), a, true);
        side(row.getCell(1).getParagraphs().get(0), a, false);
        List<String> notes = new java.util.ArrayList<>();
        notes.add(label(a) + ": " + status(a).toLowerCase(VI) + ".");
        a.proposals().forEach(p -> notes.add("Tiếp thu ý kiến của " + p.proposal().authorName() + " ("
            + p.proposal().endpointName() + "): “" + p.proposal().replacement() + "”"
            + (p.applied() ? " — đã tiếp thu." : ".")));
        DocxBlocks.text(row.getCell(2), notes, ParagraphAlignment.LEFT, false);
      }
      DocxBlocks.columns(t, widths, true);
      DocxBlocks.closing(doc, heading, true);
      DocxStyles.page(doc, true);
      doc.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One side of the comparison: the heading, then the body, each segment formatted by what happened to it. */
  private static void side(XWPFParagraph p, VersionDiff.ArticleChange a, boolean older) {
    String number = older ? a.fromNumber() : a.toNumber();
    if (number == null) {
      p.createRun().setText(older ? "(không có)" : "(bãi bỏ)");
      return;
    }
    p.setStyle(DocxStyles.TABLE_TEXT);
    p.setAlignment(ParagraphAlignment.BOTH);
    XWPFRun head = p.createRun();
    head.setBold(true);
    head.setText("Điều " + number + ". ");
    segments(p, a.title(), older, true);
    p.createRun().addBreak();
    segments(p, a.body(), older, false);
  }

  private static void segments(XWPFParagraph p, List<WordDiff.Segment> segs, boolean older, boolean bold) {
    for (WordDiff.Segment s : segs) {
      if (s.op() == (older ? WordDiff.Op.INSERT : WordDiff.Op.DELETE)) continue;
      String[] lines = s.text().split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        if (i > 0) p.createRun().addBreak();
        if (lines[i].isEmpty()) continue;
        XWPFRun r = p.createRun();
        if (bold) r.setBold(true);
        if (s.op() == WordDiff.Op.DELETE) {
          r.setStrikeThrough(true);
          r.setColor("C00000");
        } else if (s.op() == WordDiff.Op.INSERT) {
          r.setUnderline(UnderlinePatterns.SINGLE);
          r.setBold(true);
          r.setColor("1F4E79");
        }
        r.setText(lines[i]);
      }
    }
  }

  private static final java.util.Locale VI = java.util.Locale.forLanguageTag("vi");

  private static String capitalized(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(VI) + s.substring(1);
  }

  private static String label(VersionDiff.ArticleChange a) {
    if (a.fromNumber() != null && a.toNumber() != null && !a.fromNumber().equals(a.toNumber())) {
      return "Điều " + a.fromNumber() + " → Điều " + a.toNumber();
    }
    return "Điều " + (a.toNumber() != null ? a.toNumber() : a.fromNumber());
  }

  private static String status(VersionDiff.ArticleChange a) {
    return switch (a.status()) {
      case UNCHANGED -> "Không đổi";
      case RENUMBERED -> "Chỉ đổi số thứ tự";
      case CHANGED -> "Sửa đổi";
      case ADDED -> "Bổ sung mới";
      case REMOVED -> "Bãi bỏ";
    };
  }

}
