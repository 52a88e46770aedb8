package vn.hoinghi.domain;

import java.util.List;
import java.util.Map;

/**
 * The opinions part of a {@link ConferenceSnapshot}: written opinions; the summaries of speeches (request id → text);
 * answers to opinions that are not annotations (opinion id → answer); merges (opinion id → the opinion whose row it
 * joined); and the ids given to ballots' "ý kiến khác" (ballot key → opinion id; the key holds a secret ballot's voter
 * key and never leaves the core). Null-safe, so that a snapshot written before this part existed restores as empty.
 */
public record OpinionState(List<WrittenOpinion> written, Map<String, String> speechSummaries,
    Map<String, Response> responses, Map<String, String> mergedInto, Map<String, String> ballotOpinionIds) {

  public OpinionState {
    written = written == null ? List.of() : List.copyOf(written);
    speechSummaries = speechSummaries == null ? Map.of() : Map.copyOf(speechSummaries);
    responses = responses == null ? Map.of() : Map.copyOf(responses);
    mergedInto = mergedInto == null ? Map.of() : Map.copyOf(mergedInto);
    ballotOpinionIds = ballotOpinionIds == null ? Map.of() : Map.copyOf(ballotOpinionIds);
  }
}
