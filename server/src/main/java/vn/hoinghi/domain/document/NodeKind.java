package vn.hoinghi.domain.document;

/** The levels of a Vietnamese legal text, outermost first. */
public enum NodeKind {
  /** Phần: optional, groups chapters. */
  PART,
  /** Chương: numbered with Roman numerals. */
  CHAPTER,
  /** Mục: optional, only inside a chapter. */
  SECTION,
  /** Tiểu mục: optional, only inside a section. */
  SUBSECTION,
  /** Điều: numbered across the whole document; the unit of voting. */
  ARTICLE,
  /** Khoản: "1.", "2." inside an article. */
  CLAUSE,
  /** Điểm: "a)", "b)", "đ)" inside a clause. */
  POINT,
  /**
   * Phương án: one of two or more alternative wordings of an article (child of the article, may hold clauses) or of a
   * clause (child of the clause, may hold points), numbered 1, 2… within its group; its own wording is its text.
   */
  ALTERNATIVE,
  /** Phụ lục (or a document attached after the signature, e.g. a KẾ HOẠCH): a root node kept as plain text. */
  APPENDIX
}
