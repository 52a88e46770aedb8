package vn.hoinghi.domain;

/**
 * Who may receive an event, live or on resume. The log is not the feed: a client's feed is the subsequence of the log
 * its audience admits. Decide membership with {@link ConferenceViews#admits(Audience, Viewer)}.
 */
public sealed interface Audience {

  Audience EVERYONE = new Everyone();
  Audience MODERATORS = new Moderators();

  boolean admits(Recipient r);

  /** What membership needs to know about one viewer; {@link ConferenceViews#admits} provides it. */
  interface Recipient {
    /** Null for a screen without a participant. */
    String participantId();

    /** The chair, the secretary, or an organizer console. */
    boolean moderator();

    boolean hosts(String endpointId);

    boolean holdsVoterKey(String voteId, String voterKey);
  }

  /** Every participant and every screen. */
  record Everyone() implements Audience {
    public boolean admits(Recipient r) {
      return true;
    }
  }

  /** The chair and the secretary, and organizer consoles. */
  record Moderators() implements Audience {
    public boolean admits(Recipient r) {
      return r.moderator();
    }
  }

  /** One participant only. */
  record Participant(String participantId) implements Audience {
    public boolean admits(Recipient r) {
      return participantId.equals(r.participantId());
    }
  }

  /** One participant and the moderators (e.g. a named ballot, a hidden annotation's author). */
  record ParticipantAndModerators(String participantId) implements Audience {
    public boolean admits(Recipient r) {
      return r.moderator() || participantId.equals(r.participantId());
    }
  }

  /** Only the holder of this voter key in this vote: a ballot of an anonymous vote. Not even the moderators. */
  record Voter(String voteId, String voterKey) implements Audience {
    public boolean admits(Recipient r) {
      return r.holdsVoterKey(voteId, voterKey);
    }
  }

  /** The hosts of one endpoint, plus the moderators (e.g. that endpoint's invite codes). */
  record EndpointHosts(String endpointId) implements Audience {
    public boolean admits(Recipient r) {
      return r.moderator() || r.hosts(endpointId);
    }
  }
}
