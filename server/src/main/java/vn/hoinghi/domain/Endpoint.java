package vn.hoinghi.domain;

import java.time.Instant;

/**
 * A connected hall (điểm cầu). {@code headCount} is what its host declared at check-in or later; live connection
 * presence is not here: the gateway tracks it.
 */
public record Endpoint(String id, String code, String name, @Nullable String region, EndpointLevel level,
    boolean checkedIn, int headCount, @Nullable Instant checkedInAt) {}
