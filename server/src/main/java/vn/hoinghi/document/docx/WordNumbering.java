package vn.hoinghi.document.docx;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNum;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTNumLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTNumPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;

/**
 * Word's automatic numbering, counted the way Word shows it: a numbered paragraph's numId leads to its abstract
 * definition, whose level gives the text ("Điều %1.", "%1.", "%2)"), the number format and the start value; a
 * num's level overrides replace a level or restart it. Counters belong to the abstract definition, so several nums
 * of one list continue each other unless one restarts; a level restarts when a higher level is used (or as its
 * lvlRestart says). The paragraphs must be given in document order.
 */
final class WordNumbering {
  private static final int LEVELS = 9;
  private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

  private final XWPFNumbering numbering;
  private final XWPFStyles styles;
  private final Map<BigInteger, int[]> values = new HashMap<>();
  private final Map<BigInteger, boolean[]> used = new HashMap<>();
  private final Set<String> overridesApplied = new HashSet<>();

  WordNumbering(XWPFDocument doc) {
    this.numbering = doc.getNumbering();
    this.styles = doc.getStyles();
  }

  /** The visible label with its separator ("Điều 5. ", "a) "), or "" for a paragraph without numbering. */
  String label(XWPFParagraph p) {
    if (numbering == null) return "";
    CTNumPr numPr = numPr(p);
    if (numPr == null || numPr.getNumId() == null) return "";
    BigInteger numId = numPr.getNumId().getVal();
    int ilvl = numPr.getIlvl() == null ? 0 : numPr.getIlvl().getVal().intValue();
    if (numId == null || numId.signum() == 0 || ilvl < 0 || ilvl >= LEVELS) return "";
    XWPFNum num = numbering.getNum(numId);
    if (num == null || num.getCTNum().getAbstractNumId() == null) return "";
    BigInteger abstractId = num.getCTNum().getAbstractNumId().getVal();
    XWPFAbstractNum abs = numbering.getAbstractNum(abstractId);
    if (abs == null) return "";
    CTLvl[] levels = levels(abs.getCTAbstractNum(), num);
    if (levels[ilvl] == null) return "";
    int[] value = values.computeIfAbsent(abstractId, k -> new int[LEVELS]);
    boolean[] seen = used.computeIfAbsent(abstractId, k -> new boolean[LEVELS]);
    Integer override = startOverride(num, ilvl);
    if (override != null && overridesApplied.add(numId + ":" + ilvl)) {
      value[ilvl] = override;
    } else if (!seen[ilvl]) {
      value[ilvl] = start(levels[ilvl]);
    } else {
      value[ilvl]++;
    }
    seen[ilvl] = true;
    for (int k = ilvl + 1; k < LEVELS; k++) {
      if (restartsAfter(levels[k], k) > ilvl) seen[k] = false;
    }
    return text(levels, ilvl, value, seen) + suffix(levels[ilvl]);
  }

  /** The paragraph's own numbering, or its style's (following basedOn), as Word does for numbered headings. */
  private CTNumPr numPr(XWPFParagraph p) {
    CTPPr ppr = p.getCTP().getPPr();
    CTNumPr own = ppr != null && ppr.isSetNumPr() ? ppr.getNumPr() : null;
    if (own != null && own.getNumId() != null) return own;
    String styleId = p.getStyleID();
    for (int depth = 0; styleId != null && styles != null && depth < 16; depth++) {
      XWPFStyle s = styles.getStyle(styleId);
      if (s == null) break;
      CTStyle ct = s.getCTStyle();
      CTPPrGeneral sp = ct.getPPr();
      if (sp != null && sp.isSetNumPr() && sp.getNumPr().getNumId() != null) {
        CTNumPr found = sp.getNumPr();
        if (own != null && own.getIlvl() != null) {
          CTNumPr merged = CTNumPr.Factory.newInstance();
          merged.addNewNumId().setVal(found.getNumId().getVal());
          merged.addNewIlvl().setVal(own.getIlvl().getVal());
          return merged;
        }
        return found;
      }
      styleId = ct.getBasedOn() == null ? null : ct.getBasedOn().getVal();
    }
    return null;
  }

  private static CTLvl[] levels(CTAbstractNum abs, XWPFNum num) {
    CTLvl[] out = new CTLvl[LEVELS];
    for (CTLvl l : abs.getLvlArray()) {
      int i = l.getIlvl() == null ? -1 : l.getIlvl().intValue();
      if (i >= 0 && i < LEVELS) out[i] = l;
    }
    for (CTNumLvl o : num.getCTNum().getLvlOverrideArray()) {
      int i = o.getIlvl() == null ? -1 : o.getIlvl().intValue();
      if (i >= 0 && i < LEVELS && o.getLvl() != null) out[i] = o.getLvl();
    }
    return out;
  }

  private static Integer startOverride(XWPFNum num, int ilvl) {
    for (CTNumLvl o : num.getCTNum().getLvlOverrideArray()) {
      if (o.getIlvl() != null && o.getIlvl().intValue() == ilvl) {
        if (o.getStartOverride() != null) return o.getStartOverride().getVal().intValue();
        if (o.getLvl() != null && o.getLvl().getStart() != null) return o.getLvl().getStart().getVal().intValue();
      }
    }
    return null;
  }

  private static int start(CTLvl l) {
    return l != null && l.getStart() != null && l.getStart().getVal() != null ? l.getStart().getVal().intValue() : 0;
  }

  /** The 0-based level below which a use restarts level k: k by default, lvlRestart's value when given (0: never). */
  private static int restartsAfter(CTLvl l, int k) {
    if (l != null && l.isSetLvlRestart() && l.getLvlRestart().getVal() != null) return l.getLvlRestart().getVal().intValue();
    return k;
  }

  private static String text(CTLvl[] levels, int ilvl, int[] value, boolean[] seen) {
    CTLvl lvl = levels[ilvl];
    STNumberFormat.Enum own = format(lvl);
    if (own == STNumberFormat.BULLET) return "-";
    if (own == STNumberFormat.NONE) return lvl.getLvlText() == null ? "" : stripPlaceholders(lvl.getLvlText().getVal());
    String pattern = lvl.getLvlText() == null || lvl.getLvlText().getVal() == null ? "%" + (ilvl + 1) + "."
        : lvl.getLvlText().getVal();
    boolean legal = lvl.isSetIsLgl() && lvl.getIsLgl().getVal() != null && !"false".equals(lvl.getIsLgl().getVal().toString())
        && !"0".equals(lvl.getIsLgl().getVal().toString()) && !"off".equals(lvl.getIsLgl().getVal().toString());
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '%' && i + 1 < pattern.length() && pattern.charAt(i + 1) >= '1' && pattern.charAt(i + 1) <= '9') {
        int k = pattern.charAt(++i) - '1';
        int v = seen[k] || k == ilvl ? value[k] : start(levels[k]);
        out.append(Counter.format(v, legal && k != ilvl ? STNumberFormat.DECIMAL : format(levels[k])));
      } else {
        out.append(c);
      }
    }
    return out.toString().strip();
  }

  private static String stripPlaceholders(String s) {
    return s == null ? "" : s.replaceAll("%[1-9]", "").strip();
  }

  private static STNumberFormat.Enum format(CTLvl l) {
    return l == null || l.getNumFmt() == null || l.getNumFmt().getVal() == null ? STNumberFormat.DECIMAL : l.getNumFmt().getVal();
  }

  private static String suffix(CTLvl l) {
    // Read from the XML: the schema class of w:suff is not in poi-ooxml-lite.
    for (org.w3c.dom.Node n = l.getDomNode().getFirstChild(); n != null; n = n.getNextSibling()) {
      if ("suff".equals(n.getLocalName()) && n instanceof org.w3c.dom.Element e) {
        return "nothing".equals(e.getAttributeNS(W, "val")) ? "" : " ";
      }
    }
    return " ";
  }
}
