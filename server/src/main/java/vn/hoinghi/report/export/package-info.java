/**
 * The synthesis report rendered in each format, one class per format: {@link vn.hoinghi.report.export.DocxExport}
 * (the Vietnamese administrative layout), {@link vn.hoinghi.report.export.PdfExport} (with an embedded font),
 * {@link vn.hoinghi.report.export.XlsxExport} and {@link vn.hoinghi.report.export.CsvExport} (every feedback item,
 * the same columns: {@link vn.hoinghi.report.export.FeedbackRows}), {@link vn.hoinghi.report.export.MarkdownExport}.
 * Each is a blocking function of the report: callers run it on a worker thread.
 */
package vn.hoinghi.report.export;
