package vn.hoinghi.domain;

import java.time.Instant;

/** The drafting team's answer to an annotation; {@code text} is required for EXPLAINED. */
public record Response(ResponseKind kind, @Nullable String text, String by, Instant at) {}
