package vn.hoinghi.live;

import java.time.Instant;
import java.util.Optional;
import vn.hoinghi.domain.Actor;
import vn.hoinghi.domain.Command;
import vn.hoinghi.domain.CommandEnvelope;
import vn.hoinghi.domain.Conference;
import vn.hoinghi.domain.ConferenceStatus;

/**
 * Closes the feedback window at its deadline: checked on the writer's clock (every second on the node that writes),
 * the close is an ordinary command from the system, with an id derived from the log's position so that checks racing
 * a slow round are applied once.
 */
final class FeedbackDeadline {
  static final long CHECK_MS = 1_000;

  private FeedbackDeadline() {}

  /** The feedback window is open with a deadline: the writer must stay to close it then. */
  static boolean pending(Conference conference) {
    var info = conference.info();
    return info != null && info.status() == ConferenceStatus.FEEDBACK_OPEN && info.feedbackDeadline() != null;
  }

  /** The command that closes the conference, when its feedback window is open and past its deadline at {@code now}. */
  static Optional<CommandEnvelope> due(Conference conference, long committed, Instant now) {
    var info = conference.info();
    if (info == null || info.status() != ConferenceStatus.FEEDBACK_OPEN || info.feedbackDeadline() == null
        || now.isBefore(info.feedbackDeadline())) {
      return Optional.empty();
    }
    return Optional.of(new CommandEnvelope("system-close-" + committed, Actor.system(), new Command.CloseConference()));
  }
}
