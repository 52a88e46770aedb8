package vn.hoinghi.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import vn.hoinghi.domain.Annotation;
import vn.hoinghi.domain.AnnotationKind;
import vn.hoinghi.domain.AnnotationStatus;
import vn.hoinghi.domain.Ballot;
import vn.hoinghi.domain.Choice;
import vn.hoinghi.domain.Conference;
import vn.hoinghi.domain.DelegateDetails;
import vn.hoinghi.domain.DraftVersion;
import vn.hoinghi.domain.Endpoint;
import vn.hoinghi.domain.Participant;
import vn.hoinghi.domain.Response;
import vn.hoinghi.domain.ResponseKind;
import vn.hoinghi.domain.Role;
import vn.hoinghi.domain.SpeechRecord;
import vn.hoinghi.domain.WrittenOpinion;
import vn.hoinghi.domain.document.DraftNode;

/**
 * Builds the one continuous table of a report ({@link TableRow}), what it leaves out ({@link AgreedWithoutRemarks})
 * and its numbers ({@link TableTotals}) from the conference state. Every opinion that has content becomes a row:
 * annotations (first of a thread, visible), ballots' "ý kiến khác". Rows are in the order of the reported draft's
 * articles (opinions on the whole text first, places a later draft left out last), then by time; STT runs 1..n.
 */
final class OpinionTable {

  static final String SECRET_BALLOT = "Phiếu kín";
  private static final java.time.format.DateTimeFormatter DATE = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

  /** The place of an opinion on no particular article. */
  static final String GENERAL = "Ý kiến chung";

  record Result(List<TableRow> rows, AgreedWithoutRemarks agreed, TableTotals totals, Kinds kinds,
      Map<String, Integer> perEndpoint) {}

  /** What the table's opinions are, each counted once whether merged or not; {@code merged}: those joined to another row. */
  enum Kind { COMMENT, QUESTION, PROPOSED_WORDING, VOTE_OPINION, SPEECH, WRITTEN }

  /**
   * The opinions of the table by kind, and how many were merged into another opinion's row: the kinds' sum minus
   * {@code merged} is the number of rows.
   */
  record Kinds(int comments, int questions, int proposedWordings, int voteOpinions, int speechSummaries,
      int writtenOpinions, int merged) {}

  /** One opinion before rows are numbered. */
  private record Opinion(String id, Kind kind, String nodeId, int givenVersion, String source, String content,
      Response answer, String replacement, java.time.Instant at, String endpointId) {}

  private final Conference conf;
  private final Predicate<String> inScope;
  private final DraftVersion reported;
  private final List<DraftPlaces> places = new ArrayList<>();
  private final Map<String, Endpoint> endpoints = new HashMap<>();
  private final Map<String, Participant> people = new HashMap<>();

  private final boolean scopeIsWhole;

  private OpinionTable(Conference conf, DraftVersion reported, Predicate<String> inScope, boolean whole) {
    this.conf = conf;
    this.scopeIsWhole = whole;
    this.reported = reported;
    this.inScope = inScope;
    conf.drafts().forEach(v -> places.add(new DraftPlaces(v.document())));
    conf.endpoints().forEach(e -> endpoints.put(e.id(), e));
    conf.participants().forEach(p -> people.put(p.id(), p));
  }

  /** {@code whole}: the whole conference's table, with the written opinions (a hall's part has none). */
  static Result build(Conference conf, DraftVersion reported, Predicate<String> inScope, boolean whole) {
    return new OpinionTable(conf, reported, inScope, whole).run();
  }

  private Result run() {
    List<Opinion> opinions = new ArrayList<>();
    collectAnnotations(opinions);
    collectBallotOpinions(opinions);
    collectSpeeches(opinions);
    if (scopeIsWhole) collectWritten(opinions);
    // Merged opinions join their row: its place, content and answer, every source.
    Map<String, String> merged = conf.mergedOpinions();
    Map<String, Opinion> byId = new HashMap<>();
    opinions.forEach(o -> byId.put(o.id(), o));
    Map<String, List<Opinion>> members = new HashMap<>();
    List<Opinion> heads = new ArrayList<>();
    for (Opinion o : opinions) {
      String into = merged.get(o.id());
      if (into != null && byId.containsKey(into)) {
        members.computeIfAbsent(into, k -> new ArrayList<>()).add(o);
      } else {
        heads.add(o);
      }
    }
    int[] byKind = new int[Kind.values().length];
    Map<String, Integer> perEndpoint = new HashMap<>();
    for (Opinion o : opinions) {
      byKind[o.kind().ordinal()]++;
      if (o.endpointId() != null) perEndpoint.merge(o.endpointId(), 1, Integer::sum);
    }
    Kinds kinds = new Kinds(byKind[0], byKind[1], byKind[2], byKind[3], byKind[4], byKind[5],
        opinions.size() - heads.size());
    opinions = heads;
    DraftPlaces latest = places.isEmpty() ? null : places.get(places.size() - 1);
    DraftPlaces shown = reported == null ? null : places.get(reported.version() - 1);
    record Keyed(long order, Opinion o) {}
    List<Keyed> keyed = new ArrayList<>();
    for (Opinion o : opinions) {
      keyed.add(new Keyed(order(o, shown, latest), o));
    }
    keyed.sort(Comparator.comparingLong(Keyed::order)
        .thenComparing(k -> k.o().at(), Comparator.nullsLast(Comparator.naturalOrder())));
    List<TableRow> rows = new ArrayList<>();
    int accepted = 0;
    int explained = 0;
    int noted = 0;
    java.util.Set<String> articlesWithOpinions = new java.util.HashSet<>();
    java.util.Set<String> hallsWithOpinions = new java.util.HashSet<>();
    for (Keyed k : keyed) {
      Opinion o = k.o();
      String at = placeAt(o);
      String now = placeNow(o, at, latest);
      boolean takenIn = takenIn(o, latest);
      if (takenIn && TableRow.DELETED.equals(now)) {
        now = null;
      }
      Response r = o.answer();
      List<String> sources = new ArrayList<>(List.of(o.source()));
      List<String> ids = new ArrayList<>(List.of(o.id()));
      hallsWithOpinions.add(o.endpointId());
      for (Opinion m : members.getOrDefault(o.id(), List.of())) {
        if (!sources.contains(m.source())) sources.add(m.source());
        ids.add(m.id());
        hallsWithOpinions.add(m.endpointId());
      }
      rows.add(new TableRow(rows.size() + 1, at, now, sources, o.content(), answerText(r, takenIn),
          r == null ? null : r.kind(), ids));
      if (r != null) {
        switch (r.kind()) {
          case ACCEPTED -> accepted++;
          case EXPLAINED -> explained++;
          case NOTED -> noted++;
        }
      }
      if (shown != null && o.nodeId() != null && shown.articleOf.containsKey(o.nodeId())) {
        articlesWithOpinions.add(shown.articleOf.get(o.nodeId()));
      }
    }
    for (var sp : conf.speeches()) {
      hallsWithOpinions.add(sp.endpointId());
    }
    List<String> halls = new ArrayList<>();
    for (Endpoint e : conf.endpoints()) {
      if (inScope.test(e.id()) && e.checkedIn() && !hallsWithOpinions.contains(e.id())) halls.add(e.name());
    }
    List<String> silentArticles = reported == null ? List.of()
        : ranges(reported.document().articles().stream().filter(a -> !articlesWithOpinions.contains(a.id())).toList(),
            reported.document().articles());
    int answered = accepted + explained + noted;
    return new Result(rows, new AgreedWithoutRemarks(silentArticles, halls),
        new TableTotals(rows.size(), answered, accepted, explained, noted, rows.size() - answered), kinds,
        perEndpoint);
  }

  // --- Opinions -----------------------------------------------------------------------------------------------------

  private void collectAnnotations(List<Opinion> out) {
    for (Annotation a : conf.annotations()) {
      if (a.reply() || a.status() != AnnotationStatus.VISIBLE || !inScope.test(a.endpointId())) {
        continue;
      }
      String nodeId = a.anchor() == null ? null : a.anchor().nodeId();
      String content = a.body() == null ? "" : a.body().strip();
      if (a.kind() == AnnotationKind.PROPOSED_WORDING && a.replacement() != null) {
        String quote = a.anchor() != null && a.anchor().quote() != null ? a.anchor().quote().exact() : null;
        content += (content.isEmpty() ? "" : "\n") + (quote == null
            ? "Đề nghị viết lại: “" + a.replacement() + "”."
            : "Đề nghị sửa “" + quote + "” thành “" + a.replacement() + "”.");
      }
      // Re-anchoring moves an annotation's version forward; the place it was given on is the version of its time.
      Kind kind = switch (a.kind()) {
        case COMMENT -> Kind.COMMENT;
        case QUESTION -> Kind.QUESTION;
        case PROPOSED_WORDING -> Kind.PROPOSED_WORDING;
      };
      out.add(new Opinion(a.id(), kind, nodeId, versionAt(a.createdAt()), person(a.authorId(), a.endpointId()), content,
          a.response(), a.kind() == AnnotationKind.PROPOSED_WORDING ? a.replacement() : null, a.createdAt(),
          a.endpointId()));
    }
  }

  private void collectBallotOpinions(List<Opinion> out) {
    Map<String, vn.hoinghi.domain.Vote> votes = new LinkedHashMap<>();
    conf.votes().forEach(v -> votes.put(v.id(), v));
    for (Ballot b : conf.ballots()) {
      if (b.choice() != Choice.OTHER || b.text() == null || b.text().isBlank() || !inScope.test(b.endpointId())) {
        continue;
      }
      // A secret ballot's voter is a key, never a person: its opinion has an id of its own ("vo-N") and no author.
      String id = conf.ballotOpinionId(b).orElse(null);
      if (id == null) continue;
      vn.hoinghi.domain.Vote v = votes.get(b.voteId());
      out.add(new Opinion(id, Kind.VOTE_OPINION, b.articleId(), v == null ? currentVersion() : v.draftVersion(),
          b.secret() ? SECRET_BALLOT : person(b.voter(), b.endpointId()), b.text().strip(),
          conf.opinionResponse(id).orElse(null), null, v == null ? null : v.openedAt(), b.endpointId()));
    }
  }

  /** Speeches the secretary summarized: the speaker (or the hall it spoke for) and the summary. */
  private void collectSpeeches(List<Opinion> out) {
    for (SpeechRecord sp : conf.speeches()) {
      String summary = conf.speechSummary(sp.requestId()).orElse(null);
      if (summary == null || !inScope.test(sp.endpointId())) continue;
      String source = sp.forHall() && endpoints.containsKey(sp.endpointId()) ? endpoints.get(sp.endpointId()).name()
          : person(sp.participantId(), sp.endpointId());
      out.add(new Opinion(sp.requestId(), Kind.SPEECH, sp.articleId(), versionAt(sp.startedAt()), source + " (phát biểu)", summary,
          conf.opinionResponse(sp.requestId()).orElse(null), null, sp.startedAt(), sp.endpointId()));
    }
  }

  /** Opinions agencies sent in writing: the agency and its công văn. */
  private void collectWritten(List<Opinion> out) {
    for (WrittenOpinion w : conf.writtenOpinions()) {
      out.add(new Opinion(w.id(), Kind.WRITTEN, w.nodeId(), w.draftVersion(), agency(w), w.text(),
          conf.opinionResponse(w.id()).orElse(null), null, w.at(), null));
    }
  }

  /** "Bộ Tư pháp (Công văn số 12/BTP-PL ngày 03/12/2026)". */
  static String agency(WrittenOpinion w) {
    String letter = (w.letterNumber() == null ? "" : " số " + w.letterNumber())
        + (w.letterDate() == null ? "" : " ngày " + DATE.format(java.time.LocalDate.parse(w.letterDate())));
    return letter.isEmpty() ? w.agency() : w.agency() + " (Công văn" + letter + ")";
  }

  /** The draft version current at {@code t}: the last one imported at or before it. */
  private int versionAt(java.time.Instant t) {
    int v = 1;
    List<DraftVersion> drafts = conf.drafts();
    for (DraftVersion d : drafts) {
      if (t != null && !d.importedAt().isAfter(t)) v = d.version();
    }
    return v;
  }

  private int currentVersion() {
    return Math.max(1, places.size());
  }

  /** A person as the table names them: chức vụ (from the delegate list) or role, name, and hall. */
  private String person(String participantId, String endpointId) {
    Participant p = participantId == null ? null : people.get(participantId);
    String hall = endpointId == null || !endpoints.containsKey(endpointId) ? null : endpoints.get(endpointId).name();
    if (p == null) {
      return hall == null ? "Không rõ" : hall;
    }
    if (p.has(Role.HOST) && !p.has(Role.DELEGATE) && hall != null) {
      return hall;
    }
    String title = conf.delegateDetails(p.id()).map(DelegateDetails::position).filter(s -> s != null && !s.isBlank())
        .orElse(p.has(Role.CHAIR) ? "Chủ trì" : p.has(Role.SECRETARY) ? "Thư ký" : "Đại biểu");
    return title + " " + p.displayName() + (hall == null ? "" : " (" + hall + ")");
  }

  // --- Places -------------------------------------------------------------------------------------------------------

  private String placeAt(Opinion o) {
    if (o.nodeId() == null) return GENERAL;
    int v = Math.min(Math.max(o.givenVersion(), 1), places.size());
    String label = places.isEmpty() ? null : places.get(v - 1).labelOf.get(o.nodeId());
    if (label == null) {
      // Not in the version it names: the latest version that has it.
      for (int i = places.size() - 1; i >= 0 && label == null; i--) label = places.get(i).labelOf.get(o.nodeId());
    }
    return label == null ? GENERAL : label;
  }

  private static String placeNow(Opinion o, String at, DraftPlaces latest) {
    if (o.nodeId() == null || latest == null || GENERAL.equals(at)) return null;
    String now = latest.labelOf.get(o.nodeId());
    if (now == null) return TableRow.DELETED;
    return now.equals(at) ? null : now;
  }

  /** An accepted proposed wording whose words stand in the latest draft's node: taken in, not lost. */
  private static boolean takenIn(Opinion o, DraftPlaces latest) {
    if (o.answer() == null || o.answer().kind() != ResponseKind.ACCEPTED || o.replacement() == null || latest == null
        || o.nodeId() == null) {
      return false;
    }
    DraftNode n = latest.nodes.get(o.nodeId());
    return n != null && (n.text().contains(o.replacement()) || n.title().contains(o.replacement()));
  }

  private static String answerText(Response r, boolean takenIn) {
    if (r == null) return "";
    String text = r.text() == null || r.text().isBlank() ? null : r.text().strip();
    return switch (r.kind()) {
      case ACCEPTED -> (text == null ? "Tiếp thu." : "Tiếp thu: " + text)
          + (takenIn ? " Đã thể hiện trong dự thảo." : "");
      case EXPLAINED -> text == null ? "Giải trình." : "Giải trình: " + text;
      case NOTED -> text == null ? "Ghi nhận." : "Ghi nhận: " + text;
    };
  }

  /** Opinions on the whole text first, then by the reported draft's article order, places left out last. */
  private long order(Opinion o, DraftPlaces shown, DraftPlaces latest) {
    if (o.nodeId() == null || shown == null) return -1;
    Integer i = shown.order.get(o.nodeId());
    if (i != null) return i;
    for (int v = places.size() - 1; v >= 0; v--) {
      Integer j = places.get(v).order.get(o.nodeId());
      if (j != null) return 1_000_000L * (v + 1) + j;
    }
    return Long.MAX_VALUE;
  }

  /** "Điều 1", "Điều 3–7": runs of consecutive articles (in document order) with no opinion. */
  static List<String> ranges(List<DraftNode> silent, List<DraftNode> all) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < all.size(); i++) index.put(all.get(i).id(), i);
    List<String> out = new ArrayList<>();
    int start = -1;
    int prev = -2;
    for (DraftNode a : silent) {
      int i = index.get(a.id());
      if (i != prev + 1) {
        if (start >= 0) out.add(range(all, start, prev));
        start = i;
      }
      prev = i;
    }
    if (start >= 0) out.add(range(all, start, prev));
    return out;
  }

  private static String range(List<DraftNode> all, int from, int to) {
    return from == to ? all.get(from).label() : all.get(from).label() + "–" + all.get(to).number();
  }
}
