package vn.hoinghi.domain;

/**
 * What a code someone holds opens, before they join: a listed delegate's personal code (or a used single-use invite:
 * {@code participant} is the person it signs in), a hall's shared link (a DELEGATE invite of more than one use:
 * joining is a request the host admits), or another invite (joining creates a participant). {@code refusal} is null
 * when a join with it can go ahead now, else why not (revoked, expired, used up, person removed, conference closed).
 */
public record JoinCode(Kind kind, Invite invite, Participant participant, String endpointId, Rejection refusal) {

  public enum Kind { PERSONAL, HALL_LINK, INVITE }
}
