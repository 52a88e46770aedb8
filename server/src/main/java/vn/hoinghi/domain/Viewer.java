package vn.hoinghi.domain;

/**
 * Somebody looking at the conference: a participant, or a screen without a participant (an organizer's console when
 * {@code organizer} is true, otherwise an observer/projector screen that sees only what everyone sees).
 */
public record Viewer(String participantId, boolean organizer) {

  public static Viewer participant(String participantId) {
    return new Viewer(participantId, false);
  }

  public static Viewer organizerConsole() {
    return new Viewer(null, true);
  }

  public static Viewer publicScreen() {
    return new Viewer(null, false);
  }
}
