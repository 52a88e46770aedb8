package vn.hoinghi.store;

import java.time.Instant;

/** An event as committed to a conference's log; {@code seq} is gap-free from 1 per conference. */
public record StoredEvent(
    String conferenceId, long seq, String type, String payload, String actor, String commandId, Instant at) {

  public static StoredEvent of(String conferenceId, long seq, NewEvent e) {
    return new StoredEvent(conferenceId, seq, e.type(), e.payload(), e.actor(), e.commandId(), e.at());
  }
}
