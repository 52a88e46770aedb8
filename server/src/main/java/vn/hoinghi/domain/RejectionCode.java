package vn.hoinghi.domain;

/** Why a command was refused; the gateway maps these to protocol errors and HTTP statuses. */
public enum RejectionCode {
  /** Malformed input: missing field, bad format, a selector that does not match the text, a draft with problems. */
  INVALID,
  /** The actor's roles or endpoint do not allow this command. */
  FORBIDDEN,
  /** The conference, endpoint, participant, vote, article, request or annotation does not exist. */
  NOT_FOUND,
  /** Not allowed in the current state (conference not live, vote closed, feedback deadline passed…). */
  WRONG_STATE,
  /**
   * Clashes with existing state: duplicate code, a second waiting request, somebody already has the floor. A refusal,
   * not retryable (a store append conflict is the gateway's retryable {@code STORE_CONFLICT}).
   */
  CONFLICT,
  /** A size or count bound: text too long, too many items, a hall result above the head count. */
  LIMIT
}
