package vn.hoinghi.domain;

import java.time.Instant;

/** Title, schedule, status and settings. {@code feedbackDeadline} is set when feedback opens after the live session. */
public record ConferenceInfo(String conferenceId, String title, String description, Instant startsAt, Instant endsAt,
    ConferenceStatus status, Settings settings, Instant startedAt, Instant feedbackDeadline, Instant closedAt) {

  ConferenceInfo withStatus(ConferenceStatus s) {
    return new ConferenceInfo(conferenceId, title, description, startsAt, endsAt, s, settings, startedAt,
        feedbackDeadline, closedAt);
  }
}
