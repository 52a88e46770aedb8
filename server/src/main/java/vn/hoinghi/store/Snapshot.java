package vn.hoinghi.store;

import java.time.Instant;

/** A conference's folded state up to and including {@code seq}, as JSON text. */
public record Snapshot(String conferenceId, long seq, String payload, Instant at) {}
