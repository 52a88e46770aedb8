package vn.hoinghi.domain.document;

/** A line the importer could not place, with the 1-based line number and a message in Vietnamese and English. */
public record ImportProblem(int line, String messageVi, String messageEn) {

  /** One line for a rejection's details or a log: "dòng 12: ... / line 12: ...". */
  public String describe() {
    return "dòng " + line + ": " + messageVi + " / line " + line + ": " + messageEn;
  }
}
