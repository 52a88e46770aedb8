package vn.hoinghi.domain;

/** A comment, a question, or a proposed wording (which carries replacement text). Replies are COMMENTs. */
public enum AnnotationKind { COMMENT, QUESTION, PROPOSED_WORDING }
