package vn.hoinghi.report.revision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.hoinghi.domain.document.DraftDocument;
import vn.hoinghi.domain.document.DraftNode;
import vn.hoinghi.report.revision.WordDiff.Segment;

/**
 * Two versions of the draft compared article by article. Articles are matched by their stable id, which survives
 * renumbering and light rewording (see StableIds), so any two versions compare, not only neighbours. Each article
 * gets a status, the word diff of its title and of its body (intro, clauses and points with their numbers), and the
 * accepted proposed wordings that concern it.
 */
public final class VersionDiff {

  private VersionDiff() {}

  public enum Status { UNCHANGED, RENUMBERED, CHANGED, ADDED, REMOVED }

  /** An accepted proposed wording, to show which change came from whom. */
  public record Proposal(String annotationId, String nodeId, String authorName, String endpointName, String quote,
      String replacement) {}

  /** {@code applied}: the proposed wording is in the newer text of the article. */
  public record Attribution(Proposal proposal, boolean applied) {}

  public record ArticleChange(String articleId, Status status, String fromNumber, String toNumber, String fromTitle,
      String toTitle, List<Segment> title, List<Segment> body, List<Attribution> proposals) {}

  public record Comparison(int fromVersion, int toVersion, List<ArticleChange> articles) {

    public long changed() {
      return articles.stream().filter(a -> a.status() != Status.UNCHANGED).count();
    }
  }

  public static Comparison compare(int fromVersion, DraftDocument from, int toVersion, DraftDocument to,
      List<Proposal> proposals) {
    Map<String, DraftNode> before = new LinkedHashMap<>();
    from.articles().forEach(a -> before.put(a.id(), a));
    Map<String, String> articleOfNode = new LinkedHashMap<>();
    for (DraftNode a : from.articles()) mapNodes(a, a.id(), articleOfNode);
    for (DraftNode a : to.articles()) mapNodes(a, a.id(), articleOfNode);
    List<ArticleChange> out = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (DraftNode b : to.articles()) {
      DraftNode a = before.get(b.id());
      seen.add(b.id());
      List<Attribution> attribution = attribution(b.id(), b, proposals, articleOfNode);
      if (a == null) {
        out.add(new ArticleChange(b.id(), Status.ADDED, null, b.number(), null, b.title(),
            List.of(new Segment(WordDiff.Op.INSERT, b.title())),
            List.of(new Segment(WordDiff.Op.INSERT, DraftText.articleBody(b))), attribution));
        continue;
      }
      String bodyA = DraftText.articleBody(a);
      String bodyB = DraftText.articleBody(b);
      boolean same = WordDiff.sameWords(a.title(), b.title()) && WordDiff.sameWords(bodyA, bodyB);
      Status st = same ? (a.number().equals(b.number()) ? Status.UNCHANGED : Status.RENUMBERED) : Status.CHANGED;
      out.add(new ArticleChange(b.id(), st, a.number(), b.number(), a.title(), b.title(),
          WordDiff.diff(a.title(), b.title()), WordDiff.diff(bodyA, bodyB), attribution));
    }
    // Removed articles, placed after the article that preceded them in the older version.
    int insertAt = 0;
    for (DraftNode a : from.articles()) {
      if (seen.contains(a.id())) {
        for (int i = 0; i < out.size(); i++) if (out.get(i).articleId().equals(a.id())) insertAt = i + 1;
        continue;
      }
      out.add(insertAt++, new ArticleChange(a.id(), Status.REMOVED, a.number(), null, a.title(), null,
          List.of(new Segment(WordDiff.Op.DELETE, a.title())),
          List.of(new Segment(WordDiff.Op.DELETE, DraftText.articleBody(a))),
          attribution(a.id(), null, proposals, articleOfNode)));
    }
    return new Comparison(fromVersion, toVersion, out);
  }

  private static void mapNodes(DraftNode n, String articleId, Map<String, String> out) {
    out.putIfAbsent(n.id(), articleId);
    n.children().forEach(c -> mapNodes(c, articleId, out));
  }

  private static List<Attribution> attribution(String articleId, DraftNode newer, List<Proposal> proposals,
      Map<String, String> articleOfNode) {
    List<Attribution> out = new ArrayList<>();
    String text = newer == null ? "" : java.text.Normalizer.normalize(newer.title() + "\n" + DraftText.articleBody(newer),
        java.text.Normalizer.Form.NFC);
    for (Proposal p : proposals) {
      if (articleId.equals(articleOfNode.get(p.nodeId()))) {
        boolean applied = p.replacement() != null && text.contains(
            java.text.Normalizer.normalize(p.replacement(), java.text.Normalizer.Form.NFC));
        out.add(new Attribution(p, applied));
      }
    }
    return out;
  }
}
