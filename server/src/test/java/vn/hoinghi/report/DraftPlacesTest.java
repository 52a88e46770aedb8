package vn.hoinghi.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Places of a draft as people write them")
class DraftPlacesTest {

  private final PlayedSession s = PlayedSession.story();
  private final DraftPlaces p = new DraftPlaces(s.conf.drafts().get(0).document());

  @Test
  @DisplayName("\"Điều 8, khoản 1\", \"Điều 8 khoản 1\", \"dieu 8, k1\" and \"ĐIỀU 8 - KHOẢN 1\" all name the same clause")
  void spellings() {
    assertThat(p.label("d8.k1")).isEqualTo("Điều 8, khoản 1");
    for (String w : new String[] {"Điều 8, khoản 1", "Điều 8 khoản 1", "dieu 8, k1", "ĐIỀU 8 - KHOẢN 1", " điều 8,khoản 1 "}) {
      assertThat(p.find(w)).as(w).isEqualTo("d8.k1");
    }
    assertThat(p.find("Điều 11, khoản 1, điểm a")).isEqualTo("d11.k1.a");
    assertThat(p.find("Điều 8")).isEqualTo("d8");
  }

  @Test
  @DisplayName("a place the draft does not have, or no place, is not found")
  void unknown() {
    assertThat(p.find("Điều 99")).isNull();
    assertThat(p.find("Điều 8, khoản 9")).isNull();
    assertThat(p.find("")).isNull();
    assertThat(p.find(null)).isNull();
  }
}
