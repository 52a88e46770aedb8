/**
 * The drafting team's synthesis report (báo cáo tổng hợp, tiếp thu, giải trình ý kiến góp ý) as plain records built
 * from a {@link vn.hoinghi.domain.Conference}: a pure function of the state, no Vert.x. {@code export} renders it
 * (DOCX, PDF, XLSX, CSV, Markdown); {@code revision} composes a revised draft and compares versions word by word.
 */
package vn.hoinghi.report;
