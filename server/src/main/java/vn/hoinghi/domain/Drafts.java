package vn.hoinghi.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.nio.charset.StandardCharsets;
import vn.hoinghi.domain.Command.ImportDraft;
import vn.hoinghi.domain.Event.DraftVersionImported;
import vn.hoinghi.domain.document.DraftDocument;
import vn.hoinghi.domain.document.DraftImporter;
import vn.hoinghi.domain.document.DraftNode;
import vn.hoinghi.domain.document.DraftOutline;
import vn.hoinghi.domain.document.ImportProblem;
import vn.hoinghi.domain.document.ImportResult;
import vn.hoinghi.domain.document.NodeKind;
import vn.hoinghi.domain.document.PreparedImport;
import vn.hoinghi.domain.document.StableIds;

/** The versions of the draft (dự thảo). Nodes keep stable ids across versions; see {@link StableIds}. */
final class Drafts {

  private final Conference conf;
  final List<DraftVersion> versions = new ArrayList<>();
  /** Every node id any version has used, so a new node never takes an id that once meant something else. */
  private final Set<String> usedIds = new HashSet<>();
  /** The current version's nodes by id: votes, agenda items and annotations look nodes up often. */
  private Map<String, DraftNode> currentNodes = Map.of();

  Drafts(Conference conf) {
    this.conf = conf;
  }

  void register(Tables t) {
    t.handlers().handle(ImportDraft.class, this::importDraft);
    t.folds().fold(DraftVersionImported.class, e -> add(new DraftVersion(e.version(), e.document(), e.note(),
        e.importedBy(), e.at())));
    t.audiences().map(DraftVersionImported.class, e -> Audience.EVERYONE);
  }

  /** Per version (index = version - 1), computed on first use: the text's entity tag and its headings. */
  private final List<String> etags = new ArrayList<>();
  private final List<List<DraftOutline.OutlineNode>> outlines = new ArrayList<>();

  String etag(int version) {
    if (version < 1 || version > versions.size()) return null;
    while (etags.size() < versions.size()) etags.add(null);
    String e = etags.get(version - 1);
    if (e == null) {
      e = DraftOutline.etag(conf.conferenceId(), version, versions.get(version - 1).document());
      etags.set(version - 1, e);
    }
    return e;
  }

  List<DraftOutline.OutlineNode> outline(int version) {
    if (version < 1 || version > versions.size()) return null;
    while (outlines.size() < versions.size()) outlines.add(null);
    List<DraftOutline.OutlineNode> o = outlines.get(version - 1);
    if (o == null) {
      o = DraftOutline.of(versions.get(version - 1).document());
      outlines.set(version - 1, o);
    }
    return o;
  }

  /** Also used on restore, so the derived indexes come back with the versions. */
  void add(DraftVersion v) {
    versions.add(v);
    Map<String, DraftNode> index = new java.util.HashMap<>();
    for (DraftNode n : v.document().allNodes()) {
      index.put(n.id(), n);
      usedIds.add(n.id());
    }
    currentNodes = index;
  }

  /** A copy of every node id any version has used, for an import prepared off the writer. */
  Set<String> usedIds() {
    return Set.copyOf(usedIds);
  }

  DraftVersion current() {
    return versions.isEmpty() ? null : versions.get(versions.size() - 1);
  }

  int currentVersion() {
    return versions.size();
  }

  DraftNode currentNode(String id) {
    DraftNode n = id == null ? null : currentNodes.get(id);
    if (n == null) {
      throw Reject.notFound("Không tìm thấy phần " + id + " trong dự thảo hiện hành",
          "Node " + id + " is not in the current draft version");
    }
    return n;
  }

  DraftNode currentArticle(String id) {
    DraftNode n = currentNode(id);
    if (n.kind() != NodeKind.ARTICLE) {
      throw Reject.invalid(n.label() + " không phải là một điều", n.label() + " is not an article");
    }
    return n;
  }

  /**
   * The targets a vote on these nodes covers: an article itself, every article inside a chapter, section or part, or
   * a clause that holds alternative wordings (its own choice between them).
   */
  List<String> articlesOf(List<String> nodeIds) {
    List<String> out = new ArrayList<>();
    for (String id : nodeIds) {
      DraftNode n = currentNode(id);
      switch (n.kind()) {
        case ARTICLE -> addOnce(out, n.id());
        case PART, CHAPTER, SECTION -> collectArticles(n, out);
        case CLAUSE -> {
          if (alternativesOf(n.id()).isEmpty()) {
            throw Reject.invalid("Biểu quyết theo điều; khoản " + n.label() + " không có phương án để lựa chọn",
                "Votes are per article; clause " + n.label() + " has no alternatives to choose from");
          }
          addOnce(out, n.id());
        }
        default -> throw Reject.invalid("Biểu quyết theo điều; " + n.label() + " là khoản hoặc điểm",
            "Votes are per article; " + n.label() + " is a clause or a point");
      }
    }
    return out;
  }

  /** The alternative wordings (phương án) directly inside a node of the current version, in order; often none. */
  List<Alternative> alternativesOf(String nodeId) {
    List<Alternative> out = new ArrayList<>();
    for (DraftNode c : currentNode(nodeId).children()) {
      if (c.kind() == NodeKind.ALTERNATIVE) out.add(new Alternative(c.id(), c.label()));
    }
    return out;
  }

  private static void collectArticles(DraftNode n, List<String> out) {
    for (DraftNode c : n.children()) {
      if (c.kind() == NodeKind.ARTICLE) {
        addOnce(out, c.id());
      } else {
        collectArticles(c, out);
      }
    }
  }

  private static void addOnce(List<String> out, String id) {
    if (!out.contains(id)) {
      out.add(id);
    }
  }

  private void importDraft(ImportDraft c, Decide d) {
    String text = Check.required(c.text(), "nội dung dự thảo", "draft text");
    if (text.length() > DraftImporter.MAX_TEXT_BYTES || text.getBytes(StandardCharsets.UTF_8).length > DraftImporter.MAX_TEXT_BYTES) {
      throw Reject.limit("Dự thảo vượt quá 2 MB", "The draft is larger than 2 MB");
    }
    if (!Check.wellFormed(text)) {
      throw Reject.invalid("Dự thảo chứa ký tự không hợp lệ", "The draft text contains an unpaired surrogate");
    }
    String note = Check.text(c.note(), Check.NOTE, Limits.NOTE, false, false);
    if (conf.voting.anyOpen()) {
      throw Reject.wrongState("Không thể nạp dự thảo lần mới khi đang biểu quyết", "A new version cannot be imported while a vote is open");
    }
    if (versions.size() >= Limits.DRAFT_VERSIONS) {
      throw Reject.limit("Đã có tối đa " + Limits.DRAFT_VERSIONS + " lần dự thảo", "The maximum of " + Limits.DRAFT_VERSIONS + " versions is reached");
    }
    DraftVersion previous = current();
    DraftDocument previousDoc = previous == null ? null : previous.document();
    // Parsed and matched on a worker before the command came here (REST import), or else now.
    PreparedImport.Prepared ready = PreparedImport.take(text, previousDoc, usedIds.size()).orElse(null);
    ImportResult parsed = ready != null ? ready.parsed() : DraftImporter.parse(text);
    if (!parsed.ok()) {
      List<String> details = parsed.problems().stream().limit(Limits.PROBLEM_DETAILS).map(ImportProblem::describe).toList();
      throw Reject.of(RejectionCode.INVALID,
          "Dự thảo có " + parsed.problems().size() + " dòng không xác định được vị trí",
          "The draft has " + parsed.problems().size() + " lines that cannot be placed", details);
    }
    DraftDocument doc = ready != null ? ready.assigned() : StableIds.assign(parsed.doc(), previousDoc, usedIds);
    int version = versions.size() + 1;
    d.emit(new DraftVersionImported(version, doc, note == null ? "" : note, d.actorName(), d.now));
    conf.annotations.reanchorAll(doc, version, d);
  }
}
