package vn.hoinghi.domain.document;

import java.util.List;

/**
 * What the importer made of a text. The document is only usable when {@code problems} is empty. {@code notices} name
 * the lines left out on purpose (page furniture of a printed text, see {@link PrintedLayout}), each at its line: they
 * do not stop an import.
 */
public record ImportResult(DraftDocument doc, List<ImportProblem> problems, List<ImportProblem> notices) {

  public ImportResult {
    problems = List.copyOf(problems);
    notices = List.copyOf(notices);
  }

  public ImportResult(DraftDocument doc, List<ImportProblem> problems) {
    this(doc, problems, List.of());
  }

  public boolean ok() {
    return problems.isEmpty();
  }
}
