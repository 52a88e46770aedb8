package vn.hoinghi.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.hoinghi.domain.Command.RecordHallResult;

/**
 * The rules of ballots and hall results on a target voted between alternative wordings (phương án): one alternative
 * per ballot (AGREE naming it) or ý kiến khác with its text; a hall result counts per alternative. Used by
 * {@link Voting}; every violation is a rejection before anything is emitted.
 */
final class AlternativeBallots {
  private AlternativeBallots() {}

  /** The ballot's alternative id, checked; null on a target without alternatives or for ý kiến khác. */
  static String check(Vote v, String target, Choice choice, String text, String alternativeId) {
    List<Alternative> alts = v.alternativesOf(target);
    if (alts.isEmpty()) {
      if (alternativeId != null) {
        throw Reject.invalid("Nội dung này không có phương án để lựa chọn", "This target has no alternatives to choose from");
      }
      return null;
    }
    if (alternativeId == null) {
      if (choice == Choice.OTHER && text != null) return null;
      throw Reject.invalid("Hãy chọn một phương án, hoặc ý kiến khác kèm nội dung",
          "Choose one alternative, or give another opinion with its text");
    }
    if (choice != Choice.AGREE) {
      throw Reject.invalid("Chọn phương án là tán thành phương án đó (AGREE)", "Choosing an alternative is an AGREE ballot");
    }
    if (alts.stream().noneMatch(a -> a.id().equals(alternativeId))) {
      throw Reject.invalid("Phương án " + alternativeId + " không thuộc nội dung đang biểu quyết",
          "Alternative " + alternativeId + " is not one of this target's alternatives");
    }
    return alternativeId;
  }

  /** A hall's counts per alternative, checked against the target's alternatives; null on a target without any. */
  static Map<String, Integer> hallCounts(Vote v, RecordHallResult c) {
    List<Alternative> alts = v.alternativesOf(c.articleId());
    if (alts.isEmpty()) {
      if (c.alternatives() != null) {
        throw Reject.invalid("Nội dung này không có phương án để lựa chọn", "This target has no alternatives to choose from");
      }
      return null;
    }
    if (c.alternatives() == null || c.disagree() != 0) {
      throw Reject.invalid("Kết quả chung của nội dung có phương án ghi số phiếu cho từng phương án (không có \"không tán thành\")",
          "A hall result on a target with alternatives gives the count per alternative (and no disagree)");
    }
    Map<String, Integer> out = new LinkedHashMap<>();
    long sum = 0;
    for (Alternative a : alts) {
      Integer n = c.alternatives().get(a.id());
      if (n != null && n < 0) throw Reject.invalid("Số phiếu không được âm", "Counts must not be negative");
      out.put(a.id(), n == null ? 0 : n);
      sum += n == null ? 0 : n;
    }
    for (String id : c.alternatives().keySet()) {
      if (!out.containsKey(id)) {
        throw Reject.invalid("Phương án " + id + " không thuộc nội dung đang biểu quyết",
            "Alternative " + id + " is not one of this target's alternatives");
      }
    }
    if (c.agree() != 0 && c.agree() != sum) {
      throw Reject.invalid("Số tán thành phải bằng tổng số phiếu các phương án (" + sum + ")",
          "agree must equal the sum of the alternatives' counts (" + sum + ")");
    }
    return out;
  }
}
