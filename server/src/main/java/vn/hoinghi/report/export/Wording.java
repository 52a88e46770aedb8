package vn.hoinghi.report.export;

import java.util.ArrayList;
import java.util.List;
import vn.hoinghi.report.SynthesisReport;
import vn.hoinghi.report.SynthesisReport.ArticleSection;
import vn.hoinghi.report.SynthesisReport.SpeechItem;
import vn.hoinghi.report.SynthesisReport.Totals;
import vn.hoinghi.report.SynthesisReport.VoteResult;
import vn.hoinghi.report.Terms;

/** The sentences and cell texts the DOCX, PDF and Markdown reports share, so the three say exactly the same. */
final class Wording {

  static final String TITLE = "BÁO CÁO";
  static final String SUBJECT = "Tổng hợp, tiếp thu, giải trình ý kiến góp ý đối với dự thảo";
  static final String SECTION_ATTENDANCE = "I. TÌNH HÌNH THAM DỰ";
  static final String SECTION_VOTES = "II. KẾT QUẢ BIỂU QUYẾT THEO TỪNG ĐIỀU";
  static final String SECTION_FEEDBACK = "III. TỔNG HỢP Ý KIẾN GÓP Ý VÀ TIẾP THU, GIẢI TRÌNH";
  static final String SECTION_SILENT = "IV. CÁC ĐIỂM CẦU CHƯA CÓ Ý KIẾN GÓP Ý";
  static final String SECTION_TOTALS = "V. TỔNG HỢP CHUNG";
  /** The sections of the DOCX and PDF report (the Markdown keeps the longer outline above). */
  static final String REPORT_ATTENDANCE = "I. TÌNH HÌNH THAM DỰ";
  static final String REPORT_VOTES = "II. KẾT QUẢ BIỂU QUYẾT";
  static final String REPORT_TABLE = "III. TỔNG HỢP, TIẾP THU, GIẢI TRÌNH Ý KIẾN GÓP Ý";
  static final String REPORT_TOTALS = "IV. TỔNG HỢP CHUNG";
  static final String APPENDIX = "PHỤ LỤC: KẾT QUẢ BIỂU QUYẾT THEO ĐIỂM CẦU";

  private Wording() {}

  /**
   * The draft's real name in capitals, as the title of the report prints it: "BỘ LUẬT LAO ĐỘNG". The title line of
   * the imported text, unless it is the issuing body's line ("QUỐC HỘI", "CHÍNH PHỦ"…) or a rule of dashes; then the
   * conference's title.
   */
  static String draftName(SynthesisReport r) {
    return draftName(r.heading().draftTitle(), r.heading().title());
  }

  /** The draft's name in capitals from its title line, or {@code fallback} when that line is not a name. */
  static String draftName(String draftTitle, String fallback) {
    String t = draftTitle == null ? "" : draftTitle.strip();
    if (t.isBlank() || t.matches("[-_*=.\\s]+") || ISSUERS.matcher(t).matches()) {
      t = fallback == null ? "" : fallback.strip();
    }
    t = t.replaceAll("^(?i)dự thảo\\s*[:\\-–]?\\s*", "");
    return t.toUpperCase(VI);
  }

  private static final java.util.regex.Pattern ISSUERS = java.util.regex.Pattern.compile(
      "(?iu)(QUỐC HỘI|CHÍNH PHỦ|ỦY BAN THƯỜNG VỤ QUỐC HỘI|ỦY BAN NHÂN DÂN.*|HỘI ĐỒNG NHÂN DÂN.*|BỘ [^ ]+.*|"
          + "UBND.*|CHỦ TỊCH NƯỚC|THỦ TƯỚNG CHÍNH PHỦ|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM)");

  static String subtitle(SynthesisReport r) {
    String title = sentenceCase(r.heading().draftTitle());
    String draft = title.isBlank() ? "dự thảo" : "dự thảo " + title;
    return "Tổng hợp, tiếp thu, giải trình ý kiến góp ý " + draft;
  }

  /** "QUY CHẾ LÀM VIỆC MẪU…" → "Quy chế làm việc mẫu…": a title in capitals reads as a name inside a sentence. */
  static String sentenceCase(String s) {
    if (s == null || s.isBlank() || !s.equals(s.toUpperCase(VI))) {
      return s == null ? "" : s;
    }
    String lower = s.toLowerCase(VI);
    return lower.substring(0, 1).toUpperCase(VI) + lower.substring(1);
  }

  private static final java.util.Locale VI = java.util.Locale.forLanguageTag("vi");

  static String intro(SynthesisReport r) {
    return intro(r, DocumentHeading.DraftingBody.BAN_SOAN_THAO);
  }

  static String intro(SynthesisReport r, DocumentHeading.DraftingBody body) {
    var h = r.heading();
    Totals t = r.totals();
    StringBuilder sb = new StringBuilder();
    sb.append(h.startedAt() == null ? "" : "Ngày " + Terms.date(h.startedAt()) + ", ")
        .append(h.title()).append(" được tổ chức theo hình thức trực tuyến với ").append(t.endpoints())
        .append(" điểm cầu (").append(t.endpointsCheckedIn()).append(" điểm cầu đã điểm danh, ")
        .append(t.headCount()).append(" người tham dự theo số liệu của các điểm cầu). ")
        .append("Các đại biểu đã biểu quyết theo từng điều và góp ý trực tiếp trên văn bản dự thảo");
    if (h.feedbackDeadline() != null) {
      sb.append("; sau phiên họp, các điểm cầu tiếp tục gửi ý kiến đến ").append(Terms.time(h.feedbackDeadline()));
    }
    sb.append(". ").append(body.title()).append(" tổng hợp, tiếp thu, giải trình ý kiến góp ý đối với ")
        .append(Terms.draftRound(h.draftVersion())).append(" như sau:");
    return sb.toString();
  }

  /** A notice on every report that is not final yet. */
  static String provisional(SynthesisReport r) {
    var h = r.heading();
    if (h.isFinal()) {
      return null;
    }
    return "Báo cáo tạm thời — hội nghị " + Terms.status(h.status()).toLowerCase(java.util.Locale.ROOT)
        + "; số liệu tính đến " + Terms.time(h.generatedAt()) + ".";
  }

  static String scope(SynthesisReport r) {
    if (r.endpointScope() == null) {
      return null;
    }
    return r.attendance().isEmpty() ? null : "Phần của điểm cầu " + r.attendance().get(0).name() + ".";
  }

  /** The delegates by the hosts' roll call (MarkAttendance), as the summary and the tables name them. */
  static final String ROLL_CALL = "Đại biểu theo điểm danh của các điểm cầu";
  static final List<String> ATTENDANCE_HEADER = List.of("TT", "Điểm cầu", "Điểm danh", "Số người", "Đại biểu đăng ký",
      "Có mặt", "Vắng mặt", "Phiếu biểu quyết", "Ý kiến góp ý", "Lượt phát biểu");

  /** A row of the attendance table, in the order of {@link #ATTENDANCE_HEADER}. */
  static List<String> attendanceRow(int n, SynthesisReport.EndpointAttendance e) {
    return List.of(Integer.toString(n), e.name(), e.checkedIn() ? "Có" : "Không", Integer.toString(e.headCount()),
        Integer.toString(e.delegatesRegistered()), Integer.toString(e.delegatesPresent()),
        Integer.toString(e.delegatesAbsent()), Integer.toString(e.ballots() + e.hallResults()),
        Integer.toString(e.feedbackItems()), Integer.toString(e.speeches()));
  }

  /** The halls that took part (checked in, voted or gave opinions); a long list of zeros says nothing. */
  static List<SynthesisReport.EndpointAttendance> activeHalls(SynthesisReport r) {
    return r.attendance().stream().filter(e -> e.checkedIn() || e.gaveFeedback() || e.ballots() + e.hallResults() > 0)
        .toList();
  }

  /** "Các điểm cầu còn lại (32) không điểm danh, không biểu quyết và không có ý kiến." or null. */
  static String otherHalls(SynthesisReport r) {
    int others = r.attendance().size() - activeHalls(r).size();
    return others == 0 ? null : "Các điểm cầu còn lại (" + others + ") không điểm danh, không biểu quyết và không có "
        + "ý kiến trên hệ thống.";
  }

  static String attendanceSummary(SynthesisReport r) {
    Totals t = r.totals();
    return "Số điểm cầu: " + t.endpoints() + "; đã điểm danh: " + t.endpointsCheckedIn() + "; số người tham dự: "
        + t.headCount() + "; người tham dự đăng ký trên hệ thống: " + t.participants() + ". " + ROLL_CALL + ": "
        + t.delegatesRegistered() + " đăng ký, " + t.delegatesPresent() + " có mặt, " + t.delegatesAbsent()
        + " vắng mặt.";
  }

  /** "Tán thành 13/15 (86,7%), không tán thành 1, ý kiến khác 1." */
  static String voteSummary(VoteResult v) {
    var c = v.overall();
    return (v.title() == null || v.title().isBlank() ? "Biểu quyết" : v.title()) + " (" + Terms.mode(v.mode())
        + (v.status() == vn.hoinghi.domain.VoteStatus.OPEN ? ", đang mở" : "") + "): tán thành " + c.agree() + "/"
        + c.total() + " (" + Terms.percent(c.agree(), c.total()) + "), không tán thành " + c.disagree()
        + ", ý kiến khác " + c.other() + ".";
  }

  static String speech(SpeechItem s) {
    return s.speakerName() + " (" + s.endpointName() + (s.forHall() ? ", thay mặt điểm cầu" : "") + ") — "
        + Terms.duration(s.spokenSeconds());
  }

  static String speakers(List<SpeechItem> speeches) {
    List<String> parts = new ArrayList<>();
    speeches.forEach(s -> parts.add(speech(s)));
    return "Phát biểu: " + String.join("; ", parts) + ".";
  }

  /**
   * The totals of the DOCX and PDF report, the same sentence as the Markdown's ({@link #totals}): the opinions are
   * the table's numbers ({@link SynthesisReport#tableTotals()} and {@link Totals}, equal by construction).
   */
  static String reportTotals(SynthesisReport r, DocumentHeading.DraftingBody body) {
    return totals(r.totals(), body);
  }

  static String totals(Totals t) {
    return totals(t, DocumentHeading.DraftingBody.BAN_SOAN_THAO);
  }

  /**
   * "Tổng số ý kiến góp ý trong bảng tổng hợp: 9 (3 nhận xét, …; 1 ý kiến được gộp vào dòng của ý kiến tương tự).
   * Ban soạn thảo đã tiếp thu …", then replies, speeches, votes, and what was left out.
   */
  static String totals(Totals t, DocumentHeading.DraftingBody body) {
    return opinionCounts(t, body) + (t.replies() > 0 ? " Ngoài ra có " + t.replies() + " trả lời trong các chuỗi góp ý."
        : "") + " Số lượt phát biểu: " + t.speeches() + " (" + Terms.duration(t.spokenSeconds())
        + "). Số cuộc biểu quyết: " + t.votes() + " với " + t.ballots() + " phiếu cá nhân và " + t.hallResults()
        + " kết quả chung của điểm cầu."
        + (t.hidden() + t.deleted() > 0 ? " Không đưa vào báo cáo: " + t.hidden() + " ý kiến đã ẩn, " + t.deleted()
            + " ý kiến tác giả đã xóa." : "");
  }

  /** The opinions of the table: their number, by kind, merged ones, and the answers, per row. */
  static String opinionCounts(Totals t, DocumentHeading.DraftingBody body) {
    List<String> kinds = new ArrayList<>();
    kinds.add(t.comments() + " nhận xét");
    kinds.add(t.questions() + " câu hỏi");
    kinds.add(t.proposedWordings() + " đề xuất sửa câu chữ");
    kinds.add(t.voteOpinions() + " ý kiến khác khi biểu quyết");
    kinds.add(t.speechSummaries() + " ý kiến phát biểu");
    kinds.add(t.writtenOpinions() + " ý kiến bằng văn bản của cơ quan");
    return "Tổng số ý kiến góp ý trong bảng tổng hợp: " + t.opinions() + " (" + String.join(", ", kinds)
        + (t.merged() > 0 ? "; " + t.merged() + " ý kiến được gộp vào dòng của ý kiến tương tự" : "") + "). "
        + body.title() + " đã tiếp thu " + t.accepted() + ", giải trình " + t.explained() + ", ghi nhận " + t.noted()
        + " ý kiến; chưa phản hồi " + t.unanswered() + ".";
  }

  // --- Votes between alternative wordings ---------------------------------------------------------------------------

  static final List<String> ALTERNATIVES_HEADER = List.of("Phương án", "Số phiếu", "Tỷ lệ", "Kết quả");
  static final String ALTERNATIVES_CHOSEN = "Nhiều phiếu nhất";

  /** The votes that asked which alternative wording, in the order of the articles. */
  static List<VoteResult> alternativeVotes(SynthesisReport r) {
    List<VoteResult> out = new ArrayList<>();
    for (ArticleSection a : r.articles()) {
      for (VoteResult v : a.votes()) {
        if (!v.alternatives().isEmpty()) out.add(v);
      }
    }
    return out;
  }

  /** "Điều 3 — Biểu quyết phương án (công khai): 4 phiếu". */
  static String alternativesTitle(VoteResult v) {
    return v.targetLabel() + " — " + (v.title() == null || v.title().isBlank() ? "Biểu quyết" : v.title()) + " ("
        + Terms.mode(v.mode()) + (v.status() == vn.hoinghi.domain.VoteStatus.OPEN ? ", đang mở" : "") + "): "
        + v.overall().total() + " phiếu";
  }

  /** The alternative chosen by most ballots, or null when none has more than every other. */
  static SynthesisReport.AlternativeCount winner(VoteResult v) {
    SynthesisReport.AlternativeCount best = null;
    boolean tie = false;
    for (var a : v.alternatives()) {
      if (best == null || a.count() > best.count()) {
        best = a;
        tie = false;
      } else if (a.count() == best.count()) {
        tie = true;
      }
    }
    return best == null || tie || best.count() == 0 ? null : best;
  }

  /** A row per alternative: label, count, percentage of the ballots counted, and the mark of the winner. */
  static List<List<String>> alternativeRows(VoteResult v) {
    var w = winner(v);
    List<List<String>> rows = new ArrayList<>();
    for (var a : v.alternatives()) {
      rows.add(List.of(a.label(), Integer.toString(a.count()), a.percent() + "%", a == w ? ALTERNATIVES_CHOSEN : ""));
    }
    return rows;
  }

  /** "Phương án 2 được nhiều phiếu nhất: 2/4 phiếu (50%)." or the sentence for a tie. */
  static String alternativesResult(VoteResult v) {
    var w = winner(v);
    if (w == null) return "Không có phương án nào được nhiều phiếu hơn các phương án khác.";
    return w.label() + " được nhiều phiếu nhất: " + w.count() + "/" + v.overall().total() + " phiếu (" + w.percent()
        + "%).";
  }

  static final String CLOSING = closing(DocumentHeading.DraftingBody.BAN_SOAN_THAO);

  static String closing(DocumentHeading.DraftingBody body) {
    return "Trên đây là báo cáo tổng hợp, tiếp thu, giải trình ý kiến góp ý của các điểm cầu đối với dự thảo. "
        + body.title() + " tiếp tục hoàn thiện dự thảo, trình cấp có thẩm quyền xem xét, quyết định./.";
  }

  /** "Phát biểu tại hội nghị: Võ Thành Nhân (Tỉnh ủy Đồng Tháp, thay mặt điểm cầu) — 4 phút 05 giây; …" or null. */
  static String allSpeeches(SynthesisReport r) {
    List<SpeechItem> all = new ArrayList<>();
    r.articles().forEach(a -> all.addAll(a.speeches()));
    all.addAll(r.generalSpeeches());
    if (all.isEmpty()) return null;
    all.sort(java.util.Comparator.comparing(SpeechItem::startedAt, java.util.Comparator.nullsLast(
        java.util.Comparator.naturalOrder())));
    return speakers(all).replaceFirst("^Phát biểu: ", "Phát biểu tại hội nghị: ");
  }

  /** One sentence for the articles nobody commented on and one for the halls that took part and gave none. */
  static List<String> agreedWithoutRemarks(SynthesisReport r) {
    List<String> out = new ArrayList<>();
    var agreed = r.agreedWithoutRemarks();
    if (!agreed.articles().isEmpty()) {
      out.add("Các điều không có ý kiến góp ý, thống nhất như dự thảo: " + String.join(", ", agreed.articles()) + ".");
    }
    if (!agreed.halls().isEmpty()) {
      out.add("Các điểm cầu thống nhất với dự thảo, không có ý kiến góp ý: " + String.join(", ", agreed.halls())
          + ".");
    }
    return out;
  }

  /** The place-and-date line: "Hà Nội, ngày 04 tháng 12 năm 2026". */
  static String placeAndDate(DocumentHeading h, SynthesisReport r) {
    return (h.place().isBlank() ? "" : h.place() + ", ") + Terms.longDate(r.heading().generatedAt());
  }
}
