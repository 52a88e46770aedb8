package vn.hoinghi.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The full, unfiltered state of a conference at {@code version}, as records only, comparable with {@code equals}.
 * Derived indexes (tallies, lookups) are not in it: {@link Conference#restore} rebuilds them. {@code commands} is the
 * idempotency memory: per recorded actor, which commandIds produced which events. {@code info} is null before the
 * conference is created. {@code admission} and {@code opinions} are null in snapshots written before they existed;
 * {@code reportHeading} is null until the drafting team sets it.
 */
public record ConferenceSnapshot(String conferenceId, long version, ConferenceInfo info, List<Endpoint> endpoints,
    List<Participant> participants, List<Invite> invites, List<AgendaItem> agenda, List<DraftVersion> drafts,
    List<Vote> votes, List<Ballot> ballots, List<HallResult> hallResults, boolean speakerQueueOpen,
    List<FloorRequest> floorRequests, List<String> waitingRequests, Speech currentSpeech, List<SpeechRecord> speeches,
    List<Annotation> annotations, Map<String, Map<String, SeqRange>> commands, AdmissionState admission,
    OpinionState opinions, ReportHeading reportHeading) {

  public ConferenceSnapshot {
    endpoints = List.copyOf(endpoints);
    participants = List.copyOf(participants);
    invites = List.copyOf(invites);
    agenda = List.copyOf(agenda);
    drafts = List.copyOf(drafts);
    votes = List.copyOf(votes);
    ballots = List.copyOf(ballots);
    hallResults = List.copyOf(hallResults);
    floorRequests = List.copyOf(floorRequests);
    waitingRequests = List.copyOf(waitingRequests);
    speeches = List.copyOf(speeches);
    annotations = List.copyOf(annotations);
    Map<String, Map<String, SeqRange>> copy = new HashMap<>();
    commands.forEach((actor, ids) -> copy.put(actor, Map.copyOf(ids)));
    commands = Map.copyOf(copy);
    if (admission == null) admission = new AdmissionState(null, null, null, null, null);
    if (opinions == null) opinions = new OpinionState(null, null, null, null, null);
  }
}
