package vn.hoinghi.domain;

import java.util.List;

/**
 * Thrown inside {@link Conference#decide} by a handler that refuses its command, caught there and returned as
 * {@link Decision.Rejected}. An exception keeps each handler a straight list of checks; nothing outside decide sees it.
 */
final class Reject extends RuntimeException {

  private static final long serialVersionUID = 1L;

  final transient Rejection rejection;

  private Reject(Rejection rejection) {
    super(rejection.messageEn(), null, false, false);
    this.rejection = rejection;
  }

  static Reject of(RejectionCode code, String vi, String en) {
    return new Reject(new Rejection(code, vi, en, List.of()));
  }

  static Reject of(RejectionCode code, String vi, String en, List<String> details) {
    return new Reject(new Rejection(code, vi, en, details));
  }

  static Reject invalid(String vi, String en) {
    return of(RejectionCode.INVALID, vi, en);
  }

  static Reject forbidden(String vi, String en) {
    return of(RejectionCode.FORBIDDEN, vi, en);
  }

  static Reject notFound(String vi, String en) {
    return of(RejectionCode.NOT_FOUND, vi, en);
  }

  static Reject wrongState(String vi, String en) {
    return of(RejectionCode.WRONG_STATE, vi, en);
  }

  static Reject conflict(String vi, String en) {
    return of(RejectionCode.CONFLICT, vi, en);
  }

  static Reject limit(String vi, String en) {
    return of(RejectionCode.LIMIT, vi, en);
  }
}
