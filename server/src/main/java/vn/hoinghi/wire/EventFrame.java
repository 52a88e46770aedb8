package vn.hoinghi.wire;

import java.time.Instant;

/**
 * One event as the feed sends it, inside an "events" message: {@code {"seq", "type", "at", "data"}}. {@code data} is
 * the event's JSON (for DraftVersionImported, the version without its document: docs/protocol.md, "The draft text").
 * The schema's {@code EventFrame} is the one-of over every event type, generated from {@link TypeNames}.
 */
public record EventFrame(long seq, String type, Instant at, Encoded<Record> data) {}
