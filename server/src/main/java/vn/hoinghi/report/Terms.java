package vn.hoinghi.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import vn.hoinghi.domain.ConferenceStatus;
import vn.hoinghi.domain.VoteMode;

/** The Vietnamese words and formats every export uses, so that all formats say the same thing the same way. */
public final class Terms {

  /** Reports are read in Vietnam: times are shown in its zone. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'ngày' d/M/yyyy");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d/M/yyyy");

  private Terms() {}

  public static String mode(VoteMode m) {
    return m == VoteMode.ANONYMOUS ? "bỏ phiếu kín" : "biểu quyết công khai";
  }

  public static String status(ConferenceStatus s) {
    return switch (s) {
      case DRAFT -> "Đang chuẩn bị";
      case SCHEDULED -> "Đã lên lịch";
      case LIVE -> "Đang họp";
      case FEEDBACK_OPEN -> "Đang nhận góp ý sau phiên họp";
      case CLOSED -> "Đã kết thúc";
    };
  }

  public static String time(Instant t) {
    return t == null ? "" : ZonedDateTime.ofInstant(t, ZONE).format(TIME);
  }

  public static String date(Instant t) {
    return t == null ? "" : ZonedDateTime.ofInstant(t, ZONE).format(DATE);
  }

  /**
   * "ngày 04 tháng 12 năm 2026", "ngày 15 tháng 02 năm 2027", "ngày 10 tháng 9 năm 2026": the place-and-date line of
   * an administrative document. Nghị định 30/2020/NĐ-CP, Phụ lục I: a day below 10 and the months 1 and 2 take a
   * leading zero (so that no digit can be put in front of them); months 3 to 12 do not.
   */
  public static String longDate(Instant t) {
    ZonedDateTime z = ZonedDateTime.ofInstant(t, ZONE);
    int d = z.getDayOfMonth();
    int m = z.getMonthValue();
    return "ngày " + (d < 10 ? "0" + d : d) + " tháng " + (m < 3 ? "0" + m : m) + " năm " + z.getYear();
  }

  /** "dự thảo lần 2": the one name of a version of the draft (docs/glossary.md); never "phiên bản". */
  public static String draftRound(int n) {
    return "dự thảo lần " + n;
  }

  /** "4 phút 05 giây", "45 giây". */
  public static String duration(long seconds) {
    long m = seconds / 60;
    long s = seconds % 60;
    return m == 0 ? s + " giây" : String.format("%d phút %02d giây", m, s);
  }

  /** A share of a total as "62,5%" (Vietnamese decimal comma); "—" when nothing was counted. */
  public static String percent(int part, int total) {
    if (total == 0) {
      return "—";
    }
    return String.format(java.util.Locale.ROOT, "%.1f", 100.0 * part / total).replace('.', ',') + "%";
  }
}
