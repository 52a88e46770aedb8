package vn.hoinghi.domain.anchoring;
import vn.hoinghi.domain.Nullable;

/**
 * The target of an annotation: a node of the draft and, optionally, a passage of its text. Both selectors are null
 * when the annotation is about the whole node (an article, a clause).
 */
public record Anchor(String nodeId, @Nullable TextQuoteSelector quote, @Nullable TextPositionSelector position) {

  public static Anchor wholeNode(String nodeId) {
    return new Anchor(nodeId, null, null);
  }

  public boolean coversWholeNode() {
    return quote == null;
  }
}
