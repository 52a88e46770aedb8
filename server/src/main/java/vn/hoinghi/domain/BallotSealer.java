package vn.hoinghi.domain;

/**
 * Pseudonymizes voters of anonymous votes (an HMAC with a server secret, in the server); the core only calls it.
 * The key must be stable for one participant in one vote and must not reveal the participant without the secret.
 */
public interface BallotSealer {
  String voterKey(String conferenceId, String voteId, String participantId);
}
