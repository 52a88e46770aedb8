/**
 * Word drafts (.docx) turned into the plain lines the domain's {@code DraftImporter} reads: Word's automatic
 * numbering resolved to the labels the reader sees ("Điều 5.", "1.", "a)"), tables kept as text, footnotes dropped
 * with a notice. Apache POI stays in this package: the domain never sees it.
 */
package vn.hoinghi.document.docx;
