package vn.hoinghi.gateway;

import io.vertx.core.MultiMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.hoinghi.domain.ReportHeading;
import vn.hoinghi.domain.ReportHeading.DraftingBody;
import vn.hoinghi.domain.ReportHeading.Signing;
import vn.hoinghi.domain.ReportHeading.Style;
import vn.hoinghi.report.export.DocumentHeading;

/**
 * The layout options of the DOCX, PDF and Markdown report and of the comparison table, from query parameters
 * (docs/api.md, docs/report.md): heading block, drafting body, signing mode, signer, recipients. They override, field
 * by field, the heading the conference stores ({@code SetReportHeading}); the result is checked by the one validation
 * the command uses too ({@link ReportHeading#checked()}). A bad value is an {@link IllegalArgumentException} whose
 * message names the parameter and what it accepts (400 INVALID).
 */
final class ReportLayoutParams {

  private ReportLayoutParams() {}

  /** The fields the query gives (null where it gives none); the enums are read here, the rest is checked later. */
  static ReportHeading parse(MultiMap q) {
    DraftingBody body = choice(q, "draftingBody", Map.of("ban-soan-thao", DraftingBody.BAN_SOAN_THAO,
        "to-bien-tap", DraftingBody.TO_BIEN_TAP), "ban-soan-thao or to-bien-tap");
    Style style = choice(q, "style", Map.of("state", Style.STATE, "party", Style.PARTY), "state or party");
    Signing signing = choice(q, "signing", Map.of("tm", Signing.TM, "kt", Signing.KT, "q", Signing.Q,
        "none", Signing.NONE), "tm, kt, q or none");
    if (q.contains("agency") && q.contains("issuer")) {
      throw new IllegalArgumentException("give agency or issuer (the same field), not both");
    }
    List<String> recipients = q.getAll("recipient");
    ReportHeading given = new ReportHeading(style, body, q.contains("agency") ? q.get("agency") : q.get("issuer"),
        q.get("parentBody"), q.get("number"), q.get("place"), signing, q.get("headTitle"), q.get("signerTitle"),
        q.get("signerName"), recipients.isEmpty() ? null : recipients);
    // Each field on its own, before the conference is read, so a bad request fails early; whether KT. has a signer's
    // title is known only once the stored heading is laid under it (resolve).
    new ReportHeading(style, body, given.agency(), given.parentBody(), given.number(), given.place(), null,
        given.headTitle(), given.signerTitle(), given.signerName(), given.recipients()).checked();
    return given;
  }

  /** The stored heading (null: none set) with the query's fields laid over it, checked, as the exports take it. */
  static DocumentHeading resolve(ReportHeading stored, ReportHeading query) {
    ReportHeading merged = (stored == null ? ReportHeading.DEFAULTS : stored).overlay(query);
    return DocumentHeading.from(merged.checked());
  }

  /** A parameter with a few values: null when absent, any other value refused naming what it accepts. */
  private static <T> T choice(MultiMap q, String name, Map<String, T> values, String accepted) {
    String v = q.get(name);
    if (v == null) return null;
    T t = values.get(v.strip().toLowerCase(Locale.ROOT));
    if (t == null) throw new IllegalArgumentException(name + " must be " + accepted);
    return t;
  }
}
