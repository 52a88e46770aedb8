package vn.hoinghi.live;

/**
 * The ways a command can fail on its way to the log without the domain refusing it, one code each. Every one of
 * them may succeed when the client sends the same command again with the same id (it is applied at most once);
 * the gateway's {@code Replies} gives each code its Vietnamese and English text.
 */
public final class Failures {
  private Failures() {}

  /** This server is shutting down before the command was answered. The connection closes next (1001). */
  public static final Outcome.Failed STOPPING =
      new Outcome.Failed("UNAVAILABLE", "the server is stopping; reconnect and send the command again with the same id");

  /** The conference's writer moved to another node before this command was decided; nothing was saved. */
  public static final Outcome.Failed WRITER_MOVED = new Outcome.Failed("WRITER_MOVED",
      "the conference's writer moved to another server; nothing was saved, send the command again with the same id");

  /** The command was handed to the writer on another node, which did not answer in time: it may have been saved. */
  public static final Outcome.Failed NO_WRITER = new Outcome.Failed("NO_WRITER",
      "no server answered as the conference's writer; the command may or may not have been saved: send it again"
          + " with the same id");

  /** The log moved on under this writer (another node appended); nothing was saved, the writer reloads. */
  public static final Outcome.Failed STORE_CONFLICT = new Outcome.Failed("STORE_CONFLICT",
      "the conference changed on another server while this command was being saved; nothing was saved, send it"
          + " again with the same id");
}
