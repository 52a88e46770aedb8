package vn.hoinghi.domain;

import static vn.hoinghi.domain.ConferenceStatus.LIVE;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.hoinghi.domain.Command.ApproveFloorRequest;
import vn.hoinghi.domain.Command.CloseSpeakerQueue;
import vn.hoinghi.domain.Command.EndSpeech;
import vn.hoinghi.domain.Command.GrantFloor;
import vn.hoinghi.domain.Command.MoveFloorRequest;
import vn.hoinghi.domain.Command.OpenSpeakerQueue;
import vn.hoinghi.domain.Command.PauseSpeech;
import vn.hoinghi.domain.Command.RejectFloorRequest;
import vn.hoinghi.domain.Command.RequestFloor;
import vn.hoinghi.domain.Command.ResumeSpeech;
import vn.hoinghi.domain.Command.WithdrawFloorRequest;
import vn.hoinghi.domain.Event.FloorGranted;
import vn.hoinghi.domain.Event.FloorRequestApproved;
import vn.hoinghi.domain.Event.FloorRequestMoved;
import vn.hoinghi.domain.Event.FloorRequestRejected;
import vn.hoinghi.domain.Event.FloorRequestWithdrawn;
import vn.hoinghi.domain.Event.FloorRequested;
import vn.hoinghi.domain.Event.SpeakerQueueClosed;
import vn.hoinghi.domain.Event.SpeakerQueueOpened;
import vn.hoinghi.domain.Event.SpeechEnded;
import vn.hoinghi.domain.Event.SpeechPaused;
import vn.hoinghi.domain.Event.SpeechResumed;

/**
 * The speaker queue (đăng ký phát biểu): requests for the floor in order, the turn in progress with its timer, and
 * the history of who spoke. Invariant: nobody holds two waiting requests, and at most one turn runs.
 */
final class SpeakerQueue {

  private final Conference conf;
  boolean open = true;
  final Map<String, FloorRequest> requests = new LinkedHashMap<>();
  /** Ids of the waiting (WAITING or APPROVED) requests, in speaking order. */
  final List<String> waiting = new ArrayList<>();
  Speech current;
  final List<SpeechRecord> history = new ArrayList<>();

  SpeakerQueue(Conference conf) {
    this.conf = conf;
  }

  void register(Tables t) {
    t.handlers()
        .handle(OpenSpeakerQueue.class, this::openQueue)
        .handle(CloseSpeakerQueue.class, this::closeQueue)
        .handle(RequestFloor.class, this::request)
        .handle(WithdrawFloorRequest.class, this::withdraw)
        .handle(ApproveFloorRequest.class, this::approve)
        .handle(RejectFloorRequest.class, this::reject)
        .handle(MoveFloorRequest.class, this::move)
        .handle(GrantFloor.class, this::grant)
        .handle(PauseSpeech.class, this::pause)
        .handle(ResumeSpeech.class, this::resume)
        .handle(EndSpeech.class, this::end);
    t.folds()
        .fold(SpeakerQueueOpened.class, e -> open = true)
        .fold(SpeakerQueueClosed.class, e -> open = false)
        .fold(FloorRequested.class, e -> {
          requests.put(e.requestId(), new FloorRequest(e.requestId(), e.participantId(), e.endpointId(), e.kind(),
              e.articleId(), e.forHall(), FloorRequestStatus.WAITING, e.at(), null));
          waiting.add(e.kind() == FloorKind.POINT_OF_ORDER ? pointOfOrderSlot() : waiting.size(), e.requestId());
        })
        .fold(FloorRequestWithdrawn.class, e -> leave(e.requestId(), FloorRequestStatus.WITHDRAWN, null))
        .fold(FloorRequestApproved.class, e -> requests.computeIfPresent(e.requestId(), (k, r) ->
            r.withStatus(FloorRequestStatus.APPROVED, r.reason())))
        .fold(FloorRequestRejected.class, e -> leave(e.requestId(), FloorRequestStatus.REJECTED, e.reason()))
        .fold(FloorRequestMoved.class, e -> {
          waiting.remove(e.requestId());
          waiting.add(e.position(), e.requestId());
        })
        .fold(FloorGranted.class, e -> {
          leave(e.requestId(), FloorRequestStatus.SPEAKING, null);
          current = new Speech(e.requestId(), e.participantId(), e.at(), e.limitSeconds(), 0, e.at());
        })
        .fold(SpeechPaused.class, e -> current = new Speech(current.requestId(), current.participantId(),
            current.startedAt(), current.limitSeconds(), current.elapsedMillis(e.at()), null))
        .fold(SpeechResumed.class, e -> current = new Speech(current.requestId(), current.participantId(),
            current.startedAt(), current.limitSeconds(), current.spentMillis(), e.at()))
        .fold(SpeechEnded.class, e -> {
          FloorRequest r = requests.get(e.requestId());
          requests.put(r.id(), r.withStatus(FloorRequestStatus.DONE, null));
          history.add(new SpeechRecord(r.id(), r.participantId(), r.endpointId(), r.kind(), r.forHall(), r.articleId(),
              current.startedAt(), e.at(), e.spokenSeconds()));
          current = null;
        });
    // The queue is public: hall screens show who waits and who speaks.
    t.audiences()
        .map(SpeakerQueueOpened.class, e -> Audience.EVERYONE)
        .map(SpeakerQueueClosed.class, e -> Audience.EVERYONE)
        .map(FloorRequested.class, e -> Audience.EVERYONE)
        .map(FloorRequestWithdrawn.class, e -> Audience.EVERYONE)
        .map(FloorRequestApproved.class, e -> Audience.EVERYONE)
        .map(FloorRequestRejected.class, e -> Audience.EVERYONE)
        .map(FloorRequestMoved.class, e -> Audience.EVERYONE)
        .map(FloorGranted.class, e -> Audience.EVERYONE)
        .map(SpeechPaused.class, e -> Audience.EVERYONE)
        .map(SpeechResumed.class, e -> Audience.EVERYONE)
        .map(SpeechEnded.class, e -> Audience.EVERYONE);
  }

  /** A point of order goes to the front, behind points of order already waiting (they keep their order). */
  private int pointOfOrderSlot() {
    int i = 0;
    while (i < waiting.size() && requests.get(waiting.get(i)).kind() == FloorKind.POINT_OF_ORDER) {
      i++;
    }
    return i;
  }

  private void leave(String requestId, FloorRequestStatus status, String reason) {
    waiting.remove(requestId);
    requests.computeIfPresent(requestId, (k, r) -> r.withStatus(status, reason));
  }

  /** Ends the turn in progress, if any (the live session ends, or the speaker is removed). */
  void endCurrent(Decide d) {
    if (current != null) {
      d.emit(new SpeechEnded(current.requestId(), d.now, current.elapsedMillis(d.now) / 1000));
    }
  }

  /** Ends this participant's turn and withdraws their waiting requests (they are being removed). */
  void releaseAll(String participantId, Decide d) {
    if (current != null && current.participantId().equals(participantId)) {
      endCurrent(d);
    }
    for (String id : waiting) {
      if (requests.get(id).participantId().equals(participantId)) {
        d.emit(new FloorRequestWithdrawn(id));
      }
    }
  }

  // --- Handlers ---------------------------------------------------------------------------------------------------

  private void openQueue(OpenSpeakerQueue c, Decide d) {
    conf.lifecycle.require(LIVE);
    if (open) {
      throw Reject.wrongState("Danh sách đăng ký phát biểu đang mở", "The speaker queue is already open");
    }
    d.emit(new SpeakerQueueOpened());
  }

  private void closeQueue(CloseSpeakerQueue c, Decide d) {
    conf.lifecycle.require(LIVE);
    if (!open) {
      throw Reject.wrongState("Danh sách đăng ký phát biểu đang đóng", "The speaker queue is already closed");
    }
    d.emit(new SpeakerQueueClosed());
  }

  private void request(RequestFloor c, Decide d) {
    FloorKind kind = Check.required(c.kind(), "loại phát biểu", "kind of request");
    Participant p = d.participant();
    // The table lets hosts and delegates ask; which of the two depends on whom the request is for.
    if (c.forHall() && !p.has(Role.HOST)) {
      throw Reject.forbidden("Chỉ điểm cầu mới đăng ký phát biểu thay cho hội trường", "Only a host asks for the floor for the hall");
    }
    if (!c.forHall() && !p.has(Role.DELEGATE)) {
      throw Reject.forbidden("Chỉ đại biểu mới đăng ký phát biểu cho bản thân", "Only a delegate asks for the floor for themself");
    }
    conf.lifecycle.require(LIVE);
    if (c.articleId() != null) {
      conf.drafts.currentArticle(c.articleId());
    }
    if (!open) {
      throw Reject.wrongState("Danh sách đăng ký phát biểu đang đóng", "The speaker queue is closed");
    }
    for (String id : waiting) {
      if (requests.get(id).participantId().equals(p.id())) {
        throw Reject.conflict("Bạn đã có một đăng ký phát biểu đang chờ", "You already have a waiting request for the floor");
      }
    }
    if (current != null && current.participantId().equals(p.id())) {
      throw Reject.conflict("Bạn đang phát biểu", "You have the floor now");
    }
    if (waiting.size() >= Limits.WAITING_REQUESTS) {
      throw Reject.limit("Danh sách chờ đã đầy", "The queue is full");
    }
    d.emit(new FloorRequested(d.nextId("fr"), p.id(), p.endpointId(), kind, c.articleId(), c.forHall(), d.now));
  }

  private void withdraw(WithdrawFloorRequest c, Decide d) {
    FloorRequest r = request(c.requestId());
    if (!r.participantId().equals(d.participant().id())) {
      throw Reject.forbidden("Chỉ người đăng ký mới rút được đăng ký", "Only the requester may withdraw a request");
    }
    requireWaiting(r);
    d.emit(new FloorRequestWithdrawn(r.id()));
  }

  private void approve(ApproveFloorRequest c, Decide d) {
    FloorRequest r = request(c.requestId());
    conf.lifecycle.require(LIVE);
    if (r.status() != FloorRequestStatus.WAITING) {
      throw Reject.wrongState("Chỉ duyệt được đăng ký đang chờ duyệt", "Only a request waiting for approval can be approved");
    }
    d.emit(new FloorRequestApproved(r.id()));
  }

  private void reject(RejectFloorRequest c, Decide d) {
    String reason = Check.text(c.reason(), Check.REASON, Limits.REASON, false, false);
    FloorRequest r = request(c.requestId());
    conf.lifecycle.require(LIVE);
    requireWaiting(r);
    d.emit(new FloorRequestRejected(r.id(), reason));
  }

  private void move(MoveFloorRequest c, Decide d) {
    FloorRequest r = request(c.requestId());
    conf.lifecycle.require(LIVE);
    requireWaiting(r);
    if (c.position() < 0 || c.position() >= waiting.size()) {
      throw Reject.invalid("Vị trí phải từ 0 đến " + (waiting.size() - 1), "The position must be between 0 and " + (waiting.size() - 1));
    }
    d.emit(new FloorRequestMoved(r.id(), c.position()));
  }

  private void grant(GrantFloor c, Decide d) {
    FloorRequest r = request(c.requestId());
    conf.lifecycle.require(LIVE);
    requireWaiting(r);
    if (current != null) {
      throw Reject.conflict("Đang có người phát biểu; hãy kết thúc lượt trước", "Somebody has the floor; end that turn first");
    }
    d.emit(new FloorGranted(r.id(), r.participantId(), d.now, conf.info().settings().speakingLimitSeconds()));
  }

  private void pause(PauseSpeech c, Decide d) {
    conf.lifecycle.require(LIVE);
    Speech s = requireCurrent();
    if (s.paused()) {
      throw Reject.wrongState("Lượt phát biểu đang tạm dừng", "The turn is already paused");
    }
    d.emit(new SpeechPaused(s.requestId(), d.now));
  }

  private void resume(ResumeSpeech c, Decide d) {
    conf.lifecycle.require(LIVE);
    Speech s = requireCurrent();
    if (!s.paused()) {
      throw Reject.wrongState("Lượt phát biểu không tạm dừng", "The turn is not paused");
    }
    d.emit(new SpeechResumed(s.requestId(), d.now));
  }

  private void end(EndSpeech c, Decide d) {
    conf.lifecycle.require(LIVE);
    requireCurrent();
    endCurrent(d);
  }

  private Speech requireCurrent() {
    if (current == null) {
      throw Reject.wrongState("Không có ai đang phát biểu", "Nobody has the floor");
    }
    return current;
  }

  private FloorRequest request(String id) {
    FloorRequest r = id == null ? null : requests.get(id);
    if (r == null) {
      throw Reject.notFound("Không tìm thấy đăng ký phát biểu " + id, "Request " + id + " not found");
    }
    return r;
  }

  private static void requireWaiting(FloorRequest r) {
    if (!r.status().waiting()) {
      throw Reject.wrongState("Đăng ký này không còn trong danh sách chờ", "This request is no longer waiting");
    }
  }

  /** Time spent in the current turn, for views. */
  long elapsedMillis(Instant now) {
    return current == null ? 0 : current.elapsedMillis(now);
  }
}
