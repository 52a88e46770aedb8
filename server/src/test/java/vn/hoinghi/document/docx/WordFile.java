package vn.hoinghi.document.docx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;
import org.apache.poi.xwpf.usermodel.XWPFNum;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTNumLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/** Builds Word files with POI for tests: paragraphs, automatic numbering, styles, tables and footnotes. */
public final class WordFile implements AutoCloseable {
  public final XWPFDocument doc = new XWPFDocument();
  private final XWPFNumbering numbering = doc.createNumbering();
  private int nextAbstract;

  /** A list definition, one level per text ("Điều %1.", "%2.", "%3)") with its format; returns its abstract id. */
  public BigInteger list(Object... textsAndFormats) {
    CTAbstractNum abs = CTAbstractNum.Factory.newInstance();
    abs.setAbstractNumId(BigInteger.valueOf(nextAbstract++));
    for (int i = 0; i < textsAndFormats.length / 2; i++) {
      CTLvl l = abs.addNewLvl();
      l.setIlvl(BigInteger.valueOf(i));
      l.addNewStart().setVal(BigInteger.ONE);
      l.addNewNumFmt().setVal((STNumberFormat.Enum) textsAndFormats[2 * i + 1]);
      l.addNewLvlText().setVal((String) textsAndFormats[2 * i]);
    }
    return numbering.addAbstractNum(new XWPFAbstractNum(abs, numbering));
  }

  /** A numbering instance of a list (numId). */
  public BigInteger num(BigInteger abstractId) {
    return numbering.addNum(abstractId);
  }

  /** A numbering instance that restarts level {@code ilvl} at {@code start} (Word's "restart at"). */
  public BigInteger numStartingAt(BigInteger abstractId, int ilvl, int start) {
    CTNum ct = CTNum.Factory.newInstance();
    ct.addNewAbstractNumId().setVal(abstractId);
    CTNumLvl o = ct.addNewLvlOverride();
    o.setIlvl(BigInteger.valueOf(ilvl));
    o.addNewStartOverride().setVal(BigInteger.valueOf(start));
    ct.setNumId(BigInteger.valueOf(numbering.getNums().size() + 1L));
    return numbering.addNum(new XWPFNum(ct, numbering));
  }

  /** A paragraph style numbered by a list's level 0, like a numbered "Heading 1". */
  public void numberedStyle(String styleId, BigInteger numId) {
    CTStyle s = CTStyle.Factory.newInstance();
    s.setStyleId(styleId);
    s.setType(STStyleType.PARAGRAPH);
    s.addNewName().setVal(styleId);
    s.addNewPPr().addNewNumPr().addNewNumId().setVal(numId);
    doc.createStyles().addStyle(new XWPFStyle(s));
  }

  public XWPFParagraph para(String text) {
    XWPFParagraph p = doc.createParagraph();
    if (!text.isEmpty()) p.createRun().setText(text);
    return p;
  }

  public XWPFParagraph numbered(BigInteger numId, int level, String text) {
    XWPFParagraph p = para(text);
    p.setNumID(numId);
    p.setNumILvl(BigInteger.valueOf(level));
    return p;
  }

  public XWPFParagraph styled(String styleId, String text) {
    XWPFParagraph p = para(text);
    p.setStyle(styleId);
    return p;
  }

  public XWPFParagraph centredBold(String text) {
    XWPFParagraph p = doc.createParagraph();
    p.setAlignment(ParagraphAlignment.CENTER);
    XWPFRun r = p.createRun();
    r.setBold(true);
    r.setText(text);
    return p;
  }

  public XWPFTable table(String[]... rows) {
    XWPFTable t = doc.createTable(rows.length, rows[0].length);
    for (int i = 0; i < rows.length; i++) {
      for (int j = 0; j < rows[i].length; j++) t.getRow(i).getCell(j).setText(rows[i][j]);
    }
    return t;
  }

  /** A paragraph with a footnote after its text. */
  public XWPFParagraph withFootnote(String text, String note) {
    XWPFParagraph p = para(text);
    XWPFFootnote f = doc.createFootnote();
    f.createParagraph().createRun().setText(note);
    p.addFootnoteReference(f);
    return p;
  }

  public byte[] bytes() {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    doc.close();
  }
}
