package vn.hoinghi.wire;

import static java.util.Map.entry;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.hoinghi.domain.Command;
import vn.hoinghi.domain.Event;

/**
 * The stored and wire name of every event and command, written out: a record can be renamed in Java without changing
 * the name under which the log holds it (and clients send it). A name, once stored, is never reused for another
 * meaning; a type renamed for the log's sake gets an entry in {@link Upcasters} instead. Checked complete when the
 * class loads: every permitted subtype of {@link Event} and {@link Command} has exactly one name, no name twice.
 * Adding an event or a command means adding its line here ({@code TypeNamesTest} and the server's start fail
 * otherwise).
 */
public final class TypeNames {

  private static final List<Map.Entry<String, Class<? extends Event>>> EVENTS = List.of(
      entry("DelegatesListed", Event.DelegatesListed.class),
      entry("EndpointAdded", Event.EndpointAdded.class),
      entry("ConferenceCreated", Event.ConferenceCreated.class),
      entry("ConferenceDetailsUpdated", Event.ConferenceDetailsUpdated.class),
      entry("SettingsUpdated", Event.SettingsUpdated.class),
      entry("ConferenceScheduled", Event.ConferenceScheduled.class),
      entry("ConferenceStarted", Event.ConferenceStarted.class),
      entry("FeedbackOpened", Event.FeedbackOpened.class),
      entry("FeedbackDeadlineChanged", Event.FeedbackDeadlineChanged.class),
      entry("ConferenceClosed", Event.ConferenceClosed.class),
      entry("EndpointsImported", Event.EndpointsImported.class),
      entry("EndpointUpdated", Event.EndpointUpdated.class),
      entry("EndpointCheckedIn", Event.EndpointCheckedIn.class),
      entry("HeadCountUpdated", Event.HeadCountUpdated.class),
      entry("EndpointCheckedOut", Event.EndpointCheckedOut.class),
      entry("ParticipantRegistered", Event.ParticipantRegistered.class),
      entry("ParticipantUpdated", Event.ParticipantUpdated.class),
      entry("ParticipantRemoved", Event.ParticipantRemoved.class),
      entry("DelegateDetailsRecorded", Event.DelegateDetailsRecorded.class),
      entry("JoinRequested", Event.JoinRequested.class),
      entry("JoinRequestAdmitted", Event.JoinRequestAdmitted.class),
      entry("JoinRequestRefused", Event.JoinRequestRefused.class),
      entry("SessionStarted", Event.SessionStarted.class),
      entry("SessionsEnded", Event.SessionsEnded.class),
      entry("AttendanceMarked", Event.AttendanceMarked.class),
      entry("BallotsWithdrawn", Event.BallotsWithdrawn.class),
      entry("InviteIssued", Event.InviteIssued.class),
      entry("InviteRevoked", Event.InviteRevoked.class),
      entry("InviteUsed", Event.InviteUsed.class),
      entry("AgendaItemAdded", Event.AgendaItemAdded.class),
      entry("AgendaItemUpdated", Event.AgendaItemUpdated.class),
      entry("AgendaItemMoved", Event.AgendaItemMoved.class),
      entry("AgendaItemRemoved", Event.AgendaItemRemoved.class),
      entry("AgendaItemStarted", Event.AgendaItemStarted.class),
      entry("AgendaItemCompleted", Event.AgendaItemCompleted.class),
      entry("DraftVersionImported", Event.DraftVersionImported.class),
      entry("AnnotationReanchored", Event.AnnotationReanchored.class),
      entry("VoteOpened", Event.VoteOpened.class),
      entry("BallotCast", Event.BallotCast.class),
      entry("SecretBallotCast", Event.SecretBallotCast.class),
      entry("HallResultRecorded", Event.HallResultRecorded.class),
      entry("HallResultCleared", Event.HallResultCleared.class),
      entry("VoteClosed", Event.VoteClosed.class),
      entry("VoteReopened", Event.VoteReopened.class),
      entry("SpeakerQueueOpened", Event.SpeakerQueueOpened.class),
      entry("SpeakerQueueClosed", Event.SpeakerQueueClosed.class),
      entry("FloorRequested", Event.FloorRequested.class),
      entry("FloorRequestWithdrawn", Event.FloorRequestWithdrawn.class),
      entry("FloorRequestApproved", Event.FloorRequestApproved.class),
      entry("FloorRequestRejected", Event.FloorRequestRejected.class),
      entry("FloorRequestMoved", Event.FloorRequestMoved.class),
      entry("FloorGranted", Event.FloorGranted.class),
      entry("SpeechPaused", Event.SpeechPaused.class),
      entry("SpeechResumed", Event.SpeechResumed.class),
      entry("SpeechEnded", Event.SpeechEnded.class),
      entry("AnnotationAdded", Event.AnnotationAdded.class),
      entry("ReplyAdded", Event.ReplyAdded.class),
      entry("AnnotationEdited", Event.AnnotationEdited.class),
      entry("AnnotationDeleted", Event.AnnotationDeleted.class),
      entry("AnnotationHidden", Event.AnnotationHidden.class),
      entry("AnnotationRestored", Event.AnnotationRestored.class),
      entry("AnnotationResponded", Event.AnnotationResponded.class),
      entry("WrittenOpinionRecorded", Event.WrittenOpinionRecorded.class),
      entry("WrittenOpinionsImported", Event.WrittenOpinionsImported.class),
      entry("SpeechSummaryRecorded", Event.SpeechSummaryRecorded.class),
      entry("OpinionResponded", Event.OpinionResponded.class),
      entry("OpinionsMerged", Event.OpinionsMerged.class),
      entry("OpinionUnmerged", Event.OpinionUnmerged.class),
      entry("ReportHeadingSet", Event.ReportHeadingSet.class));

  private static final List<Map.Entry<String, Class<? extends Command>>> COMMANDS = List.of(
      entry("ImportDelegates", Command.ImportDelegates.class),
      entry("UpdateDelegateDetails", Command.UpdateDelegateDetails.class),
      entry("JoinWithInvite", Command.JoinWithInvite.class),
      entry("AdmitJoinRequest", Command.AdmitJoinRequest.class),
      entry("RefuseJoinRequest", Command.RefuseJoinRequest.class),
      entry("EndSessions", Command.EndSessions.class),
      entry("MarkAttendance", Command.MarkAttendance.class),
      entry("AddAnnotation", Command.AddAnnotation.class),
      entry("ReplyToAnnotation", Command.ReplyToAnnotation.class),
      entry("EditAnnotation", Command.EditAnnotation.class),
      entry("DeleteAnnotation", Command.DeleteAnnotation.class),
      entry("HideAnnotation", Command.HideAnnotation.class),
      entry("RestoreAnnotation", Command.RestoreAnnotation.class),
      entry("RespondToAnnotation", Command.RespondToAnnotation.class),
      entry("OpenSpeakerQueue", Command.OpenSpeakerQueue.class),
      entry("CloseSpeakerQueue", Command.CloseSpeakerQueue.class),
      entry("RequestFloor", Command.RequestFloor.class),
      entry("WithdrawFloorRequest", Command.WithdrawFloorRequest.class),
      entry("ApproveFloorRequest", Command.ApproveFloorRequest.class),
      entry("RejectFloorRequest", Command.RejectFloorRequest.class),
      entry("MoveFloorRequest", Command.MoveFloorRequest.class),
      entry("GrantFloor", Command.GrantFloor.class),
      entry("PauseSpeech", Command.PauseSpeech.class),
      entry("ResumeSpeech", Command.ResumeSpeech.class),
      entry("EndSpeech", Command.EndSpeech.class),
      entry("OpenVote", Command.OpenVote.class),
      entry("CastBallot", Command.CastBallot.class),
      entry("RecordHallResult", Command.RecordHallResult.class),
      entry("ClearHallResult", Command.ClearHallResult.class),
      entry("CloseVote", Command.CloseVote.class),
      entry("ReopenVote", Command.ReopenVote.class),
      entry("ImportDraft", Command.ImportDraft.class),
      entry("AddAgendaItem", Command.AddAgendaItem.class),
      entry("UpdateAgendaItem", Command.UpdateAgendaItem.class),
      entry("MoveAgendaItem", Command.MoveAgendaItem.class),
      entry("RemoveAgendaItem", Command.RemoveAgendaItem.class),
      entry("StartAgendaItem", Command.StartAgendaItem.class),
      entry("CompleteAgendaItem", Command.CompleteAgendaItem.class),
      entry("AddEndpoint", Command.AddEndpoint.class),
      entry("ImportEndpoints", Command.ImportEndpoints.class),
      entry("UpdateEndpoint", Command.UpdateEndpoint.class),
      entry("CheckInEndpoint", Command.CheckInEndpoint.class),
      entry("UpdateHeadCount", Command.UpdateHeadCount.class),
      entry("CheckOutEndpoint", Command.CheckOutEndpoint.class),
      entry("RegisterParticipant", Command.RegisterParticipant.class),
      entry("UpdateParticipant", Command.UpdateParticipant.class),
      entry("RemoveParticipant", Command.RemoveParticipant.class),
      entry("IssueInvite", Command.IssueInvite.class),
      entry("RevokeInvite", Command.RevokeInvite.class),
      entry("CreateConference", Command.CreateConference.class),
      entry("UpdateConferenceDetails", Command.UpdateConferenceDetails.class),
      entry("UpdateSettings", Command.UpdateSettings.class),
      entry("ScheduleConference", Command.ScheduleConference.class),
      entry("StartConference", Command.StartConference.class),
      entry("OpenFeedback", Command.OpenFeedback.class),
      entry("SetFeedbackDeadline", Command.SetFeedbackDeadline.class),
      entry("CloseConference", Command.CloseConference.class),
      entry("RecordWrittenOpinion", Command.RecordWrittenOpinion.class),
      entry("ImportWrittenOpinions", Command.ImportWrittenOpinions.class),
      entry("RecordSpeechSummary", Command.RecordSpeechSummary.class),
      entry("RespondToOpinion", Command.RespondToOpinion.class),
      entry("MergeOpinions", Command.MergeOpinions.class),
      entry("UnmergeOpinion", Command.UnmergeOpinion.class),
      entry("SetReportHeading", Command.SetReportHeading.class));

  static final Map<String, Class<? extends Event>> EVENT_BY_NAME = index(Event.class, Event.records(), EVENTS);
  static final Map<String, Class<? extends Command>> COMMAND_BY_NAME = index(Command.class, List.of(Command.class.getPermittedSubclasses()), COMMANDS);
  private static final Map<Class<?>, String> NAME_BY_TYPE = names();

  private TypeNames() {}

  /** The stored name of an event or command type; an {@link IllegalStateException} for a type without one. */
  public static String of(Class<?> type) {
    String n = NAME_BY_TYPE.get(type);
    if (n == null) throw new IllegalStateException("no stored name for " + type.getName() + " (add it to TypeNames)");
    return n;
  }

  public static Map<String, Class<? extends Event>> events() {
    return EVENT_BY_NAME;
  }

  public static Map<String, Class<? extends Command>> commands() {
    return COMMAND_BY_NAME;
  }

  /** {@code records}: every record of the sealed family {@code sealed} (events through their groups). */
  private static <T> Map<String, Class<? extends T>> index(Class<T> sealed, List<Class<?>> records,
      List<Map.Entry<String, Class<? extends T>>> entries) {
    Map<String, Class<? extends T>> out = new LinkedHashMap<>();
    Set<Class<?>> named = new HashSet<>();
    for (Map.Entry<String, Class<? extends T>> e : entries) {
      if (out.put(e.getKey(), e.getValue()) != null) {
        throw new IllegalStateException("two " + sealed.getSimpleName() + " types named " + e.getKey());
      }
      if (!named.add(e.getValue())) throw new IllegalStateException(e.getValue().getName() + " named twice");
    }
    List<String> missing = new java.util.ArrayList<>();
    for (Class<?> c : records) {
      if (!named.contains(c)) missing.add(c.getSimpleName());
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException(sealed.getSimpleName() + " types without a stored name in TypeNames: " + missing);
    }
    return Collections.unmodifiableMap(out);
  }

  private static Map<Class<?>, String> names() {
    Map<Class<?>, String> out = new java.util.HashMap<>();
    EVENT_BY_NAME.forEach((n, c) -> out.put(c, n));
    COMMAND_BY_NAME.forEach((n, c) -> out.put(c, n));
    return Collections.unmodifiableMap(out);
  }
}
