package vn.hoinghi.domain.document;

/** The levels of a Vietnamese legal text, outermost first. */
public enum NodeKind {
  /** Phần: optional, groups chapters. */
  PART,
  /** Chương: numbered with Roman numerals. */
  CHAPTER,
  /** Mục: optional, only inside a chapter. */
  SECTION,
  /** Điều: numbered across the whole document; the unit of voting. */
  ARTICLE,
  /** Khoản: "1.", "2." inside an article. */
  CLAUSE,
  /** Điểm: "a)", "b)", "đ)" inside a clause. */
  POINT
}
