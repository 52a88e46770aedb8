package vn.hoinghi.report;

import java.util.List;
import vn.hoinghi.domain.ResponseKind;

/**
 * One row of the table "Bảng tổng hợp, tiếp thu, giải trình ý kiến góp ý": STT (1..n over the whole table), the place
 * as numbered when the opinion was given ({@code placeAtOpinion}, e.g. "Điều 5, khoản 2"), the place in the latest
 * draft when it differs ({@code placeNow}; null when the same; {@link #DELETED} when the later draft left it out), who
 * gave it ({@code sources}: a hall, an agency with its công văn, a person's role and name, or "Phiếu kín" for an
 * opinion given with a secret ballot, never its author), what was said, and the drafting team's answer ({@code answer}
 * "" and {@code answerKind} null while unanswered). {@code opinionIds} are the internal ids of the opinions the row
 * holds (more than one once merged): for answering from the client, never written into an export.
 */
public record TableRow(int stt, String placeAtOpinion, String placeNow, List<String> sources, String content,
    String answer, ResponseKind answerKind, List<String> opinionIds) {

  /** {@code placeNow} of a place a later draft no longer has. */
  public static final String DELETED = "đã bỏ";

  public TableRow {
    sources = List.copyOf(sources);
    opinionIds = List.copyOf(opinionIds);
    answer = answer == null ? "" : answer;
  }

  /** "Điều 5, khoản 2" or, after a revision, "Điều 5, khoản 2 (nay là Điều 6, khoản 2)" / "(đã bỏ)". */
  public String placeLabel() {
    if (placeNow == null) return placeAtOpinion;
    return placeAtOpinion + (DELETED.equals(placeNow) ? " (đã bỏ)" : " (nay là " + placeNow + ")");
  }

  public boolean answered() {
    return answerKind != null;
  }
}
