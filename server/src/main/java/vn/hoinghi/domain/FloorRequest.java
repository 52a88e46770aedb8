package vn.hoinghi.domain;

import java.time.Instant;

/** A request for the floor, by a delegate for themself or by a host for the hall ({@code forHall}). */
public record FloorRequest(String id, String participantId, @Nullable String endpointId, FloorKind kind,
    @Nullable String articleId, boolean forHall, FloorRequestStatus status, Instant requestedAt,
    @Nullable String reason) {

  FloorRequest withStatus(FloorRequestStatus s, String why) {
    return new FloorRequest(id, participantId, endpointId, kind, articleId, forHall, s, requestedAt, why);
  }
}
