package vn.hoinghi.domain;

/** Tán thành, không tán thành, ý kiến khác (agree with changes; may say what). */
public enum Choice { AGREE, DISAGREE, OTHER }
