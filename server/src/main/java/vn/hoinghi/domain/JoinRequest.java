package vn.hoinghi.domain;

import java.time.Instant;

/**
 * Somebody who opened a hall's shared link and waits for the hall's host (or a moderator) to admit them. They typed
 * {@code displayName}, or picked a listed delegate ({@code claimedParticipantId}). {@code duplicateOf} names the
 * participant or the other pending request this one may repeat (the same listed delegate claimed twice, or the same
 * name in the same hall): the host sees it and must confirm to admit. {@code keyHash} is the SHA-256 of the secret
 * the requester's device holds to learn the answer.
 */
public record JoinRequest(String id, String inviteCode, String endpointId, String displayName,
    @Nullable String claimedParticipantId, @Nullable String duplicateOf, String keyHash, Instant at, Status status,
    @Nullable String participantId, @Nullable String reason) {

  public enum Status { PENDING, ADMITTED, REFUSED }

  JoinRequest decided(Status s, String participant, String why) {
    return new JoinRequest(id, inviteCode, endpointId, displayName, claimedParticipantId, duplicateOf, keyHash, at, s,
        participant, why);
  }
}
