package vn.hoinghi.report.export;

import java.math.BigInteger;
import org.apache.poi.xwpf.model.XWPFHeaderFooterPolicy;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.xmlbeans.XmlException;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.StylesDocument;

/**
 * The Word styles and page set-up every document of the project uses, so that a drafting team edits the file in Word
 * as they would their own: Normal (Times New Roman 14, justified), Body Text (first line indented 1 cm), Title,
 * Heading 1–3, Table Text and the Table Grid table style, Header (the page number). The page is A4 with the margins
 * of Nghị định 30/2020/NĐ-CP, Phụ lục I (top and bottom 20 mm, left 30 mm, right 15 mm, in either orientation),
 * and page numbers centred in the top margin from page 2 on.
 */
final class DocxStyles {

  static final int BODY_PT = 14;
  static final int TABLE_PT = 13;
  static final String FONT = ReportFonts.SERIF_NAME;

  static final String NORMAL = "Normal";
  static final String BODY = "BodyText";
  static final String TITLE = "Title";
  static final String H1 = "Heading1";
  static final String H2 = "Heading2";
  static final String H3 = "Heading3";
  static final String TABLE_TEXT = "TableText";
  static final String TABLE_GRID = "TableGrid";
  static final String HEADER = "Header";

  /** Twips per millimetre. */
  private static final double MM = 1440 / 25.4;

  private DocxStyles() {}

  static void install(XWPFDocument doc) {
    String f = "w:ascii=\"" + FONT + "\" w:hAnsi=\"" + FONT + "\" w:cs=\"" + FONT + "\" w:eastAsia=\"" + FONT + "\"";
    String xml = "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
        + "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts " + f + "/>" + size(BODY_PT)
        + "<w:lang w:val=\"vi-VN\"/></w:rPr></w:rPrDefault>"
        + "<w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault>"
        + "</w:docDefaults>"
        + para(NORMAL, "Normal", null, true, "<w:spacing w:after=\"80\"/><w:jc w:val=\"both\"/>", "")
        + para(BODY, "Body Text", NORMAL, true, "<w:ind w:firstLine=\"567\"/>", "")
        + para(TITLE, "Title", NORMAL, true,
            "<w:keepNext/><w:spacing w:before=\"240\" w:after=\"0\"/><w:jc w:val=\"center\"/>", "<w:b/>")
        + para(H1, "heading 1", NORMAL, true, "<w:keepNext/><w:spacing w:before=\"160\" w:after=\"80\"/>"
            + "<w:ind w:firstLine=\"567\"/><w:outlineLvl w:val=\"0\"/>", "<w:b/>")
        + para(H2, "heading 2", NORMAL, true, "<w:keepNext/><w:spacing w:before=\"120\" w:after=\"60\"/>"
            + "<w:ind w:firstLine=\"567\"/><w:outlineLvl w:val=\"1\"/>", "<w:b/>")
        + para(H3, "heading 3", NORMAL, true, "<w:keepNext/><w:spacing w:before=\"120\" w:after=\"60\"/>"
            + "<w:ind w:firstLine=\"567\"/><w:outlineLvl w:val=\"2\"/>", "<w:b/><w:i/>")
        + para(TABLE_TEXT, "Table Text", NORMAL, true, "<w:spacing w:before=\"0\" w:after=\"0\"/><w:jc w:val=\"left\"/>",
            size(TABLE_PT))
        + para(HEADER, "header", NORMAL, false, "<w:spacing w:after=\"0\"/><w:jc w:val=\"center\"/>", "")
        + "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
        + "<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/>"
        + "<w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/>"
        + "</w:tblCellMar></w:tblPr></w:style>"
        + "<w:style w:type=\"table\" w:styleId=\"" + TABLE_GRID + "\"><w:name w:val=\"Table Grid\"/>"
        + "<w:basedOn w:val=\"TableNormal\"/><w:tblPr><w:tblBorders>" + border("top") + border("left")
        + border("bottom") + border("right") + border("insideH") + border("insideV") + "</w:tblBorders>"
        + "<w:tblCellMar><w:left w:w=\"85\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar>"
        + "</w:tblPr></w:style>"
        + "</w:styles>";
    try {
      doc.createStyles().setStyles(StylesDocument.Factory.parse(xml).getStyles());
    } catch (XmlException e) {
      throw new IllegalStateException("the report styles do not parse", e);
    }
  }

  private static String para(String id, String name, String basedOn, boolean quick, String ppr, String rpr) {
    return "<w:style w:type=\"paragraph\"" + (basedOn == null ? " w:default=\"1\"" : "") + " w:styleId=\"" + id
        + "\"><w:name w:val=\"" + name + "\"/>" + (basedOn == null ? "" : "<w:basedOn w:val=\"" + basedOn + "\"/>")
        + (quick ? "<w:qFormat/>" : "") + "<w:pPr>" + ppr + "</w:pPr>" + (rpr.isEmpty() ? "" : "<w:rPr>" + rpr + "</w:rPr>")
        + "</w:style>";
  }

  private static String size(int pt) {
    return "<w:sz w:val=\"" + pt * 2 + "\"/><w:szCs w:val=\"" + pt * 2 + "\"/>";
  }

  private static String border(String side) {
    return "<w:" + side + " w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>";
  }

  /** Width of the text area in twips, for the page's orientation. */
  static int textWidth(boolean landscape) {
    return (landscape ? 16838 : 11906) - mm(30) - mm(15);
  }

  /**
   * A4, portrait or landscape, with the decree's margins, and the page number centred at the top from page 2: the
   * first page gets an empty header of its own (titlePg).
   */
  static void page(XWPFDocument doc, boolean landscape) {
    CTSectPr sect = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
        : doc.getDocument().getBody().addNewSectPr();
    CTPageSz size = sect.addNewPgSz();
    CTPageMar m = sect.addNewPgMar();
    size.setW(BigInteger.valueOf(landscape ? 16838 : 11906));
    size.setH(BigInteger.valueOf(landscape ? 11906 : 16838));
    if (landscape) size.setOrient(STPageOrientation.LANDSCAPE);
    m.setTop(BigInteger.valueOf(mm(20)));
    m.setBottom(BigInteger.valueOf(mm(20)));
    m.setLeft(BigInteger.valueOf(mm(30)));
    m.setRight(BigInteger.valueOf(mm(15)));
    m.setHeader(BigInteger.valueOf(mm(10)));
    m.setFooter(BigInteger.valueOf(mm(10)));
    sect.addNewTitlePg();
    XWPFHeaderFooterPolicy policy = doc.createHeaderFooterPolicy();
    policy.createHeader(XWPFHeaderFooterPolicy.FIRST);
    XWPFHeader header = policy.createHeader(XWPFHeaderFooterPolicy.DEFAULT);
    XWPFParagraph p = header.getParagraphArray(0) == null ? header.createParagraph() : header.getParagraphArray(0);
    p.setStyle(HEADER);
    p.setAlignment(ParagraphAlignment.CENTER);
    var fld = p.getCTP().addNewFldSimple();
    fld.setInstr("PAGE");
    fld.addNewR().addNewT().setStringValue("2");
  }

  static int mm(double millimetres) {
    return (int) Math.round(millimetres * MM);
  }
}
