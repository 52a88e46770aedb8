package vn.hoinghi.domain.document;

import java.util.List;

/** What the importer made of a text. The document is only usable when {@code problems} is empty. */
public record ImportResult(DraftDocument doc, List<ImportProblem> problems) {

  public ImportResult {
    problems = List.copyOf(problems);
  }

  public boolean ok() {
    return problems.isEmpty();
  }
}
