package vn.hoinghi.report.export;

/**
 * The heading block of an administrative document (thể thức văn bản): the issuing body on the left, the national
 * name and motto (state bodies) or the Party's name (Party bodies) on the right, then place and date. The state style
 * follows Nghị định 30/2020/NĐ-CP, the Party style Hướng dẫn 36-HD/VPTW.
 *
 * @param parentBody the body above the issuer, e.g. "BAN CHẤP HÀNH TRUNG ƯƠNG" (may be empty)
 * @param issuer     the issuing body, e.g. "BỘ PHẬN SOẠN THẢO"
 * @param number     the document number line, e.g. "Số: 12-BC/BTCTW" ("Số:      /BC-…" left blank to fill in)
 * @param place      where it is issued, e.g. "Hà Nội"
 */
public record DocumentHeading(Style style, String parentBody, String issuer, String number, String place) {

  public enum Style { STATE, PARTY }

  public static DocumentHeading standard() {
    return new DocumentHeading(Style.STATE, "", "BỘ PHẬN SOẠN THẢO", "Số:       /BC-BPST", "Hà Nội");
  }

  /** The right-hand lines: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" + motto, or "ĐẢNG CỘNG SẢN VIỆT NAM". */
  public String[] nationalLines() {
    return style == Style.PARTY
        ? new String[] {"ĐẢNG CỘNG SẢN VIỆT NAM"}
        : new String[] {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"};
  }
}
