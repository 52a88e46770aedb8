package vn.hoinghi.domain;

import java.util.List;
import java.util.Map;

/**
 * The admission part of a {@link ConferenceSnapshot}: delegate details, join requests, session numbers, attendance
 * marks and which participant each used single-use invite belongs to. Null-safe, so that a snapshot written before
 * this part existed restores as empty.
 */
public record AdmissionState(List<DelegateDetails> details, List<JoinRequest> requests, Map<String, Integer> sessions,
    Map<String, Boolean> attendance, Map<String, String> soloInviteHolder) {

  public AdmissionState {
    details = details == null ? List.of() : List.copyOf(details);
    requests = requests == null ? List.of() : List.copyOf(requests);
    sessions = sessions == null ? Map.of() : Map.copyOf(sessions);
    attendance = attendance == null ? Map.of() : Map.copyOf(attendance);
    soloInviteHolder = soloInviteHolder == null ? Map.of() : Map.copyOf(soloInviteHolder);
  }
}
