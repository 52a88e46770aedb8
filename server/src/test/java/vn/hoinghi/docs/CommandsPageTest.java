package vn.hoinghi.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import vn.hoinghi.domain.Command;

/** docs/commands.md is what the code says: regenerate with {@code CommandsPage.main} after changing a command. */
class CommandsPageTest {

  @Test
  void thePageIsTheCode() throws Exception {
    String page = Files.readString(CommandsPage.PAGE, StandardCharsets.UTF_8);
    assertThat(page).as("docs/commands.md is stale: run CommandsPage.main (see its Javadoc)")
        .isEqualTo(CommandsPage.render());
    for (Class<?> c : Command.class.getPermittedSubclasses()) {
      assertThat(page).contains("### `" + c.getSimpleName() + "`");
    }
  }

  @Test
  void everyCommandHasItsSectionAndEveryDocumentedOneItsText() throws Exception {
    var docs = CommandsPage.parse(Files.readAllLines(CommandsPage.SOURCE, StandardCharsets.UTF_8));
    for (Class<?> c : Command.class.getPermittedSubclasses()) {
      assertThat(docs).as(c.getSimpleName() + " found in Command.java").containsKey(c.getSimpleName());
    }
    assertThat(docs.get("CreateConference").text()).startsWith("Creates the conference");
    assertThat(docs.get("CreateConference").section()).isEqualTo("The conference");
  }
}
