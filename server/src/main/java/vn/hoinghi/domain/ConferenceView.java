package vn.hoinghi.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import vn.hoinghi.domain.document.DraftDocument;
import vn.hoinghi.domain.document.DraftOutline;

/**
 * What one viewer may see of a conference at sequence {@code asOfSeq}, computed at {@code at}: the resume snapshot of
 * the live feed and the body of REST reads. Invites appear only for moderators and the invited endpoint's hosts;
 * ballots only the viewer's own (moderators also see named ballots, nobody sees whose secret ballot is whose); a
 * hidden annotation's text only for its author and the moderators. Times that run (agenda item, speech) are given as
 * elapsed milliseconds at {@code at}, derived from event times. Pending join requests, the delegate list's details
 * and who was marked present go to the moderators and, for their own hall, the hosts. The report's heading block and
 * signature ({@code reportHeading}, null until set) go to the moderators only.
 */
public record ConferenceView(String conferenceId, long asOfSeq, Instant at, @Nullable ConferenceInfo info,
    @Nullable Participant me, boolean moderator, List<Endpoint> endpoints, List<Participant> participants,
    List<Invite> invites, List<AgendaEntry> agenda, @Nullable DraftView draft, List<VoteView> votes,
    QueueView speakerQueue, List<Annotation> annotations, List<JoinRequest> joinRequests,
    List<DelegateDetails> delegates, List<String> markedPresent, @Nullable ReportHeading reportHeading) {

  public record AgendaEntry(AgendaItem item, long elapsedMillis) {}

  /**
   * The current draft version; {@code versions} says how many exist. {@code documentEtag} names this version's text
   * and {@code outline} gives its headings (parts, chapters, sections, articles: ids, numbers, titles). REST state
   * reads carry the {@code document} too; the live feed's snapshot leaves it out (clients fetch it once by version).
   */
  public record DraftView(int version, int versions, @Nullable DraftDocument document, @Nullable String note,
      Instant importedAt, String documentEtag, @Nullable List<DraftOutline.OutlineNode> outline) {}

  /**
   * The data of a DraftVersionImported event as the live feed sends it: the log's event without the document, plus
   * the version's {@code documentEtag} and {@code outline} (as in {@link DraftView}). The log and the audit keep the
   * whole document.
   */
  public record DraftImported(int version, @Nullable String note, String importedBy, Instant at, String documentEtag,
      @Nullable List<DraftOutline.OutlineNode> outline) {}

  /** A vote with its live tallies per article, the halls' collective results and the ballots this viewer may see. */
  public record VoteView(Vote vote, Map<String, Tally> tallies, List<HallResult> hallResults, List<Ballot> ballots) {}

  public record QueueView(boolean open, List<FloorRequest> waiting, @Nullable Speech current, long currentElapsedMillis,
      List<SpeechRecord> history) {}
}
