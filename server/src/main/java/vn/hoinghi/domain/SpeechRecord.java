package vn.hoinghi.domain;

import java.time.Instant;

/** Who spoke, for whom, on what, and for how long (pauses excluded). */
public record SpeechRecord(String requestId, String participantId, @Nullable String endpointId, FloorKind kind,
    boolean forHall, @Nullable String articleId, Instant startedAt, Instant endedAt, long spokenSeconds) {}
