package vn.hoinghi.domain;

import java.util.List;
import java.util.Objects;

/** What {@link Conference#decide} says about a command. */
public sealed interface Decision {

  /**
   * The command holds: append {@code events} (never empty) in order, recorded under {@code recordedActor} — the
   * participant id, {@code organizer:<account>}, {@code anonymous}, {@code system}, or for a ballot of an anonymous
   * vote {@code voter:<key>}, so that the log never says who chose what.
   */
  record Accepted(List<Event> events, String recordedActor) implements Decision {
    public Accepted {
      events = List.copyOf(events);
      Objects.requireNonNull(recordedActor, "recordedActor");
      if (events.isEmpty()) {
        throw new IllegalArgumentException("an accepted command produces at least one event");
      }
    }
  }

  /** The command does not hold; nothing changed. */
  record Rejected(Rejection rejection) implements Decision {}

  /** The same actor already sent this commandId; it produced the events {@code firstSeq..lastSeq}. Nothing changed. */
  record AlreadyApplied(long firstSeq, long lastSeq) implements Decision {}
}
