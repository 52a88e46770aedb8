package vn.hoinghi.domain;

/** WAITING and APPROVED are "waiting" (in the queue); SPEAKING holds the floor; the rest are final. */
public enum FloorRequestStatus {
  WAITING, APPROVED, SPEAKING, DONE, WITHDRAWN, REJECTED;

  public boolean waiting() {
    return this == WAITING || this == APPROVED;
  }
}
