package vn.hoinghi.domain.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Stable node ids across draft versions")
class StableIdsTest {

  private final DraftDocument v1 = StableIds.assign(DraftImporter.parse(Drafts.read("quy-che-v1.md")).doc(), null, Set.of());
  private final DraftDocument v2 = StableIds.assign(DraftImporter.parse(Drafts.read("quy-che-v2.md")).doc(), v1, used(v1));

  private static Set<String> used(DraftDocument doc) {
    Set<String> ids = new HashSet<>();
    doc.allNodes().forEach(n -> ids.add(n.id()));
    return ids;
  }

  private static DraftNode article(DraftDocument doc, String number) {
    return doc.articles().stream().filter(a -> a.number().equals(number)).findFirst().orElseThrow();
  }

  @Test
  @DisplayName("a taken id gets the first free suffix, remembered so that repeats stay cheap")
  void uniqueSuffixes() {
    Set<String> taken = new HashSet<>(Set.of("d1", "d1-3"));
    java.util.Map<String, Integer> next = new java.util.HashMap<>();
    java.util.List<String> given = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String id = StableIds.unique("d1", taken, next);
      taken.add(id);
      given.add(id);
    }
    assertThat(given).containsExactly("d1-2", "d1-4", "d1-5", "d1-6");
    assertThat(StableIds.unique("d2", taken, next)).isEqualTo("d2");
  }

  @Test
  @DisplayName("a first version gets ids from its structure")
  void firstVersion() {
    assertThat(v1.articles()).extracting(DraftNode::id).containsExactly("d1", "d2", "d3", "d4", "d5", "d6", "d7", "d8");
  }

  @Test
  @DisplayName("an article inserted in the middle gets a new id, and the renumbered articles keep theirs")
  void insertedArticle() {
    assertThat(article(v2, "5").title()).isEqualTo("Đăng ký tham dự");
    assertThat(article(v2, "5").id()).isEqualTo("d5-2");
    assertThat(article(v2, "6").id()).isEqualTo("d5");
    assertThat(article(v2, "7").id()).isEqualTo("d6");
    assertThat(article(v2, "8").id()).isEqualTo("d7");
    assertThat(article(v2, "9").id()).isEqualTo("d8");
    assertThat(article(v2, "1").id()).isEqualTo("d1");
  }

  @Test
  @DisplayName("the clauses of a renumbered article keep their ids")
  void clausesFollowTheirArticle() {
    assertThat(article(v2, "6").children()).extracting(DraftNode::id).containsExactly("d5.k1", "d5.k2");
    assertThat(article(v2, "5").children()).extracting(DraftNode::id).containsExactly("d5-2.k1", "d5-2.k2");
  }

  @Test
  @DisplayName("a reworded clause at the same place keeps its id")
  void rewordedClause() {
    DraftNode clause = article(v2, "7").children().get(1);
    assertThat(clause.text()).contains("theo từng chương");
    assertThat(clause.id()).isEqualTo("d6.k2");
  }

  @Test
  @DisplayName("a removed clause's id is not reused")
  void removedClause() {
    assertThat(used(v2)).doesNotContain("d7.k3");
    assertThat(article(v2, "8").children()).extracting(DraftNode::id).containsExactly("d7.k1", "d7.k2");
  }

  @Test
  @DisplayName("sections and chapters keep their ids")
  void sectionsAndChapters() {
    assertThat(v2.chapters()).extracting(DraftNode::id).containsExactly("c1", "c2", "c3");
    assertThat(v2.find("c2").orElseThrow().children()).extracting(DraftNode::id).containsExactly("c2.m1", "c2.m2");
  }

  @Test
  @DisplayName("an article both renumbered and lightly edited keeps its id")
  void movedAndEdited() {
    String text = Drafts.read("quy-che-v2.md").replace("Mỗi điểm cầu bố trí một người phụ trách kỹ thuật.",
        "Mỗi điểm cầu bố trí ít nhất một người phụ trách kỹ thuật.");
    DraftDocument v3 = StableIds.assign(DraftImporter.parse(text).doc(), v1, used(v1));
    assertThat(article(v3, "6").id()).isEqualTo("d5");
    assertThat(article(v3, "6").children().get(0).id()).isEqualTo("d5.k1");
  }

  @Test
  @DisplayName("importing the same text again changes no id")
  void sameText() {
    DraftDocument again = StableIds.assign(DraftImporter.parse(Drafts.read("quy-che-v1.md")).doc(), v1, used(v1));
    assertThat(again).isEqualTo(v1);
  }

  @Test
  @DisplayName("a new node never takes an id an earlier version used for something else")
  void noReuse() {
    Set<String> ids = used(v1);
    ids.add("d5-2");
    DraftDocument v2b = StableIds.assign(DraftImporter.parse(Drafts.read("quy-che-v2.md")).doc(), v1, ids);
    assertThat(article(v2b, "5").id()).isEqualTo("d5-3");
  }
}
