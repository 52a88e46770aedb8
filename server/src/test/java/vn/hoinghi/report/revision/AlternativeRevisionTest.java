package vn.hoinghi.report.revision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.domain.Alternative;
import vn.hoinghi.domain.Tally;
import vn.hoinghi.domain.Vote;
import vn.hoinghi.domain.VoteMode;
import vn.hoinghi.domain.VoteStatus;
import vn.hoinghi.domain.document.DraftDocument;
import vn.hoinghi.domain.document.DraftImporter;
import vn.hoinghi.domain.document.DraftNode;
import vn.hoinghi.domain.document.Drafts;
import vn.hoinghi.domain.document.NodeKind;
import vn.hoinghi.report.revision.VersionDiff.Status;

/**
 * The revised draft keeps the chosen alternative wording and drops the others, on the draft assembled from Luật Công
 * nghệ thông tin 2006 (drafts/real/du-thao-phuong-an-luat-cntt-2006.txt): Điều 3 and khoản 4 of Điều 5 hold two
 * alternatives each.
 */
@DisplayName("Revising a draft with alternative wordings")
class AlternativeRevisionTest {

  private final DraftDocument base = DraftImporter.parse(Drafts.read("real/du-thao-phuong-an-luat-cntt-2006.txt")).doc();
  private final DraftNode article3 = base.articles().get(2);
  private final DraftNode clause54 = base.articles().get(4).children().get(3);
  private final List<DraftNode> alts3 = alternatives(article3);
  private final List<DraftNode> alts54 = alternatives(clause54);
  private final Map<String, Tally> tallies = new HashMap<>();

  private static List<DraftNode> alternatives(DraftNode n) {
    return n.children().stream().filter(c -> c.kind() == NodeKind.ALTERNATIVE).toList();
  }

  private Vote vote(String id, DraftNode target, List<DraftNode> alts, int first, int second) {
    List<Alternative> a = alts.stream().map(x -> new Alternative(x.id(), x.label())).toList();
    Map<String, Integer> counts = new java.util.LinkedHashMap<>();
    counts.put(alts.get(0).id(), first);
    counts.put(alts.get(1).id(), second);
    tallies.put(id + "/" + target.id(), new Tally(first + second, 0, 0, first + second, Map.of(), counts));
    return new Vote(id, "Biểu quyết", List.of(target.id()), VoteMode.NAMED, 1, VoteStatus.CLOSED,
        Instant.parse("2026-12-05T01:00:00Z"), Instant.parse("2026-12-05T01:05:00Z"), 0, Map.of(target.id(), a));
  }

  private List<AlternativeChoice.Chosen> resolve(List<Vote> votes, Map<String, String> requested) {
    return AlternativeChoice.resolve(base, 1, votes, (v, t) -> tallies.get(v + "/" + t), requested);
  }

  @Test
  @DisplayName("the winner of the vote is kept, the other alternative is dropped, and the diff shows it")
  void winnerKept() {
    List<AlternativeChoice.Chosen> chosen = resolve(List.of(vote("v-1", article3, alts3, 3, 12),
        vote("v-2", clause54, alts54, 9, 4)), Map.of());
    assertThat(chosen).extracting(AlternativeChoice.Chosen::alternativeId).containsExactly(alts3.get(1).id(),
        alts54.get(0).id());
    assertThat(chosen.get(0).voteId()).isEqualTo("v-1");
    var result = DraftRevision.compose(base, 1, List.of(), List.of(), chosen);
    assertThat(result.text()).doesNotContain("Phương án");
    assertThat(result.text()).contains("Ưu tiên dành một khoản ngân sách nhà nước")
        .doesNotContain("Bố trí ngân sách nhà nước hằng năm");
    DraftDocument revised = DraftImporter.parse(result.text()).doc();
    DraftNode a3 = revised.articles().get(2);
    assertThat(a3.children()).extracting(DraftNode::kind).containsExactly(NodeKind.CLAUSE);
    assertThat(a3.children().get(0).text()).startsWith("Trường hợp điều ước quốc tế");
    VersionDiff.Comparison diff = VersionDiff.compare(1, base, 2,
        vn.hoinghi.domain.document.StableIds.assign(revised, base, new java.util.HashSet<>()), List.of());
    assertThat(diff.articles()).filteredOn(c -> c.status() != Status.UNCHANGED)
        .extracting(VersionDiff.ArticleChange::toNumber).containsExactly("3", "5");
    var change3 = diff.articles().get(2);
    assertThat(String.join("", change3.body().stream().filter(s -> s.op() == WordDiff.Op.DELETE)
        .map(WordDiff.Segment::text).toList())).contains("Phương án").contains("khác nhau giữa quy định");
  }

  @Test
  @DisplayName("on a tie, with no ballot or with no vote the secretary must name the alternative; the request's choice wins")
  void tieNeedsTheSecretary() {
    List<Vote> votes = List.of(vote("v-1", article3, alts3, 5, 5), vote("v-2", clause54, alts54, 0, 0));
    assertThatThrownBy(() -> resolve(votes, Map.of())).isInstanceOfSatisfying(DraftRevision.Refused.class, r ->
        assertThat(r.details).hasSize(2).allSatisfy(d -> assertThat(d).contains("thư ký cần chọn phương án")));
    assertThatThrownBy(() -> resolve(List.of(), Map.of(article3.id(), alts3.get(0).id())))
        .isInstanceOfSatisfying(DraftRevision.Refused.class, r -> assertThat(r.details).singleElement()
            .asString().startsWith(clause54.id()).contains("chưa được biểu quyết"));
    List<AlternativeChoice.Chosen> chosen = resolve(votes, Map.of(article3.id(), alts3.get(0).id(),
        clause54.id(), alts54.get(1).id()));
    assertThat(chosen).extracting(AlternativeChoice.Chosen::voteId).containsOnlyNulls();
    var result = DraftRevision.compose(base, 1, List.of(), List.of(), chosen);
    assertThat(result.text()).contains("Trường hợp có sự khác nhau giữa quy định của Luật công nghệ thông tin")
        .contains("Bố trí ngân sách nhà nước hằng năm").doesNotContain("Phương án");
  }

  @Test
  @DisplayName("refuses a choice that names no group or another group's alternative, and an edit inside a dropped alternative")
  void refusals() {
    List<Vote> votes = List.of(vote("v-1", article3, alts3, 1, 2), vote("v-2", clause54, alts54, 2, 1));
    assertThatThrownBy(() -> resolve(votes, Map.of(base.articles().get(0).id(), alts3.get(0).id())))
        .isInstanceOf(DraftRevision.Refused.class).hasMessageContaining("không có phương án");
    assertThatThrownBy(() -> resolve(votes, Map.of(article3.id(), alts54.get(0).id())))
        .isInstanceOf(DraftRevision.Refused.class).hasMessageContaining("không phải phương án của Điều 3");
    List<AlternativeChoice.Chosen> chosen = resolve(votes, Map.of());
    String insideDropped = alts3.get(0).children().get(0).id();
    assertThatThrownBy(() -> DraftRevision.compose(base, 1, List.of(),
        List.of(new DraftRevision.NodeEdit(insideDropped, null, "Sửa câu chữ")), chosen))
        .isInstanceOf(DraftRevision.Refused.class).hasMessageContaining("không được chọn");
  }
}
