package vn.hoinghi.live;

import java.util.List;
import vn.hoinghi.domain.Event;
import vn.hoinghi.domain.Rejection;

/** The one reply a command gets. */
public sealed interface Outcome {

  /**
   * Committed: the command's events have sequences firstSeq..lastSeq. {@code duplicate}: an earlier
   * send did it (then {@code events} is empty). The events let REST callers learn generated ids.
   */
  record Acked(long firstSeq, long lastSeq, boolean duplicate, List<Event> events) implements Outcome {}

  /** The domain refused it; nothing changed. */
  record Refused(Rejection rejection) implements Outcome {}

  /** It could not be decided or committed (store down, server stopping); nothing was acknowledged. */
  record Failed(String code, String message) implements Outcome {}
}
