package vn.hoinghi.gateway;

import io.vertx.core.MultiMap;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import vn.hoinghi.report.export.DocumentHeading;
import vn.hoinghi.report.export.DocumentHeading.DraftingBody;
import vn.hoinghi.report.export.DocumentHeading.Signing;

/**
 * The layout options of the DOCX, PDF and Markdown report and of the comparison table, from query parameters
 * (docs/api.md, docs/report.md): heading block, drafting body, signing mode, signer, recipients. Every value is
 * checked; the first bad one is an {@link IllegalArgumentException} whose message names the parameter and what it
 * accepts (400 INVALID).
 */
final class ReportLayoutParams {

  static final int MAX_TEXT = 200;
  static final int MAX_RECIPIENTS = 20;
  private static final Pattern TEXT = Pattern.compile("[^\\p{Cntrl}]{0," + MAX_TEXT + "}");
  private static final Locale VI = Locale.forLanguageTag("vi");

  private ReportLayoutParams() {}

  static DocumentHeading parse(MultiMap q) {
    DraftingBody body = switch (one(q, "draftingBody", "ban-soan-thao")) {
      case "ban-soan-thao" -> DraftingBody.BAN_SOAN_THAO;
      case "to-bien-tap" -> DraftingBody.TO_BIEN_TAP;
      default -> throw new IllegalArgumentException("draftingBody must be ban-soan-thao or to-bien-tap");
    };
    DocumentHeading d = DocumentHeading.of(body);
    DocumentHeading.Style style = switch (one(q, "style", "state")) {
      case "state" -> DocumentHeading.Style.STATE;
      case "party" -> DocumentHeading.Style.PARTY;
      default -> throw new IllegalArgumentException("style must be state or party");
    };
    Signing signing = switch (one(q, "signing", "tm")) {
      case "tm" -> Signing.TM;
      case "kt" -> Signing.KT;
      case "q" -> Signing.Q;
      case "none" -> Signing.NONE;
      default -> throw new IllegalArgumentException("signing must be tm, kt, q or none");
    };
    if (q.contains("agency") && q.contains("issuer")) {
      throw new IllegalArgumentException("give agency or issuer (the same field), not both");
    }
    String issuer = text(q, q.contains("agency") ? "agency" : "issuer", d.issuer()).toUpperCase(VI);
    if (issuer.isBlank()) throw new IllegalArgumentException("agency must not be empty");
    String signerTitle = text(q, "signerTitle", d.signerTitle());
    if (signing == Signing.KT && signerTitle.isBlank()) {
      throw new IllegalArgumentException("signing=kt needs signerTitle (the deputy's title, e.g. PHÓ TRƯỞNG BAN)");
    }
    return new DocumentHeading(style, text(q, "parentBody", d.parentBody()).toUpperCase(VI), issuer,
        number(text(q, "number", null), d.number()), text(q, "place", d.place()), body, signing,
        text(q, "headTitle", d.headTitle()), signerTitle, text(q, "signerName", d.signerName()), recipients(q, d));
  }

  /** "12/BC-BST" or "Số: 12/BC-BST" → "Số: 12/BC-BST"; absent → the blank number to fill in by hand. */
  private static String number(String given, String blank) {
    if (given == null || given.isBlank()) return blank;
    return given.regionMatches(true, 0, "Số:", 0, 3) ? "Số:" + given.substring(3) : "Số: " + given;
  }

  private static List<String> recipients(MultiMap q, DocumentHeading d) {
    List<String> all = q.getAll("recipient");
    if (all.isEmpty()) return d.recipients();
    if (all.size() > MAX_RECIPIENTS) {
      throw new IllegalArgumentException("at most " + MAX_RECIPIENTS + " recipient parameters");
    }
    return all.stream().map(r -> check("recipient", r)).filter(r -> !r.isBlank())
        .map(r -> r.replaceAll("[;.]+$", "")).toList();
  }

  private static String one(MultiMap q, String name, String fallback) {
    String v = q.get(name);
    return v == null ? fallback : v.strip().toLowerCase(Locale.ROOT);
  }

  private static String text(MultiMap q, String name, String fallback) {
    String v = q.get(name);
    return v == null ? fallback : check(name, v);
  }

  private static String check(String name, String v) {
    if (!TEXT.matcher(v).matches()) {
      throw new IllegalArgumentException(name + " must be at most " + MAX_TEXT
          + " characters without control characters");
    }
    return v.strip();
  }
}
