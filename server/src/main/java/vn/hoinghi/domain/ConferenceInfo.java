package vn.hoinghi.domain;

import java.time.Instant;

/** Title, schedule, status and settings. {@code feedbackDeadline} is set when feedback opens after the live session. */
public record ConferenceInfo(String conferenceId, String title, String description, @Nullable Instant startsAt,
    @Nullable Instant endsAt, ConferenceStatus status, Settings settings, @Nullable Instant startedAt,
    @Nullable Instant feedbackDeadline, @Nullable Instant closedAt) {

  ConferenceInfo withStatus(ConferenceStatus s) {
    return new ConferenceInfo(conferenceId, title, description, startsAt, endsAt, s, settings, startedAt,
        feedbackDeadline, closedAt);
  }
}
