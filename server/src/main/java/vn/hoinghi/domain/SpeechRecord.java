package vn.hoinghi.domain;

import java.time.Instant;

/** Who spoke, for whom, on what, and for how long (pauses excluded). */
public record SpeechRecord(String requestId, String participantId, String endpointId, FloorKind kind, boolean forHall,
    String articleId, Instant startedAt, Instant endedAt, long spokenSeconds) {}
