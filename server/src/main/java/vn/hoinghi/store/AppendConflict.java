package vn.hoinghi.store;

/**
 * The log moved on since the appender last looked: its expected last sequence is not the
 * stored one. Nothing was written; the appender must reload and decide again.
 */
public final class AppendConflict extends RuntimeException {
  private final String conferenceId;
  private final long expected;
  private final long actual;

  public AppendConflict(String conferenceId, long expected, long actual) {
    super("append conflict on conference " + conferenceId + ": expected last seq " + expected
        + " but the log is at " + actual);
    this.conferenceId = conferenceId;
    this.expected = expected;
    this.actual = actual;
  }

  public String conferenceId() { return conferenceId; }
  public long expected() { return expected; }
  public long actual() { return actual; }
}
