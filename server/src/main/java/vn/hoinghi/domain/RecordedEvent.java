package vn.hoinghi.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * An event as the log stores it: its sequence number in the conference, the recorded actor (see
 * {@link Decision.Accepted#recordedActor()}), the command that produced it and the writer's time.
 */
public record RecordedEvent(long seq, String actor, String commandId, Instant at, Event event) {

  public RecordedEvent {
    Objects.requireNonNull(event, "event");
  }
}
