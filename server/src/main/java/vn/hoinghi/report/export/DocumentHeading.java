package vn.hoinghi.report.export;

import java.util.List;
import java.util.Locale;

/**
 * The parts of an administrative document around the report's content (thể thức văn bản): the heading block (the
 * issuing body on the left with its number, the national name and motto on the right, then place and date), the
 * signature block and the list of recipients. The state style follows Nghị định 30/2020/NĐ-CP (Phụ lục I), the Party
 * style Hướng dẫn 36-HD/VPTW.
 *
 * @param parentBody   the body above the issuer, e.g. "BỘ TƯ PHÁP" (may be empty)
 * @param issuer       the issuing body, e.g. "BAN SOẠN THẢO"
 * @param number       the number line, "Số: 12/BC-BST" ("Số:      /BC-BST" left blank to fill in by hand)
 * @param place        where it is issued, e.g. "Hà Nội"
 * @param draftingBody what the drafting team is called in the text: Ban soạn thảo or Tổ biên tập
 * @param signing      who signs for whom: TM. (on behalf of the body), KT. (for the head), Q. (acting head), none
 * @param headTitle    the head's title, after "KT." and "Q.", e.g. "TRƯỞNG BAN"
 * @param signerTitle  the signer's own title, under "TM. …" or "KT. …", e.g. "PHÓ TRƯỞNG BAN"
 * @param signerName   the signer's name, typed under the space for the signature (may be empty)
 * @param recipients   the "Nơi nhận:" lines before "Lưu: VT."
 */
public record DocumentHeading(Style style, String parentBody, String issuer, String number, String place,
    DraftingBody draftingBody, Signing signing, String headTitle, String signerTitle, String signerName,
    List<String> recipients) {

  public enum Style { STATE, PARTY }

  /** The two names of a drafting team in Vietnamese practice (docs/glossary.md); one per conference. */
  public enum DraftingBody {
    BAN_SOAN_THAO("Ban soạn thảo", "BST"), TO_BIEN_TAP("Tổ biên tập", "TBT");

    private final String name;
    private final String abbreviation;

    DraftingBody(String name, String abbreviation) {
      this.name = name;
      this.abbreviation = abbreviation;
    }

    /** "Ban soạn thảo", as a sentence names it. */
    public String title() {
      return name;
    }

    public String abbreviation() {
      return abbreviation;
    }
  }

  /** The authority under which the report is signed (Nghị định 30/2020, Điều 13 and Phụ lục I). */
  public enum Signing { TM, KT, Q, NONE }

  public DocumentHeading {
    recipients = List.copyOf(recipients);
  }

  /** The state style with the heading of a drafting body; the other parts at their defaults. */
  public DocumentHeading(Style style, String parentBody, String issuer, String number, String place) {
    this(style, parentBody, issuer, number, place, DraftingBody.BAN_SOAN_THAO, Signing.TM, "TRƯỞNG BAN",
        "TRƯỞNG BAN", "", defaultRecipients());
  }

  public static DocumentHeading standard() {
    return of(DraftingBody.BAN_SOAN_THAO);
  }

  /** The heading of a report issued by the drafting body itself, number left blank to fill in by hand. */
  public static DocumentHeading of(DraftingBody body) {
    return new DocumentHeading(Style.STATE, "", body.title().toUpperCase(VI), blankNumber(body), "Hà Nội", body,
        Signing.TM, "TRƯỞNG BAN", "TRƯỞNG BAN", "", defaultRecipients());
  }

  /**
   * The heading a checked {@link vn.hoinghi.domain.ReportHeading} describes ({@code checked()} first): each field it
   * leaves null at the default of {@link #of} for its drafting body.
   */
  public static DocumentHeading from(vn.hoinghi.domain.ReportHeading h) {
    DraftingBody body = h.draftingBody() == vn.hoinghi.domain.ReportHeading.DraftingBody.TO_BIEN_TAP
        ? DraftingBody.TO_BIEN_TAP : DraftingBody.BAN_SOAN_THAO;
    DocumentHeading d = of(body);
    return new DocumentHeading(h.style() == null ? d.style() : Style.valueOf(h.style().name()),
        or(h.parentBody(), d.parentBody()), or(h.agency(), d.issuer()), or(h.number(), d.number()),
        or(h.place(), d.place()), body, h.signing() == null ? d.signing() : Signing.valueOf(h.signing().name()),
        or(h.headTitle(), d.headTitle()), or(h.signerTitle(), d.signerTitle()), or(h.signerName(), d.signerName()),
        h.recipients() == null ? d.recipients() : h.recipients());
  }

  private static <T> T or(T a, T b) {
    return a != null ? a : b;
  }

  public static String blankNumber(DraftingBody body) {
    return "Số:      /BC-" + body.abbreviation();
  }

  public static List<String> defaultRecipients() {
    return List.of("Cơ quan chủ trì soạn thảo", "Các điểm cầu tham dự hội nghị");
  }

  /** The right-hand lines: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" + motto, or "ĐẢNG CỘNG SẢN VIỆT NAM". */
  public String[] nationalLines() {
    return style == Style.PARTY
        ? new String[] {"ĐẢNG CỘNG SẢN VIỆT NAM"}
        : new String[] {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"};
  }

  /**
   * The lines above the signature, in capitals: "TM. BAN SOẠN THẢO" + "TRƯỞNG BAN"; "KT. TRƯỞNG BAN" + "PHÓ TRƯỞNG
   * BAN"; "Q. TRƯỞNG BAN"; nothing when the report is not signed.
   */
  public List<String> authorityLines() {
    String title = signerTitle.toUpperCase(VI);
    return switch (signing) {
      case TM -> title.isBlank() ? List.of("TM. " + issuer.toUpperCase(VI))
          : List.of("TM. " + issuer.toUpperCase(VI), title);
      case KT -> List.of("KT. " + headTitle.toUpperCase(VI), title);
      case Q -> List.of("Q. " + headTitle.toUpperCase(VI));
      case NONE -> List.of();
    };
  }

  /** The "Nơi nhận:" list as printed: "- X;" for each recipient, then "- Lưu: VT, BST." */
  public List<String> recipientLines() {
    List<String> out = new java.util.ArrayList<>();
    recipients.forEach(x -> out.add("- " + x + ";"));
    out.add("- Lưu: VT, " + draftingBody.abbreviation() + ".");
    return out;
  }

  private static final Locale VI = Locale.forLanguageTag("vi");
}
