package vn.hoinghi.domain;

import static vn.hoinghi.domain.ConferenceStatus.DRAFT;
import static vn.hoinghi.domain.ConferenceStatus.FEEDBACK_OPEN;
import static vn.hoinghi.domain.ConferenceStatus.LIVE;
import static vn.hoinghi.domain.ConferenceStatus.SCHEDULED;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import vn.hoinghi.domain.Command.CloseConference;
import vn.hoinghi.domain.Command.CreateConference;
import vn.hoinghi.domain.Command.OpenFeedback;
import vn.hoinghi.domain.Command.ScheduleConference;
import vn.hoinghi.domain.Command.SetFeedbackDeadline;
import vn.hoinghi.domain.Command.StartConference;
import vn.hoinghi.domain.Command.UpdateConferenceDetails;
import vn.hoinghi.domain.Command.UpdateSettings;
import vn.hoinghi.domain.Event.ConferenceClosed;
import vn.hoinghi.domain.Event.ConferenceCreated;
import vn.hoinghi.domain.Event.ConferenceDetailsUpdated;
import vn.hoinghi.domain.Event.ConferenceScheduled;
import vn.hoinghi.domain.Event.ConferenceStarted;
import vn.hoinghi.domain.Event.FeedbackDeadlineChanged;
import vn.hoinghi.domain.Event.FeedbackOpened;
import vn.hoinghi.domain.Event.SettingsUpdated;

/** The conference itself: details, settings and the status machine DRAFT → SCHEDULED → LIVE → FEEDBACK_OPEN → CLOSED. */
final class Lifecycle {

  private final Conference conf;
  ConferenceInfo info;

  Lifecycle(Conference conf) {
    this.conf = conf;
  }

  void register(Tables t) {
    t.handlers()
        .handle(CreateConference.class, this::create)
        .handle(UpdateConferenceDetails.class, this::updateDetails)
        .handle(UpdateSettings.class, this::updateSettings)
        .handle(ScheduleConference.class, this::schedule)
        .handle(StartConference.class, this::start)
        .handle(OpenFeedback.class, this::openFeedback)
        .handle(SetFeedbackDeadline.class, this::setDeadline)
        .handle(CloseConference.class, this::close);
    t.folds()
        .fold(ConferenceCreated.class, e -> info = new ConferenceInfo(e.conferenceId(), e.title(), e.description(),
            e.startsAt(), e.endsAt(), DRAFT, new Settings(e.defaultVoteMode(), e.speakingLimitSeconds()), null, null, null))
        .fold(ConferenceDetailsUpdated.class, e -> info = new ConferenceInfo(info.conferenceId(), e.title(),
            e.description(), e.startsAt(), e.endsAt(), info.status(), info.settings(), info.startedAt(),
            info.feedbackDeadline(), info.closedAt()))
        .fold(SettingsUpdated.class, e -> info = new ConferenceInfo(info.conferenceId(), info.title(),
            info.description(), info.startsAt(), info.endsAt(), info.status(),
            new Settings(e.defaultVoteMode(), e.speakingLimitSeconds()), info.startedAt(), info.feedbackDeadline(),
            info.closedAt()))
        .fold(ConferenceScheduled.class, e -> info = info.withStatus(SCHEDULED))
        .fold(ConferenceStarted.class, e -> info = new ConferenceInfo(info.conferenceId(), info.title(),
            info.description(), info.startsAt(), info.endsAt(), LIVE, info.settings(), e.at(), null, null))
        .fold(FeedbackOpened.class, e -> info = new ConferenceInfo(info.conferenceId(), info.title(),
            info.description(), info.startsAt(), info.endsAt(), FEEDBACK_OPEN, info.settings(), info.startedAt(),
            e.deadline(), null))
        .fold(FeedbackDeadlineChanged.class, e -> info = new ConferenceInfo(info.conferenceId(), info.title(),
            info.description(), info.startsAt(), info.endsAt(), info.status(), info.settings(), info.startedAt(),
            e.deadline(), null))
        .fold(ConferenceClosed.class, e -> info = new ConferenceInfo(info.conferenceId(), info.title(),
            info.description(), info.startsAt(), info.endsAt(), ConferenceStatus.CLOSED, info.settings(),
            info.startedAt(), info.feedbackDeadline(), e.at()));
    t.audiences()
        .map(ConferenceCreated.class, e -> Audience.EVERYONE)
        .map(ConferenceDetailsUpdated.class, e -> Audience.EVERYONE)
        .map(SettingsUpdated.class, e -> Audience.EVERYONE)
        .map(ConferenceScheduled.class, e -> Audience.EVERYONE)
        .map(ConferenceStarted.class, e -> Audience.EVERYONE)
        .map(FeedbackOpened.class, e -> Audience.EVERYONE)
        .map(FeedbackDeadlineChanged.class, e -> Audience.EVERYONE)
        .map(ConferenceClosed.class, e -> Audience.EVERYONE);
  }

  private void create(CreateConference c, Decide d) {
    String title = Check.text(c.title(), Check.TITLE, Limits.TITLE, true, false);
    String description = Check.text(c.description(), Check.DESCRIPTION, Limits.DESCRIPTION, false, true);
    checkSchedule(c.startsAt(), c.endsAt());
    VoteMode mode = Check.required(c.defaultVoteMode(), "hình thức biểu quyết mặc định", "default vote mode");
    int limit = speakingLimit(c.speakingLimitSeconds());
    if (info != null) {
      throw Reject.conflict("Hội nghị đã được tạo", "The conference already exists");
    }
    d.emit(new ConferenceCreated(conf.conferenceId(), title, description == null ? "" : description, c.startsAt(),
        c.endsAt(), mode, limit));
  }

  private void updateDetails(UpdateConferenceDetails c, Decide d) {
    String title = Check.text(c.title(), Check.TITLE, Limits.TITLE, true, false);
    String description = Check.text(c.description(), Check.DESCRIPTION, Limits.DESCRIPTION, false, true);
    checkSchedule(c.startsAt(), c.endsAt());
    requireNotClosed();
    d.emit(new ConferenceDetailsUpdated(title, description == null ? "" : description, c.startsAt(), c.endsAt()));
  }

  private void updateSettings(UpdateSettings c, Decide d) {
    VoteMode mode = Check.required(c.defaultVoteMode(), "hình thức biểu quyết mặc định", "default vote mode");
    int limit = speakingLimit(c.speakingLimitSeconds());
    requireNotClosed();
    d.emit(new SettingsUpdated(mode, limit));
  }

  private void schedule(ScheduleConference c, Decide d) {
    require(DRAFT);
    if (conf.roster.central().isEmpty()) {
      throw Reject.wrongState("Cần có điểm cầu Trung ương trước khi lên lịch", "The central endpoint is needed before scheduling");
    }
    if (conf.roster.participants.values().stream().noneMatch(p -> p.active() && p.has(Role.CHAIR))) {
      throw Reject.wrongState("Cần có người chủ trì trước khi lên lịch", "A chair is needed before scheduling");
    }
    d.emit(new ConferenceScheduled());
  }

  private void start(StartConference c, Decide d) {
    require(SCHEDULED);
    d.emit(new ConferenceStarted(d.now));
  }

  private void openFeedback(OpenFeedback c, Decide d) {
    Instant deadline = deadline(c.deadline(), d);
    require(LIVE);
    endLiveSession(d);
    d.emit(new FeedbackOpened(d.now, deadline));
  }

  private void setDeadline(SetFeedbackDeadline c, Decide d) {
    Instant deadline = deadline(c.deadline(), d);
    require(FEEDBACK_OPEN);
    d.emit(new FeedbackDeadlineChanged(deadline));
  }

  private void close(CloseConference c, Decide d) {
    require(LIVE, FEEDBACK_OPEN);
    if (d.actor().kind() == Actor.Kind.SYSTEM
        && (info.status() != FEEDBACK_OPEN || d.now.isBefore(info.feedbackDeadline()))) {
      throw Reject.wrongState("Hệ thống chỉ đóng hội nghị khi đã hết hạn góp ý",
          "The system closes the conference only once the feedback deadline has passed");
    }
    if (info.status() == LIVE) {
      endLiveSession(d);
    }
    d.emit(new ConferenceClosed(d.now));
  }

  /** Leaving the live session closes what only exists live: open votes, the turn in progress, the current item. */
  private void endLiveSession(Decide d) {
    conf.voting.closeAllOpen(d);
    conf.speakerQueue.endCurrent(d);
    conf.agenda.completeCurrent(d);
  }

  private static void checkSchedule(Instant startsAt, Instant endsAt) {
    if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
      throw Reject.invalid("Thời gian kết thúc phải sau thời gian bắt đầu", "The end must be after the start");
    }
  }

  private static int speakingLimit(int seconds) {
    return Check.range(seconds, 0, Limits.SPEAKING_LIMIT_SECONDS, "thời gian phát biểu tối đa (giây)",
        "speaking time limit (seconds)");
  }

  private static Instant deadline(Instant deadline, Decide d) {
    Check.required(deadline, "hạn góp ý", "feedback deadline");
    if (!deadline.isAfter(d.now) || deadline.isAfter(d.now.plus(Duration.ofDays(Limits.MAX_DAYS_AHEAD)))) {
      throw Reject.invalid("Hạn góp ý phải ở tương lai, không quá " + Limits.MAX_DAYS_AHEAD + " ngày",
          "The feedback deadline must be in the future, within " + Limits.MAX_DAYS_AHEAD + " days");
    }
    return deadline;
  }

  /** Refuses (WRONG_STATE) once the conference is closed. */
  void requireNotClosed() {
    require(DRAFT, SCHEDULED, LIVE, FEEDBACK_OPEN);
  }

  /** Refuses (WRONG_STATE, naming the states in both languages) unless the conference is in one of {@code allowed}. */
  void require(ConferenceStatus... allowed) {
    ConferenceStatus s = info.status();
    Set<ConferenceStatus> ok = EnumSet.noneOf(ConferenceStatus.class);
    ok.addAll(List.of(allowed));
    if (!ok.contains(s)) {
      throw Reject.wrongState("Hội nghị đang " + vi(s) + "; thao tác này cần hội nghị " + String.join(" hoặc ",
              ok.stream().map(Lifecycle::vi).toList()),
          "The conference is " + s + "; this needs " + ok.stream().map(Enum::name).collect(Collectors.joining(" or ")));
    }
  }

  private static String vi(ConferenceStatus s) {
    return switch (s) {
      case DRAFT -> "ở trạng thái soạn thảo";
      case SCHEDULED -> "đã lên lịch";
      case LIVE -> "đang diễn ra";
      case FEEDBACK_OPEN -> "nhận góp ý sau phiên họp";
      case CLOSED -> "đã kết thúc";
    };
  }
}
