package vn.hoinghi.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report's thể thức văn bản as the drafting team sets it for the conference ({@link Command.SetReportHeading}):
 * the heading block (issuing body, the body above it, number, place), the drafting body's name (Ban soạn thảo or Tổ
 * biên tập), the style (state or Party), who signs for whom (TM., KT., Q. or no signature), the head's and the
 * signer's titles, the signer's name and the "Nơi nhận" recipients. A null field takes its default when the report is
 * rendered (docs/report.md, "Layout options"); {@code recipients} null gives the default recipients, an empty list
 * none but "Lưu".
 *
 * <p>The one validation of these fields, for the command and for the report routes' query parameters alike:
 * {@link #checked()}. {@link #overlay} lays a request's fields over the stored ones.
 */
public record ReportHeading(Style style, DraftingBody draftingBody, String agency, String parentBody, String number,
    String place, Signing signing, String headTitle, String signerTitle, String signerName, List<String> recipients) {

  public static final int MAX_TEXT = 200;
  public static final int MAX_RECIPIENTS = 20;
  /** Everything at its default. */
  public static final ReportHeading DEFAULTS = new ReportHeading(null, null, null, null, null, null, null, null, null,
      null, null);
  private static final Locale VI = Locale.forLanguageTag("vi");

  /** State (Nghị định 30/2020/NĐ-CP) or Party (Hướng dẫn 36-HD/VPTW) document. */
  public enum Style { STATE, PARTY }

  /** The two names of a drafting team (docs/glossary.md); one per conference. */
  public enum DraftingBody { BAN_SOAN_THAO, TO_BIEN_TAP }

  /** TM. (on behalf of the body), KT. (for the head), Q. (acting head), no signature block. */
  public enum Signing { TM, KT, Q, NONE }

  public ReportHeading {
    recipients = recipients == null ? null : java.util.Collections.unmodifiableList(new ArrayList<>(recipients));
  }

  /** This heading with every field {@code over} gives (non-null) in place of its own. */
  public ReportHeading overlay(ReportHeading over) {
    return new ReportHeading(or(over.style, style), or(over.draftingBody, draftingBody), or(over.agency, agency),
        or(over.parentBody, parentBody), or(over.number, number), or(over.place, place), or(over.signing, signing),
        or(over.headTitle, headTitle), or(over.signerTitle, signerTitle), or(over.signerName, signerName),
        or(over.recipients, recipients));
  }

  /**
   * Checks every field and returns the heading as stored: texts at most {@value #MAX_TEXT} characters without control
   * characters, then stripped; the issuing body and the body above it in capitals; the number with "Số: " in front
   * (blank: null, the number left to fill in by hand); at most {@value #MAX_RECIPIENTS} recipients, blank ones
   * dropped, a trailing ";" or "." dropped; a given issuing body not blank; KT. needs the signer's title.
   *
   * @throws Invalid naming the field (by its query parameter's name) in both languages
   */
  public ReportHeading checked() {
    String agency = text("agency", "cơ quan ban hành", this.agency);
    if (agency != null && agency.isBlank()) {
      throw new Invalid(false, "Cơ quan ban hành không được để trống", "agency must not be empty");
    }
    String parentBody = text("parentBody", "cơ quan chủ quản", this.parentBody);
    String number = text("number", "số, ký hiệu", this.number);
    String signerTitle = text("signerTitle", "chức vụ người ký", this.signerTitle);
    if (signing == Signing.KT && (signerTitle == null || signerTitle.isBlank())) {
      throw new Invalid(false, "Ký thay (KT.) cần chức vụ người ký, ví dụ PHÓ TRƯỞNG BAN",
          "signing=kt needs signerTitle (the deputy's title, e.g. PHÓ TRƯỞNG BAN)");
    }
    List<String> recipients = null;
    if (this.recipients != null) {
      if (this.recipients.size() > MAX_RECIPIENTS) {
        throw new Invalid(true, "Nơi nhận có nhiều nhất " + MAX_RECIPIENTS + " dòng",
            "at most " + MAX_RECIPIENTS + " recipient parameters (recipients)");
      }
      recipients = new ArrayList<>();
      for (String r : this.recipients) {
        String s = text("recipient", "nơi nhận", r == null ? "" : r);
        if (!s.isBlank()) recipients.add(s.replaceAll("[;.]+$", "").strip());
      }
    }
    return new ReportHeading(style, draftingBody, agency == null ? null : agency.toUpperCase(VI),
        parentBody == null ? null : parentBody.toUpperCase(VI), number(number), text("place", "địa danh", place),
        signing, text("headTitle", "chức vụ người đứng đầu", headTitle), signerTitle,
        text("signerName", "họ tên người ký", signerName), recipients);
  }

  /** "12/BC-BST" or "Số: 12/BC-BST" → "Số: 12/BC-BST"; blank → null (left to fill in by hand). */
  private static String number(String given) {
    if (given == null || given.isBlank()) return null;
    return given.regionMatches(true, 0, "Số:", 0, 3) ? "Số: " + given.substring(3).strip() : "Số: " + given;
  }

  private static String text(String name, String vi, String v) {
    if (v == null) return null;
    if (v.length() > MAX_TEXT) {
      throw new Invalid(true, capitalize(vi) + " dài quá " + MAX_TEXT + " ký tự",
          name + " must be at most " + MAX_TEXT + " characters without control characters");
    }
    for (int i = 0; i < v.length(); i++) {
      if (Character.isISOControl(v.charAt(i))) {
        throw new Invalid(false, capitalize(vi) + " chứa ký tự điều khiển",
            name + " must be at most " + MAX_TEXT + " characters without control characters");
      }
    }
    if (!Check.wellFormed(v)) {
      throw new Invalid(false, capitalize(vi) + " chứa ký tự không hợp lệ", name + " contains an unpaired surrogate");
    }
    return v.strip();
  }

  private static String capitalize(String s) {
    return s.substring(0, 1).toUpperCase(VI) + s.substring(1);
  }

  private static <T> T or(T a, T b) {
    return a != null ? a : b;
  }

  /** A field refused by {@link #checked()}: the message names it in English, {@link #vi()} in Vietnamese. */
  public static final class Invalid extends IllegalArgumentException {
    private final boolean limit;
    private final String vi;

    Invalid(boolean limit, String vi, String en) {
      super(en);
      this.limit = limit;
      this.vi = vi;
    }

    /** A bound was passed (length, number of recipients): LIMIT rather than INVALID for a command. */
    public boolean limit() {
      return limit;
    }

    public String vi() {
      return vi;
    }
  }
}
