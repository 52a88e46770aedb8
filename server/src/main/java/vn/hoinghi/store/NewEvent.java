package vn.hoinghi.store;

import java.time.Instant;
import java.util.Objects;

/**
 * An event about to be appended. The writer chooses the timestamp (the same instant its decision
 * was taken at), so timers derived from the log agree with what the writer checked.
 *
 * @param type      the event's type name
 * @param payload   JSON text, stored verbatim
 * @param actor     who caused it (participant id, pseudonym, "system"...)
 * @param commandId the client command that produced it, or null for system events
 * @param at        server timestamp
 */
public record NewEvent(String type, String payload, String actor, String commandId, Instant at) {
  public NewEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(at, "at");
  }
}
