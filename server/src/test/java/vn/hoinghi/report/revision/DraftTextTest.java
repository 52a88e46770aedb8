package vn.hoinghi.report.revision;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.hoinghi.domain.demo.DemoConference;
import vn.hoinghi.domain.document.DraftImporter;
import vn.hoinghi.domain.document.Drafts;
import vn.hoinghi.domain.document.ImportResult;

@DisplayName("A draft version written back as text")
class DraftTextTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"demo", "quy-che-v1.md", "quy-che-v2.md", "luat-mau-co-phan.txt"})
  @DisplayName("imports to the same document it was written from")
  void roundTrip(String name) {
    String source = name.equals("demo") ? DemoConference.draftText() : Drafts.read(name);
    ImportResult first = DraftImporter.parse(source);
    assertThat(first.problems()).isEmpty();
    String text = DraftText.render(first.doc());
    ImportResult again = DraftImporter.parse(text);
    assertThat(again.problems()).as(text).isEmpty();
    assertThat(again.doc()).isEqualTo(first.doc());
  }
}
