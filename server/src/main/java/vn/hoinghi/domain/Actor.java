package vn.hoinghi.domain;

import java.util.Objects;

/** Who sends a command, as established by the gateway from a verified token. */
public record Actor(String id, Kind kind) {

  public enum Kind {
    /** A registered participant of this conference; {@code id} is the participant id. */
    PARTICIPANT,
    /** An account with organizer rights; {@code id} is the account id. Not a participant. */
    ORGANIZER,
    /** Somebody without an identity yet: may only join with an invite code. */
    ANONYMOUS,
    /** The server itself, e.g. closing feedback when the deadline has passed. */
    SYSTEM
  }

  public Actor {
    Objects.requireNonNull(kind, "kind");
    if ((kind == Kind.PARTICIPANT || kind == Kind.ORGANIZER) && (id == null || id.isBlank())) {
      throw new IllegalArgumentException(kind + " actor needs an id");
    }
    if (kind == Kind.ANONYMOUS) {
      id = null;
    }
    if (kind == Kind.SYSTEM) {
      id = "system";
    }
  }

  public static Actor participant(String id) {
    return new Actor(id, Kind.PARTICIPANT);
  }

  public static Actor organizer(String accountId) {
    return new Actor(accountId, Kind.ORGANIZER);
  }

  public static Actor anonymous() {
    return new Actor(null, Kind.ANONYMOUS);
  }

  public static Actor system() {
    return new Actor("system", Kind.SYSTEM);
  }

  /**
   * The actor as the log records it. Prefixes keep the kinds apart: participant ids are generated ({@code p-12}) and
   * never contain a colon. Ballots of anonymous votes are recorded under a voter key instead (see
   * {@link Conference#decide}).
   */
  public String recordedName() {
    return switch (kind) {
      case PARTICIPANT -> id;
      case ORGANIZER -> "organizer:" + id;
      case ANONYMOUS -> "anonymous";
      case SYSTEM -> "system";
    };
  }
}
