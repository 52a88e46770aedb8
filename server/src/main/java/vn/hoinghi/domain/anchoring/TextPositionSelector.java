package vn.hoinghi.domain.anchoring;

/** Offsets of the selection in the node's text: {@code start} inclusive, {@code end} exclusive. */
public record TextPositionSelector(int start, int end) {}
