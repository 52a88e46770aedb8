package vn.hoinghi.report.revision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import vn.hoinghi.domain.Alternative;
import vn.hoinghi.domain.Tally;
import vn.hoinghi.domain.Vote;
import vn.hoinghi.domain.document.DraftDocument;
import vn.hoinghi.domain.document.DraftNode;
import vn.hoinghi.domain.document.NodeKind;

/**
 * Which alternative wording (phương án) of each group the revised draft keeps. A group is a node of the base version
 * with ALTERNATIVE children. The secretary's choice in the revise request wins; otherwise the winner of the last vote
 * on the group held on the base version, when one alternative has strictly more ballots than every other. On a tie
 * or when no ballot chose any, the request must name it. Pure.
 */
public final class AlternativeChoice {

  private AlternativeChoice() {}

  /** How a group's alternative was chosen: by a vote ({@code voteId}, its counts) or by the request. */
  public record Chosen(String groupId, String groupLabel, String alternativeId, String label, String voteId,
      Map<String, Integer> counts) {}

  /**
   * The chosen alternative of every group of {@code base}, or {@link DraftRevision.Refused} naming each group that is
   * undecided and each request entry that names no group or no alternative of it.
   */
  public static List<Chosen> resolve(DraftDocument base, int baseVersion, List<Vote> votes,
      BiFunction<String, String, Tally> tally, Map<String, String> requested) {
    List<String> problems = new ArrayList<>();
    Map<String, DraftNode> groups = new LinkedHashMap<>();
    Map<String, String> labels = new LinkedHashMap<>();
    collect(base.nodes(), null, groups, labels);
    for (String id : requested.keySet()) {
      if (!groups.containsKey(id)) {
        problems.add(id + ": không có phương án trong dự thảo lần " + baseVersion + " / has no alternatives in version "
            + baseVersion);
      }
    }
    List<Chosen> out = new ArrayList<>();
    for (DraftNode group : groups.values()) {
      List<DraftNode> alts = group.children().stream().filter(c -> c.kind() == NodeKind.ALTERNATIVE).toList();
      String label = labels.get(group.id());
      String want = requested.get(group.id());
      if (want != null) {
        DraftNode alt = alts.stream().filter(a -> a.id().equals(want)).findFirst().orElse(null);
        if (alt == null) {
          problems.add(group.id() + ": " + want + " không phải phương án của " + label + " / is not an alternative of "
              + label);
        } else {
          out.add(new Chosen(group.id(), label, alt.id(), alt.label(), null, null));
        }
        continue;
      }
      Vote last = null;
      for (Vote v : votes) {
        if (v.draftVersion() == baseVersion && !v.alternativesOf(group.id()).isEmpty()) last = v;
      }
      Map<String, Integer> counts = last == null ? null : tally.apply(last.id(), group.id()).alternatives();
      String winner = counts == null ? null : winner(counts);
      if (winner == null) {
        problems.add(group.id() + ": " + label + (last == null ? " chưa được biểu quyết" : " có số phiếu ngang nhau hoặc chưa có phiếu")
            + "; thư ký cần chọn phương án (alternatives) / " + (last == null ? "was not voted on" : "is tied or has no ballots")
            + "; the secretary must choose an alternative (alternatives)");
        continue;
      }
      String altLabel = last.alternativesOf(group.id()).stream().filter(a -> a.id().equals(winner))
          .map(Alternative::label).findFirst().orElse(winner);
      out.add(new Chosen(group.id(), label, winner, altLabel, last.id(), counts));
    }
    if (!problems.isEmpty()) throw new DraftRevision.Refused(problems);
    return out;
  }

  /** The alternative with strictly the most ballots, or null on a tie or when none has any. */
  static String winner(Map<String, Integer> counts) {
    String best = null;
    int max = 0;
    boolean tie = false;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (e.getValue() > max) {
        best = e.getKey();
        max = e.getValue();
        tie = false;
      } else if (e.getValue() == max && max > 0) {
        tie = true;
      }
    }
    return tie ? null : best;
  }

  private static void collect(List<DraftNode> level, DraftNode article, Map<String, DraftNode> groups,
      Map<String, String> labels) {
    for (DraftNode n : level) {
      DraftNode art = n.kind() == NodeKind.ARTICLE ? n : article;
      if (n.children().stream().anyMatch(c -> c.kind() == NodeKind.ALTERNATIVE)) {
        groups.put(n.id(), n);
        labels.put(n.id(), n.kind() == NodeKind.ARTICLE || art == null ? n.label()
            : "khoản " + n.number() + " " + art.label());
      }
      collect(n.children(), art, groups, labels);
    }
  }
}
