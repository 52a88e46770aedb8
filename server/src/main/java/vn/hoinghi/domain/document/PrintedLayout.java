package vn.hoinghi.domain.document;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a printed page adds to a text that is no part of the document, as found in texts copied from the Official
 * Gazette (Công báo) or from a signed PDF: the running head "CÔNG BÁO/Số 993 + 994/Ngày 26-12-2019" with the page
 * number beside it, the gazette's section heading ("VĂN BẢN QUY PHẠM PHÁP LUẬT") under the first head, the digital
 * signature stamp ("Ký bởi: …", "Email: …", "Cơ quan: …", "Thời gian ký: …") and the note "(Xem tiếp Công báo số …)".
 * Each such line is blanked before the document is read and reported as a notice at its own line number, so that it
 * is neither glued into an article nor lost silently.
 */
final class PrintedLayout {

  static final Pattern GAZETTE_HEAD = Pattern.compile(
      "^(?iu:công báo)\\s*/\\s*(?iu:số)\\s*[\\d\\s+]+/\\s*(?iu:ngày)\\s*\\d{1,2}\\s*-\\s*\\d{1,2}\\s*-\\s*\\d{4}$");
  private static final Pattern PAGE_NUMBER = Pattern.compile("^\\d{1,4}$");
  private static final Pattern GAZETTE_SECTION =
      Pattern.compile("^(?:VĂN BẢN QUY PHẠM PHÁP LUẬT|VĂN BẢN HỢP NHẤT|VĂN BẢN KHÁC)$");
  private static final Pattern STAMP =
      Pattern.compile("^(?:Ký bởi|Người ký|Email|Cơ quan|Thời gian ký|Ngày ký)\\s*:.*$");
  /** The stamp's last line: "Thời gian ký: …", or "Ngày ký: 2026-06-12 17:04:24 +07:00" (an ISO date after it). */
  private static final Pattern STAMP_TIME =
      Pattern.compile("^(?:Thời gian ký\\s*:.*|Ngày ký\\s*:\\s*\\d{4}-\\d{2}-\\d{2}\\b.*)$");
  private static final Pattern CONTINUED = Pattern.compile("^\\((?iu:xem tiếp(?: theo)? công báo số)\\s.*\\)$");
  /** How far from its running head a page number may stand (blank lines between are common). */
  private static final int NEAR = 3;

  private PrintedLayout() {}

  /** Blanks the page furniture of {@code lines} (already cleaned) and returns one notice per blanked line. */
  static List<ImportProblem> strip(String[] lines) {
    List<ImportProblem> notices = new ArrayList<>();
    boolean[] drop = new boolean[lines.length];
    String[] why = new String[lines.length];
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (GAZETTE_HEAD.matcher(line).matches()) {
        mark(drop, why, i, "head");
        // The page number stands either above the head or under it (even and odd pages), never both.
        int before = previous(lines, i);
        int after = next(lines, i);
        if (before >= 0 && i - before <= NEAR && PAGE_NUMBER.matcher(lines[before]).matches()) {
          mark(drop, why, before, "page");
        } else if (after >= 0 && after - i <= NEAR && PAGE_NUMBER.matcher(lines[after]).matches()) {
          mark(drop, why, after, "page");
          after = next(lines, after);
        }
        if (after >= 0 && GAZETTE_SECTION.matcher(lines[after]).matches()) {
          mark(drop, why, after, "section");
        }
      } else if (CONTINUED.matcher(line).matches()) {
        mark(drop, why, i, "continued");
      } else if (STAMP_TIME.matcher(line).matches()) {
        // The stamp is the run of "Ký bởi / Người ký / Email / Cơ quan" lines that ends with its time.
        mark(drop, why, i, "stamp");
        for (int j = i - 1; j >= 0 && j >= i - 4 && STAMP.matcher(lines[j]).matches(); j--) {
          mark(drop, why, j, "stamp");
        }
      }
    }
    for (int i = 0; i < lines.length; i++) {
      if (!drop[i]) {
        continue;
      }
      String shown = "\"" + LineShapes.shorten(lines[i]) + "\"";
      notices.add(switch (why[i]) {
        case "head" -> new ImportProblem(i + 1, "Đầu trang Công báo được bỏ đi: " + shown,
            "The Official Gazette's running head is left out: " + shown);
        case "page" -> new ImportProblem(i + 1, "Số trang được bỏ đi: " + shown, "A page number is left out: " + shown);
        case "section" -> new ImportProblem(i + 1, "Tên mục của Công báo được bỏ đi: " + shown,
            "The Official Gazette's section heading is left out: " + shown);
        case "continued" -> new ImportProblem(i + 1,
            "Văn bản còn tiếp ở số Công báo khác, phần tiếp theo không có trong tệp này: " + shown,
            "The text continues in another issue of the Official Gazette; that part is not in this file: " + shown);
        default -> new ImportProblem(i + 1, "Dấu chữ ký số được bỏ đi: " + shown,
            "The digital signature stamp is left out: " + shown);
      });
      lines[i] = "";
    }
    return notices;
  }

  private static void mark(boolean[] drop, String[] why, int i, String reason) {
    drop[i] = true;
    why[i] = reason;
  }

  private static int previous(String[] lines, int i) {
    for (int j = i - 1; j >= 0; j--) {
      if (!lines[j].isEmpty()) {
        return j;
      }
    }
    return -1;
  }

  private static int next(String[] lines, int i) {
    for (int j = i + 1; j < lines.length; j++) {
      if (!lines[j].isEmpty()) {
        return j;
      }
    }
    return -1;
  }
}
