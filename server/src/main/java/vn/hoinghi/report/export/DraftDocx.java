package vn.hoinghi.report.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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
import vn.hoinghi.report.revision.VersionDiff;
import vn.hoinghi.report.revision.WordDiff;

/**
 * The draft in Word: one version laid out as a legal text (chapters centred, "Điều N. Tên" in bold, clauses and
 * points), and the comparison of two versions as the table drafting teams file with a revised draft (bảng so sánh):
 * the older text with deleted words struck through, the newer with inserted words underlined, and the accepted
 * proposals each change came from.
 */
public final class DraftDocx {

  private DraftDocx() {}

  public static void writeVersion(DraftDocument d, int version, OutputStream out) {
    try (XWPFDocument doc = new XWPFDocument()) {
      DocxExport.defaults(doc);
      DocxExport.page(doc);
      if (!d.title().isBlank()) DocxExport.para(doc, ParagraphAlignment.CENTER, 0, 0).run(d.title(), true, false, 14);
      for (String line : d.preamble().lines().toList()) {
        DocxExport.para(doc, ParagraphAlignment.CENTER, 0, 0).run(line, true, false, 14);
      }
      DocxExport.para(doc, ParagraphAlignment.CENTER, 0, 120).run("(Phiên bản " + version + ")", false, true, 12);
      for (DraftNode n : d.nodes()) node(doc, n);
      doc.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void node(XWPFDocument doc, DraftNode n) {
    switch (n.kind()) {
      case PART, CHAPTER, SECTION -> {
        DocxExport.para(doc, ParagraphAlignment.CENTER, 240, 0).run(n.label(), true, false, DocxExport.BODY);
        if (!n.title().isBlank()) {
          DocxExport.para(doc, ParagraphAlignment.CENTER, 0, 120).run(n.title(), true, false, DocxExport.BODY);
        }
        lines(doc, n.text());
      }
      case ARTICLE -> {
        DocxExport.Para p = DocxExport.para(doc, ParagraphAlignment.BOTH, 120, 60);
        p.p.setIndentationFirstLine(567);
        p.p.setKeepNext(true);
        p.run(n.label() + ". " + n.title(), true, false, DocxExport.BODY);
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
    DocxExport.Para p = DocxExport.para(doc, ParagraphAlignment.BOTH, 0, 60);
    p.p.setIndentationFirstLine(567);
    p.run(text, false, false, DocxExport.BODY);
  }

  public static void writeComparison(VersionDiff.Comparison c, OutputStream out) {
    try (XWPFDocument doc = new XWPFDocument()) {
      DocxExport.defaults(doc);
      DocxExport.page(doc);
      DocxExport.para(doc, ParagraphAlignment.CENTER, 0, 0).run("BẢNG SO SÁNH DỰ THẢO", true, false, 14);
      DocxExport.para(doc, ParagraphAlignment.CENTER, 0, 120).run("Phiên bản " + c.fromVersion() + " và phiên bản "
          + c.toVersion() + " — " + c.changed() + " điều có thay đổi", false, true, 13);
      DocxExport.para(doc, ParagraphAlignment.LEFT, 0, 120).run("Chữ bị xóa được gạch ngang; chữ bổ sung được gạch "
          + "chân và in đậm.", false, true, 11);
      XWPFTable t = DocxExport.table(doc, List.of("Điều", "Phiên bản " + c.fromVersion(), "Phiên bản " + c.toVersion(),
          "Tiếp thu ý kiến"), new String[] {"10%", "35%", "35%", "20%"});
      for (VersionDiff.ArticleChange a : c.articles()) {
        if (a.status() == VersionDiff.Status.UNCHANGED) continue;
        XWPFTableRow row = t.createRow();
        DocxExport.text(row.getCell(0), List.of(label(a)), ParagraphAlignment.CENTER, false);
        side(row.getCell(1).getParagraphs().get(0), a, true);
        side(row.getCell(2).getParagraphs().get(0), a, false);
        List<String> notes = a.proposals().isEmpty() ? List.of(status(a)) : a.proposals().stream()
            .map(p -> p.proposal().authorName() + " (" + p.proposal().endpointName() + "): “" + p.proposal().replacement()
                + "”" + (p.applied() ? " — đã tiếp thu" : "")).toList();
        DocxExport.text(row.getCell(3), notes, ParagraphAlignment.LEFT, false);
      }
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
