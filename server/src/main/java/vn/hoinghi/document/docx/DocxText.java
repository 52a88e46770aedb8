package vn.hoinghi.document.docx;

import java.util.List;
import vn.hoinghi.domain.document.ImportProblem;

/**
 * A Word draft as the lines the importer reads, one paragraph a line (a table row is one line "| a | b |"), and
 * what was left out on the way (footnotes, the letterhead table, pictures), each notice at the line where it stood.
 */
public record DocxText(String text, List<ImportProblem> notices) {
  public DocxText {
    notices = List.copyOf(notices);
  }
}
