package vn.hoinghi.domain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.hoinghi.domain.Command.ImportWrittenOpinions;
import vn.hoinghi.domain.Command.MergeOpinions;
import vn.hoinghi.domain.Command.RecordSpeechSummary;
import vn.hoinghi.domain.Command.RecordWrittenOpinion;
import vn.hoinghi.domain.Command.RespondToOpinion;
import vn.hoinghi.domain.Command.UnmergeOpinion;
import vn.hoinghi.domain.Event.AnnotationResponded;
import vn.hoinghi.domain.Event.OpinionResponded;
import vn.hoinghi.domain.Event.OpinionUnmerged;
import vn.hoinghi.domain.Event.OpinionsMerged;
import vn.hoinghi.domain.Event.SpeechSummaryRecorded;
import vn.hoinghi.domain.Event.WrittenOpinionRecorded;
import vn.hoinghi.domain.Event.WrittenOpinionsImported;

/**
 * The opinions of the report's table beyond annotations: written opinions of agencies, summaries of speeches, the
 * ids of ballots' "ý kiến khác", one answer command for every kind of opinion, and merges of near-identical opinions
 * into one row. Everything here is the drafting team's work: chair and secretary, seen by the moderators.
 */
final class Opinions {

  static final Check.Field AGENCY = new Check.Field("cơ quan góp ý", "agency");
  static final Check.Field LETTER_NUMBER = new Check.Field("số công văn", "letter number");
  static final Check.Field OPINION_TEXT = new Check.Field("nội dung góp ý", "opinion text");
  static final Check.Field SUMMARY = new Check.Field("tóm tắt phát biểu", "speech summary");
  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  private final Conference conf;
  final Map<String, WrittenOpinion> written = new LinkedHashMap<>();
  final Map<String, String> speechSummaries = new LinkedHashMap<>();
  final Map<String, Response> responses = new HashMap<>();
  final Map<String, String> mergedInto = new LinkedHashMap<>();
  final Map<String, String> ballotOpinionIds = new HashMap<>();

  Opinions(Conference conf) {
    this.conf = conf;
  }

  void register(Tables t) {
    t.handlers()
        .handle(RecordWrittenOpinion.class, this::recordWritten)
        .handle(ImportWrittenOpinions.class, this::importWritten)
        .handle(RecordSpeechSummary.class, this::recordSummary)
        .handle(RespondToOpinion.class, this::respond)
        .handle(MergeOpinions.class, this::merge)
        .handle(UnmergeOpinion.class, this::unmerge);
    t.folds()
        .fold(WrittenOpinionRecorded.class, this::putWritten)
        .fold(WrittenOpinionsImported.class, e -> e.opinions().forEach(this::putWritten))
        .fold(SpeechSummaryRecorded.class, e -> speechSummaries.put(e.requestId(), e.summary()))
        .fold(OpinionResponded.class, e -> responses.put(e.opinionId(),
            new Response(e.response(), e.text(), e.respondedBy(), e.at())))
        .fold(OpinionsMerged.class, e -> {
          for (String id : e.opinionIds()) {
            mergedInto.replaceAll((k, v) -> v.equals(id) ? e.intoId() : v);
            mergedInto.put(id, e.intoId());
          }
        })
        .fold(OpinionUnmerged.class, e -> mergedInto.remove(e.opinionId()));
    t.audiences()
        .map(WrittenOpinionRecorded.class, e -> Audience.MODERATORS)
        .map(WrittenOpinionsImported.class, e -> Audience.MODERATORS)
        .map(SpeechSummaryRecorded.class, e -> Audience.MODERATORS)
        .map(OpinionResponded.class, e -> Audience.MODERATORS)
        .map(OpinionsMerged.class, e -> Audience.MODERATORS)
        .map(OpinionUnmerged.class, e -> Audience.MODERATORS);
  }

  OpinionState state() {
    return new OpinionState(List.copyOf(written.values()), speechSummaries, responses, mergedInto, ballotOpinionIds);
  }

  void restore(OpinionState s) {
    if (s == null) return;
    s.written().forEach(w -> written.put(w.id(), w));
    speechSummaries.putAll(s.speechSummaries());
    responses.putAll(s.responses());
    mergedInto.putAll(s.mergedInto());
    ballotOpinionIds.putAll(s.ballotOpinionIds());
  }

  private void putWritten(WrittenOpinionRecorded e) {
    written.put(e.opinionId(), new WrittenOpinion(e.opinionId(), e.agency(), e.letterNumber(), e.letterDate(),
        e.nodeId(), e.draftVersion(), e.text(), e.recordedBy(), e.at()));
  }

  /** Gives a ballot's "ý kiến khác" its opinion id the first time it has one; the id stays if it is cast again. */
  void noteBallot(Ballot b) {
    if (b.choice() == Choice.OTHER && b.text() != null && !b.text().isBlank()) {
      ballotOpinionIds.computeIfAbsent(ballotKey(b), k -> "vo-" + (ballotOpinionIds.size() + 1));
    }
  }

  static String ballotKey(Ballot b) {
    return b.voteId() + "|" + b.articleId() + "|" + b.voter();
  }

  // --- Written opinions -------------------------------------------------------------------------------------------

  private void recordWritten(RecordWrittenOpinion c, Decide d) {
    requireOpen();
    d.emit(writtenEvent(c, d.nextId("wo"), d));
  }

  /** Every row checked as {@link #recordWritten}; any problem refuses all, one detail per row ("dòng N: … / row N: …"). */
  private void importWritten(ImportWrittenOpinions c, Decide d) {
    List<RecordWrittenOpinion> rows = c.opinions() == null ? List.of() : c.opinions();
    if (rows.isEmpty() || rows.size() > Limits.WRITTEN_OPINIONS_PER_IMPORT) {
      throw Reject.invalid("Cần 1–" + Limits.WRITTEN_OPINIONS_PER_IMPORT + " ý kiến",
          "An import holds 1–" + Limits.WRITTEN_OPINIONS_PER_IMPORT + " opinions");
    }
    requireOpen();
    String firstId = d.nextId("wo");
    List<WrittenOpinionRecorded> out = new ArrayList<>();
    List<String> details = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      RecordWrittenOpinion row = rows.get(i) == null ? new RecordWrittenOpinion(null, null, null, null, null) : rows.get(i);
      try {
        out.add(writtenEvent(row, firstId + "-" + (i + 1), d));
      } catch (Reject r) {
        details.add("dòng " + (i + 1) + ": " + r.rejection.messageVi() + " / row " + (i + 1) + ": " + r.rejection.messageEn());
      }
    }
    if (!details.isEmpty()) {
      throw Reject.of(RejectionCode.INVALID, details.size() + " ý kiến không nhận được; không ý kiến nào được thêm",
          details.size() + " opinions cannot be recorded; none was recorded",
          details.stream().limit(Limits.PROBLEM_DETAILS).toList());
    }
    d.emit(new WrittenOpinionsImported(out));
  }

  private WrittenOpinionRecorded writtenEvent(RecordWrittenOpinion c, String id, Decide d) {
    String agency = Check.text(c.agency(), AGENCY, Limits.NAME, true, false);
    String number = Check.text(c.letterNumber(), LETTER_NUMBER, Limits.LETTER_NUMBER, false, false);
    String date = c.letterDate() == null || c.letterDate().isBlank() ? null : c.letterDate().strip();
    if (date != null) {
      LocalDate day;
      try {
        day = LocalDate.parse(date);
      } catch (java.time.format.DateTimeParseException e) {
        throw Reject.invalid("Ngày công văn \"" + date + "\" không đúng dạng năm-tháng-ngày (2026-12-03)",
            "The letter date \"" + date + "\" is not a yyyy-mm-dd date");
      }
      if (day.isAfter(d.now.atZone(VIETNAM).toLocalDate()) || day.getYear() < 1945) {
        throw Reject.invalid("Ngày công văn " + date + " không hợp lệ (sau hôm nay hoặc trước năm 1945)",
            "The letter date " + date + " is in the future or before 1945");
      }
      date = day.toString();
    }
    String text = Check.text(c.text(), OPINION_TEXT, Limits.ANNOTATION_BODY, true, true);
    String nodeId = c.nodeId() == null || c.nodeId().isBlank() ? null : conf.drafts.currentNode(c.nodeId()).id();
    return new WrittenOpinionRecorded(id, agency, number, date, nodeId, conf.drafts.currentVersion(), text,
        d.actorName(), d.now);
  }

  private void requireOpen() {
    conf.lifecycle.requireNotClosed();
    if (conf.drafts.current() == null) {
      throw Reject.wrongState("Chưa có dự thảo để góp ý", "There is no draft to give an opinion on");
    }
  }

  // --- Speeches ---------------------------------------------------------------------------------------------------

  private void recordSummary(RecordSpeechSummary c, Decide d) {
    String summary = Check.text(c.summary(), SUMMARY, Limits.BALLOT_TEXT, true, true);
    String id = Check.required(c.requestId(), "lượt phát biểu", "requestId");
    if (!spoke(id)) {
      throw Reject.notFound("Không tìm thấy lượt phát biểu " + id + " (đang phát biểu hoặc đã phát biểu)",
          "No speech in progress or ended for request " + id);
    }
    d.emit(new SpeechSummaryRecorded(id, summary, d.actorName(), d.now));
  }

  private boolean spoke(String requestId) {
    Speech current = conf.speakerQueue.current;
    if (current != null && current.requestId().equals(requestId)) return true;
    return conf.speakerQueue.history.stream().anyMatch(s -> s.requestId().equals(requestId));
  }

  // --- Answers and merges -----------------------------------------------------------------------------------------

  private void respond(RespondToOpinion c, Decide d) {
    ResponseKind kind = Check.required(c.response(), "hình thức tiếp thu", "response");
    String text = Check.text(c.text(), new Check.Field("nội dung giải trình", "explanation"), Limits.RESPONSE_TEXT,
        kind == ResponseKind.EXPLAINED, true);
    String id = requireOpinion(c.opinionId());
    String into = mergedInto.get(id);
    if (into != null) {
      throw Reject.wrongState("Ý kiến này đã được gộp; hãy trả lời ở dòng của ý kiến " + into,
          "This opinion is merged; answer the row of " + into);
    }
    if (conf.annotations.annotations.containsKey(id)) {
      d.emit(new AnnotationResponded(id, kind, text, d.actorName(), d.now));
    } else {
      d.emit(new OpinionResponded(id, kind, text, d.actorName(), d.now));
    }
  }

  private void merge(MergeOpinions c, Decide d) {
    List<String> ids = c.opinionIds() == null ? List.of() : c.opinionIds();
    if (ids.size() < 2 || ids.size() > Limits.MERGED_OPINIONS) {
      throw Reject.invalid("Cần gộp từ 2 đến " + Limits.MERGED_OPINIONS + " ý kiến",
          "A merge takes 2–" + Limits.MERGED_OPINIONS + " opinions");
    }
    Set<String> seen = new HashSet<>();
    for (String id : ids) {
      requireOpinion(id);
      if (!seen.add(id)) {
        throw Reject.invalid("Ý kiến " + id + " được chọn hai lần", "Opinion " + id + " is listed twice");
      }
      if (mergedInto.containsKey(id)) {
        throw Reject.conflict("Ý kiến " + id + " đã được gộp vào ý kiến " + mergedInto.get(id),
            "Opinion " + id + " is already merged into " + mergedInto.get(id));
      }
    }
    d.emit(new OpinionsMerged(ids.get(0), ids.subList(1, ids.size())));
  }

  private void unmerge(UnmergeOpinion c, Decide d) {
    String id = Check.required(c.opinionId(), "ý kiến", "opinionId");
    if (!mergedInto.containsKey(id)) {
      throw Reject.wrongState("Ý kiến " + id + " không được gộp vào dòng nào", "Opinion " + id + " is not merged");
    }
    d.emit(new OpinionUnmerged(id));
  }

  /** The id if it names an opinion of the table: a visible thread's first annotation, a written opinion, a ballot's
   *  "ý kiến khác" or a summarized speech. */
  private String requireOpinion(String id) {
    if (id != null) {
      Annotation a = conf.annotations.annotations.get(id);
      if (a != null && !a.reply() && a.status() != AnnotationStatus.DELETED) return id;
      if (written.containsKey(id) || speechSummaries.containsKey(id)) return id;
      if (id.startsWith("vo-") && ballotOpinion(id) != null) return id;
    }
    throw Reject.notFound("Không tìm thấy ý kiến " + id, "Opinion " + id + " not found");
  }

  /** The ballot whose "ý kiến khác" has this id, while it still has one. */
  Ballot ballotOpinion(String id) {
    for (Ballot b : conf.voting.ballots.values()) {
      if (b.choice() == Choice.OTHER && b.text() != null && !b.text().isBlank() && id.equals(ballotOpinionIds.get(ballotKey(b)))) {
        return b;
      }
    }
    return null;
  }
}
