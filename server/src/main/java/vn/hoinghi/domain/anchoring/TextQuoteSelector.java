package vn.hoinghi.domain.anchoring;

/** The selected text ({@code exact}) with the text just before ({@code prefix}) and after it ({@code suffix}). */
public record TextQuoteSelector(String exact, String prefix, String suffix) {}
