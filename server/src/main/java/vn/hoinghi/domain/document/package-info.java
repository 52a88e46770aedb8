/**
 * The draft document (dự thảo): its Vietnamese legal structure (Phần, Chương, Mục, Điều, Khoản, Điểm), the importer
 * that reads it from plain text or Markdown and reports every line it cannot place, and the stable node ids that
 * keep votes and annotations attached when a new version arrives. Pure JDK, no I/O.
 */
package vn.hoinghi.domain.document;
