package vn.hoinghi.domain;

import java.util.Set;

/**
 * A person in the conference. Hosts and delegates belong to an endpoint; the chair and the secretary to the central
 * one; an observer may have none. Removed participants stay ({@code active} false) because ballots, annotations and
 * speeches refer to them.
 */
public record Participant(String id, String displayName, Set<Role> roles, @Nullable String endpointId, boolean active) {

  public Participant {
    roles = Roles.copy(roles);
  }

  public boolean has(Role r) {
    return roles.contains(r);
  }

  public boolean moderator() {
    return active && (roles.contains(Role.CHAIR) || roles.contains(Role.SECRETARY));
  }
}
