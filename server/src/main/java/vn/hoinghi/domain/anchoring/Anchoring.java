package vn.hoinghi.domain.anchoring;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import vn.hoinghi.domain.document.DraftDocument;
import vn.hoinghi.domain.document.DraftNode;

/**
 * Builds anchors from a selection and finds them again in a new version: first in the node with the same stable id,
 * then anywhere in the new version, choosing among several occurrences the one whose surroundings match the stored
 * prefix and suffix best. When the quoted text exists nowhere the annotation is orphaned, never dropped.
 */
public final class Anchoring {

  /** Characters of context kept on each side of a quote; enough to tell repeated phrases apart. */
  public static final int CONTEXT = 32;
  /** Occurrences of one quote examined per node; a quote repeated more often than this is not worth ranking. */
  private static final int MAX_OCCURRENCES = 1000;

  private Anchoring() {}

  /** The outcome of re-anchoring: the anchor in the new version, or the old anchor kept with {@code orphaned} set. */
  public record Result(Anchor anchor, boolean orphaned) {}

  /**
   * The anchor for a selection of a node's text, with context computed here, or empty when the selection does not
   * describe that text (offsets outside it, or {@code exact} differs from the text at those offsets, or a given
   * prefix/suffix does not match what surrounds it).
   */
  public static Optional<Anchor> select(String nodeId, String text, TextQuoteSelector quote, TextPositionSelector position) {
    if (quote == null || position == null || quote.exact() == null || quote.exact().isEmpty()) {
      return Optional.empty();
    }
    int start = position.start();
    int end = position.end();
    if (start < 0 || end > text.length() || start >= end || !text.substring(start, end).equals(quote.exact())) {
      return Optional.empty();
    }
    if (quote.prefix() != null && !text.substring(0, start).endsWith(quote.prefix())) {
      return Optional.empty();
    }
    if (quote.suffix() != null && !text.substring(end).startsWith(quote.suffix())) {
      return Optional.empty();
    }
    return Optional.of(at(nodeId, text, start, end));
  }

  /** Finds the anchor again in {@code next}. */
  public static Result reanchor(Anchor old, DraftDocument next) {
    return new Target(next).reanchor(old);
  }

  /** A new version indexed once, for re-anchoring many annotations against it. */
  public static final class Target {
    private final List<DraftNode> nodes;
    private final Map<String, DraftNode> byId = new HashMap<>();

    public Target(DraftDocument next) {
      this.nodes = next.allNodes();
      for (DraftNode n : nodes) {
        byId.put(n.id(), n);
      }
    }

    public Result reanchor(Anchor old) {
      DraftNode same = byId.get(old.nodeId());
      if (old.coversWholeNode()) {
        return new Result(old, same == null);
      }
      if (same != null) {
        int hint = old.position() == null ? 0 : old.position().start();
        Optional<Scored> found = scoreBest(same, old.quote(), hint);
        if (found.isPresent()) {
          return new Result(found.get().anchor, false);
        }
      }
      Scored best = null;
      for (DraftNode n : nodes) {
        Optional<Scored> s = scoreBest(n, old.quote(), -1);
        if (s.isPresent() && (best == null || s.get().score > best.score)) {
          best = s.get();
        }
      }
      return best != null ? new Result(best.anchor, false) : new Result(old, true);
    }
  }

  private record Scored(Anchor anchor, int score) {}

  /** The best occurrence of the quote in a node: most matching context, then nearest to the hint offset. */
  private static Optional<Scored> scoreBest(DraftNode node, TextQuoteSelector quote, int hint) {
    String text = node.text();
    String exact = quote.exact();
    int bestAt = -1;
    int bestScore = -1;
    int bestDistance = Integer.MAX_VALUE;
    int from = 0;
    for (int count = 0; count < MAX_OCCURRENCES; count++) {
      int at = text.indexOf(exact, from);
      if (at < 0) {
        break;
      }
      int score = commonSuffix(text.substring(0, at), Objects.requireNonNullElse(quote.prefix(), ""))
          + commonPrefix(text.substring(at + exact.length()), Objects.requireNonNullElse(quote.suffix(), ""));
      int distance = hint < 0 ? 0 : Math.abs(at - hint);
      if (score > bestScore || (score == bestScore && distance < bestDistance)) {
        bestAt = at;
        bestScore = score;
        bestDistance = distance;
      }
      from = at + 1;
    }
    return bestAt < 0 ? Optional.empty()
        : Optional.of(new Scored(at(node.id(), text, bestAt, bestAt + exact.length()), bestScore));
  }

  private static Anchor at(String nodeId, String text, int start, int end) {
    String prefix = text.substring(Math.max(0, start - CONTEXT), start);
    String suffix = text.substring(end, Math.min(text.length(), end + CONTEXT));
    return new Anchor(nodeId, new TextQuoteSelector(text.substring(start, end), prefix, suffix),
        new TextPositionSelector(start, end));
  }

  private static int commonSuffix(String a, String b) {
    int n = 0;
    while (n < a.length() && n < b.length() && a.charAt(a.length() - 1 - n) == b.charAt(b.length() - 1 - n)) {
      n++;
    }
    return n;
  }

  private static int commonPrefix(String a, String b) {
    int n = 0;
    while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
      n++;
    }
    return n;
  }
}
