package vn.hoinghi.document.docx;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.BodyElementType;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFAbstractFootnoteEndnote;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFtnEdnRef;
import vn.hoinghi.domain.document.DraftImporter;
import vn.hoinghi.domain.document.ImportProblem;

/**
 * Reads a Word draft into the plain lines {@link DraftImporter#parse(String)} reads, so that a .docx and a text file
 * are judged by the same rules: one line per paragraph (a line break inside a paragraph starts a new line), Word's
 * automatic numbering written out as it shows ("Điều 5.", "1.", "a)"), each table row as one line "| a | b |" in
 * the article where it stands (the leading "|" keeps a cell such as "1." from being read as a clause), headings
 * and centred bold title lines as ordinary lines. Footnotes, endnotes, pictures and a letterhead table before the
 * first paragraph are left out, each with a notice at its line, never silently.
 */
public final class DocxDraft {
  /** A leading table of at most this many rows is the letterhead (issuing body | national motto), not the draft. */
  private static final int LETTERHEAD_ROWS = 4;
  /** Notices listed at most; one more says that there were others. */
  private static final int MAX_NOTICES = 100;

  private DocxDraft() {}

  public static DocxText read(byte[] bytes) throws DocxRefused {
    DocxPackage.check(bytes);
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
      return new Reading(doc).run();
    } catch (DocxRefused e) {
      throw e;
    } catch (Exception | StackOverflowError e) {
      // POI throws several unchecked types for broken or hostile packages (POIXMLException, NotOfficeXmlFileException,
      // XmlException wrapped, ZipSecureFile's IOException); to the caller they all mean the same thing.
      throw new DocxRefused("Không đọc được tệp .docx: tệp hỏng hoặc không phải văn bản Word",
          "The .docx cannot be read: the file is damaged or not a Word document");
    }
  }

  /**
   * Loads POI's Word classes and XML schema types by writing and reading back a one-article document with automatic
   * numbering and a table, so that the first .docx a secretary sends after a start does not pay for it (about 1 s of
   * class loading, several seconds on a loaded machine). Runs on a worker thread at process start ({@code Main}).
   *
   * @return the sample's text as read back (its numbered article reads "Điều 1. Phạm vi điều chỉnh")
   */
  public static String warmUp() throws DocxRefused {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (XWPFDocument doc = new XWPFDocument()) {
      var abs = org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum.Factory.newInstance();
      abs.setAbstractNumId(java.math.BigInteger.ZERO);
      var level = abs.addNewLvl();
      level.setIlvl(java.math.BigInteger.ZERO);
      level.addNewStart().setVal(java.math.BigInteger.ONE);
      level.addNewNumFmt().setVal(org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat.DECIMAL);
      level.addNewLvlText().setVal("Điều %1.");
      var numbering = doc.createNumbering();
      java.math.BigInteger num = numbering.addNum(numbering.addAbstractNum(
          new org.apache.poi.xwpf.usermodel.XWPFAbstractNum(abs)));
      doc.createParagraph().createRun().setText("LUẬT MẪU");
      XWPFParagraph article = doc.createParagraph();
      article.setNumID(num);
      article.createRun().setText("Phạm vi điều chỉnh");
      doc.createParagraph().createRun().setText("1. Khoản một.");
      doc.createTable(1, 2).getRow(0).getCell(0).setText("a");
      doc.write(bytes);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    String text = read(bytes.toByteArray()).text();
    DraftImporter.parse(text);
    return text;
  }

  /** One pass over the body in document order; numbering counters depend on that order. */
  private static final class Reading {
    private final XWPFDocument doc;
    private final WordNumbering numbering;
    private final StringBuilder out = new StringBuilder();
    private final List<ImportProblem> notices = new ArrayList<>();
    private int line;
    private boolean sawText;
    private boolean full;

    Reading(XWPFDocument doc) {
      this.doc = doc;
      this.numbering = new WordNumbering(doc);
    }

    DocxText run() throws DocxRefused {
      for (IBodyElement e : doc.getBodyElements()) {
        if (full) break;
        if (e.getElementType() == BodyElementType.PARAGRAPH) {
          paragraph((XWPFParagraph) e);
        } else if (e.getElementType() == BodyElementType.TABLE) {
          table((XWPFTable) e);
        } else if (e instanceof XWPFSDT sdt) {
          for (String l : sdt.getContent().getText().split("\n", -1)) emit(l);
        }
      }
      if (!sawText) {
        throw new DocxRefused("Tệp .docx không có chữ nào", "The .docx has no text");
      }
      return new DocxText(out.toString(), notices);
    }

    private void paragraph(XWPFParagraph p) {
      String label = numbering.label(p);
      String[] lines = text(p).split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        emit(i == 0 ? label + lines[i].strip() : lines[i]);
      }
    }

    /** The paragraph's runs, without footnote marks (each one noticed) and with tabs as spaces. */
    private String text(XWPFParagraph p) {
      StringBuilder s = new StringBuilder();
      for (XWPFRun r : p.getRuns()) {
        String t = r.text();
        for (CTFtnEdnRef ref : r.getCTR().getFootnoteReferenceList()) t = dropNote(t, ref, true);
        for (CTFtnEdnRef ref : r.getCTR().getEndnoteReferenceList()) t = dropNote(t, ref, false);
        if (!r.getEmbeddedPictures().isEmpty()) {
          notice("Hình ảnh trong văn bản không được nhập", "Pictures in the document are not imported");
        }
        s.append(t);
      }
      return s.toString().replace('\t', ' ').replace('\u00A0', ' ');
    }

    private String dropNote(String text, CTFtnEdnRef ref, boolean footnote) {
      String id = ref.getId() == null ? "?" : ref.getId().toString();
      String mark = "[" + (footnote ? "footnoteRef:" : "endnoteRef:") + id + "]";
      XWPFAbstractFootnoteEndnote note = ref.getId() == null ? null
          : footnote ? doc.getFootnoteByID(ref.getId().intValue()) : doc.getEndnoteByID(ref.getId().intValue());
      String body = note == null ? "" : shorten(note.getParagraphs().stream().map(XWPFParagraph::getText)
          .reduce((a, b) -> a + " " + b).orElse("").strip());
      notice((footnote ? "Chú thích cuối trang" : "Chú thích cuối văn bản") + " đã được bỏ đi" + (body.isEmpty() ? "" : ": \"" + body + "\""),
          (footnote ? "A footnote" : "An endnote") + " was left out" + (body.isEmpty() ? "" : ": \"" + body + "\""));
      return text.replace(mark, "");
    }

    private void table(XWPFTable t) {
      if (!sawText && t.getRows().size() <= LETTERHEAD_ROWS) {
        String shown = shorten(t.getText().replaceAll("\\s+", " ").strip());
        if (!shown.isEmpty()) {
          notice("Bảng đầu văn bản (cơ quan ban hành, quốc hiệu) không được nhập: \"" + shown + "\"",
              "The table at the top (issuing body, national motto) is not imported: \"" + shown + "\"");
          return;
        }
      }
      for (XWPFTableRow row : t.getRows()) {
        List<String> cells = new ArrayList<>();
        boolean any = false;
        for (XWPFTableCell cell : row.getTableCells()) {
          String c = cellText(cell);
          any |= !c.isEmpty();
          cells.add(c.replace("|", "/"));
        }
        if (any) emit("| " + String.join(" | ", cells) + " |");
      }
    }

    private String cellText(XWPFTableCell cell) {
      StringBuilder s = new StringBuilder();
      for (IBodyElement e : cell.getBodyElements()) {
        String part = "";
        if (e instanceof XWPFParagraph p) {
          part = (numbering.label(p) + text(p)).replace('\n', ' ').strip();
        } else if (e instanceof XWPFTable inner) {
          List<String> innerRows = new ArrayList<>();
          for (XWPFTableRow r : inner.getRows()) {
            innerRows.add(String.join(", ", r.getTableCells().stream().map(this::cellText).toList()));
          }
          part = String.join("; ", innerRows).strip();
        }
        if (!part.isEmpty()) s.append(s.isEmpty() ? "" : " ").append(part);
      }
      return s.toString();
    }

    private void emit(String l) {
      if (full) return;
      if (out.length() > DraftImporter.MAX_TEXT_BYTES) {
        // The importer refuses the text anyway (larger than its limit); reading on would only cost memory.
        full = true;
        return;
      }
      line++;
      sawText |= !l.isBlank();
      out.append(l.stripTrailing()).append('\n');
    }

    /** A notice for the line about to be written (the paragraph the thing stood in). */
    private void notice(String vi, String en) {
      if (notices.size() < MAX_NOTICES) {
        notices.add(new ImportProblem(line + 1, vi, en));
      } else if (notices.size() == MAX_NOTICES) {
        notices.add(new ImportProblem(line + 1, "Còn những phần khác bị bỏ đi (chỉ nêu " + MAX_NOTICES + " phần đầu)",
            "More was left out (only the first " + MAX_NOTICES + " are listed)"));
      }
    }
  }

  private static String shorten(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "…";
  }
}
