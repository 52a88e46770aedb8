package vn.hoinghi.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import vn.hoinghi.domain.Annotation;
import vn.hoinghi.domain.AnnotationStatus;
import vn.hoinghi.domain.Conference;
import vn.hoinghi.domain.Participant;
import vn.hoinghi.store.StoredEvent;
import vn.hoinghi.wire.Codec;

/**
 * The whole event history of a conference as audit rows: who did what, when. Built from the stored log, with two
 * things taken out. A ballot of an anonymous vote keeps only its vote, article, choice and minute: no voter key, hall,
 * text or command id (a client chooses command ids and may put a name in them); the row says "anonymous voter". The text
 * of an annotation its author has deleted is left out of every row that carried it, as the live feed does.
 */
public final class AuditLog {

  public static final String ANONYMOUS_VOTER = "anonymous-voter";
  /** All that an audit row shows of a secret ballot's data (docs/security.md, "Secret ballots in the audit log"). */
  public static final List<String> SECRET_BALLOT_FIELDS = List.of("voteId", "articleId", "choice");
  public static final List<String> CSV_HEADER = List.of("seq", "at", "type", "actor", "actorName", "commandId", "data");

  private AuditLog() {}

  /** One audit row. {@code data} is the event's JSON, redacted where needed. */
  public record Row(long seq, Instant at, String type, String actor, String actorName, String commandId,
      JsonNode data) {

    public List<String> cells() {
      return List.of(Long.toString(seq), at == null ? "" : at.toString(), type, actor == null ? "" : actor,
          actorName == null ? "" : actorName, commandId == null ? "" : commandId, data.toString());
    }

    /** The row as one line of JSON Lines. */
    public String jsonLine() {
      ObjectNode o = Codec.mapper().createObjectNode();
      o.put("seq", seq).put("at", at == null ? null : at.toString()).put("type", type).put("actor", actor)
          .put("actorName", actorName);
      if (commandId != null) o.put("commandId", commandId);
      o.set("data", data);
      return o.toString();
    }
  }

  /** What naming and redaction need from the current state: names of people, deleted annotations. */
  public record Directory(Map<String, String> participantNames, Set<String> deletedAnnotations,
      Function<String, String> accountNames) {}

  public static Directory directory(Conference c, Function<String, String> accountNames) {
    Map<String, String> names = new HashMap<>();
    for (Participant p : c.participants()) {
      names.put(p.id(), p.displayName());
    }
    Set<String> deleted = new HashSet<>();
    for (Annotation a : c.annotations()) {
      if (a.status() == AnnotationStatus.DELETED) {
        deleted.add(a.id());
      }
    }
    return new Directory(Map.copyOf(names), Set.copyOf(deleted), accountNames);
  }

  public static Row row(StoredEvent e, Directory d) {
    JsonNode data;
    try {
      data = Codec.mapper().readTree(e.payload());
    } catch (Exception ex) {
      data = Codec.mapper().getNodeFactory().textNode(e.payload());
    }
    if ("SecretBallotCast".equals(e.type()) || (e.actor() != null && e.actor().startsWith("voter:"))) {
      return secretBallot(e, data);
    }
    if (data instanceof ObjectNode o && o.hasNonNull("annotationId")
        && d.deletedAnnotations().contains(o.get("annotationId").asText()) && (o.has("body") || o.has("replacement"))) {
      o.remove("body");
      o.remove("replacement");
      o.put("redacted", "tác giả đã xóa góp ý / deleted by its author");
    }
    return new Row(e.seq(), e.at(), e.type(), e.actor(), name(e.actor(), d), e.commandId(), data);
  }

  /**
   * A ballot of an anonymous vote keeps only what the tallies already say: which vote, which article, which choice,
   * and the minute. In a hall of three, the hall and the second (next to the hall's check-in or a named action) would
   * name the voter; the text of an "other opinion" reaches nobody but its voter anywhere else either.
   */
  private static Row secretBallot(StoredEvent e, JsonNode data) {
    ObjectNode kept = Codec.mapper().createObjectNode();
    for (String field : SECRET_BALLOT_FIELDS) {
      if (data.hasNonNull(field)) kept.set(field, data.get(field));
    }
    Instant minute = e.at() == null ? null : e.at().truncatedTo(ChronoUnit.MINUTES);
    return new Row(e.seq(), minute, e.type(), ANONYMOUS_VOTER, "Phiếu kín", null, kept);
  }

  private static String name(String actor, Directory d) {
    if (actor == null) return null;
    if (d.participantNames().containsKey(actor)) return d.participantNames().get(actor);
    if (actor.startsWith("organizer:")) {
      String n = d.accountNames().apply(actor.substring("organizer:".length()));
      return n == null ? "Ban tổ chức" : n;
    }
    return switch (actor) {
      case "system" -> "Hệ thống";
      case "anonymous" -> "Khách dùng mã mời";
      default -> actor;
    };
  }
}
