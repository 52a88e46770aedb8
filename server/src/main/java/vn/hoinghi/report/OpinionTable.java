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
import vn.hoinghi.domain.document.DraftDocument;
import vn.hoinghi.domain.document.DraftNode;
import vn.hoinghi.domain.document.NodeKind;

/**
 * Builds the one continuous table of a report ({@link TableRow}), what it leaves out ({@link AgreedWithoutRemarks})
 * and its numbers ({@link TableTotals}) from the conference state. Every opinion that has content becomes a row:
 * annotations (first of a thread, visible), ballots' "ý kiến khác". Rows are in the order of the reported draft's
 * articles (opinions on the whole text first, places a later draft left out last), then by time; STT runs 1..n.
 */
final class OpinionTable {

  /** The place of an opinion on no particular article. */
  static final String GENERAL = "Ý kiến chung";

  record Result(List<TableRow> rows, AgreedWithoutRemarks agreed, TableTotals totals) {}

  /** One opinion before rows are numbered. */
  private record Opinion(String id, String nodeId, int givenVersion, String source, String content, Response answer,
      String replacement, java.time.Instant at) {}

  private final Conference conf;
  private final Predicate<String> inScope;
  private final DraftVersion reported;
  private final List<Places> places = new ArrayList<>();
  private final Map<String, Endpoint> endpoints = new HashMap<>();
  private final Map<String, Participant> people = new HashMap<>();

  private OpinionTable(Conference conf, DraftVersion reported, Predicate<String> inScope) {
    this.conf = conf;
    this.reported = reported;
    this.inScope = inScope;
    conf.drafts().forEach(v -> places.add(new Places(v.document())));
    conf.endpoints().forEach(e -> endpoints.put(e.id(), e));
    conf.participants().forEach(p -> people.put(p.id(), p));
  }

  static Result build(Conference conf, DraftVersion reported, Predicate<String> inScope) {
    return new OpinionTable(conf, reported, inScope).run();
  }

  private Result run() {
    List<Opinion> opinions = new ArrayList<>();
    collectAnnotations(opinions);
    collectBallotOpinions(opinions);
    Places latest = places.isEmpty() ? null : places.get(places.size() - 1);
    Places shown = reported == null ? null : places.get(reported.version() - 1);
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
      rows.add(new TableRow(rows.size() + 1, at, now, List.of(o.source()), o.content(), answerText(r, takenIn),
          r == null ? null : r.kind(), List.of(o.id())));
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
    for (Annotation a : conf.annotations()) {
      if (!a.reply() && a.status() == AnnotationStatus.VISIBLE) hallsWithOpinions.add(a.endpointId());
    }
    for (Ballot b : conf.ballots()) {
      if (b.choice() == Choice.OTHER && b.text() != null && !b.text().isBlank()) hallsWithOpinions.add(b.endpointId());
    }
    for (var s : conf.speeches()) {
      hallsWithOpinions.add(s.endpointId());
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
        new TableTotals(rows.size(), answered, accepted, explained, noted, rows.size() - answered));
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
      out.add(new Opinion(a.id(), nodeId, a.draftVersion(), person(a.authorId(), a.endpointId()), content,
          a.response(), a.kind() == AnnotationKind.PROPOSED_WORDING ? a.replacement() : null, a.createdAt()));
    }
  }

  private void collectBallotOpinions(List<Opinion> out) {
    Map<String, Integer> secretCount = new HashMap<>();
    Map<String, vn.hoinghi.domain.Vote> votes = new LinkedHashMap<>();
    conf.votes().forEach(v -> votes.put(v.id(), v));
    for (Ballot b : conf.ballots()) {
      if (b.choice() != Choice.OTHER || b.text() == null || b.text().isBlank() || !inScope.test(b.endpointId())) {
        continue;
      }
      // A secret ballot's voter is a key, never a person: it is numbered within its vote and article, and no author
      // is named.
      String id = "ballot:" + b.voteId() + ":" + b.articleId() + ":" + (b.secret()
          ? "kin-" + secretCount.merge(b.voteId() + ":" + b.articleId(), 1, Integer::sum) : b.voter());
      vn.hoinghi.domain.Vote v = votes.get(b.voteId());
      out.add(new Opinion(id, b.articleId(), v == null ? currentVersion() : v.draftVersion(),
          b.secret() ? "Phiếu kín" : person(b.voter(), b.endpointId()), b.text().strip(), null, null,
          v == null ? null : v.openedAt()));
    }
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

  private static String placeNow(Opinion o, String at, Places latest) {
    if (o.nodeId() == null || latest == null || GENERAL.equals(at)) return null;
    String now = latest.labelOf.get(o.nodeId());
    if (now == null) return TableRow.DELETED;
    return now.equals(at) ? null : now;
  }

  /** An accepted proposed wording whose words stand in the latest draft's node: taken in, not lost. */
  private static boolean takenIn(Opinion o, Places latest) {
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
  private long order(Opinion o, Places shown, Places latest) {
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

  /** Labels, articles and document order of one version's nodes. */
  static final class Places {
    final Map<String, String> labelOf = new HashMap<>();
    final Map<String, String> articleOf = new HashMap<>();
    final Map<String, Integer> order = new HashMap<>();
    final Map<String, DraftNode> nodes = new HashMap<>();

    Places(DraftDocument d) {
      index(d.nodes(), null, "");
    }

    private void index(List<DraftNode> level, DraftNode article, String parentLabel) {
      for (DraftNode n : level) {
        DraftNode a = n.kind() == NodeKind.ARTICLE ? n : article;
        String label = switch (n.kind()) {
          case PART, CHAPTER, SECTION, SUBSECTION, ARTICLE, APPENDIX -> n.label();
          case CLAUSE -> parentLabel + ", khoản " + n.number();
          case POINT -> parentLabel + ", điểm " + n.number();
          case ALTERNATIVE -> parentLabel + ", phương án " + n.number();
        };
        labelOf.put(n.id(), label);
        order.put(n.id(), order.size());
        nodes.put(n.id(), n);
        if (a != null) articleOf.put(n.id(), a.id());
        index(n.children(), a, label);
      }
    }
  }
}
