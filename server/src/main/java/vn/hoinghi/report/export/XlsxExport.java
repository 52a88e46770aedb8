package vn.hoinghi.report.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import vn.hoinghi.report.SynthesisReport;
import vn.hoinghi.report.SynthesisReport.ArticleSection;
import vn.hoinghi.report.SynthesisReport.EndpointCount;
import vn.hoinghi.report.SynthesisReport.VoteResult;
import vn.hoinghi.report.Terms;

/**
 * A workbook: "Góp ý" with the report's one table (the CSV's columns) and its numbers under it, "Biểu quyết" with every
 * vote's result per article and per endpoint (named by the vote's title, never an id), "Điểm cầu" with attendance. Streamed (SXSSF), so thousands of rows
 * keep little in memory.
 */
public final class XlsxExport {

  private XlsxExport() {}

  public static void write(SynthesisReport report, OutputStream out) {
    try (SXSSFWorkbook wb = new SXSSFWorkbook(500)) {
      CellStyle head = wb.createCellStyle();
      Font bold = wb.createFont();
      bold.setBold(true);
      head.setFont(bold);
      CellStyle date = wb.createCellStyle();
      date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy hh:mm:ss"));
      CellStyle wrap = wb.createCellStyle();
      wrap.setWrapText(true);

      SXSSFSheet fb = wb.createSheet("Góp ý");
      header(fb, FeedbackRows.HEADER, head);
      int r = 1;
      for (FeedbackRows.Row row : FeedbackRows.of(report)) {
        Row x = fb.createRow(r++);
        List<String> cells = row.cells();
        x.createCell(0).setCellValue(row.number());
        for (int c = 1; c < cells.size(); c++) {
          var cell = x.createCell(c);
          cell.setCellValue(cells.get(c));
          cell.setCellStyle(wrap);
        }
      }
      r++;
      fb.createRow(r++).createCell(0).setCellValue(FeedbackRows.totals(report));
      fb.createRow(r++).createCell(0).setCellValue(Wording.opinionCounts(report.totals(),
          DocumentHeading.DraftingBody.BAN_SOAN_THAO));
      String agreed = FeedbackRows.agreedWithoutRemarks(report);
      if (agreed != null) fb.createRow(r).createCell(0).setCellValue(agreed);
      widths(fb, new int[] {6, 24, 34, 70, 60});
      fb.createFreezePane(0, 1);

      SXSSFSheet votes = wb.createSheet("Biểu quyết");
      List<String> vh = List.of("Điều", "Tên điều", "Biểu quyết", "Hình thức", "Điểm cầu", "Tán thành",
          "Không tán thành", "Ý kiến khác", "Tổng", "Kết quả chung của điểm cầu");
      header(votes, vh, head);
      r = 1;
      for (ArticleSection a : report.articles()) {
        for (VoteResult v : a.votes()) {
          Row x = votes.createRow(r++);
          voteRow(x, a, v, "Tổng cộng", v.overall(), "");
          for (EndpointCount e : v.byEndpoint()) {
            voteRow(votes.createRow(r++), a, v, e.name(), e.counted(), e.collective() ? "có" : "");
          }
        }
      }
      widths(votes, new int[] {10, 40, 12, 18, 30, 10, 14, 12, 8, 14});
      votes.createFreezePane(0, 1);

      List<VoteResult> alternativeVotes = Wording.alternativeVotes(report);
      if (!alternativeVotes.isEmpty()) {
        SXSSFSheet alts = wb.createSheet("Phương án");
        header(alts, List.of("Biểu quyết về", "Biểu quyết", "Hình thức", "Phương án", "Số phiếu", "Tỷ lệ (%)",
            "Tổng số phiếu", "Kết quả"), head);
        r = 1;
        for (VoteResult v : alternativeVotes) {
          var winner = Wording.winner(v);
          for (var a : v.alternatives()) {
            Row x = alts.createRow(r++);
            x.createCell(0).setCellValue(v.targetLabel());
            x.createCell(1).setCellValue(v.title());
            x.createCell(2).setCellValue(Terms.mode(v.mode()));
            x.createCell(3).setCellValue(a.label());
            x.createCell(4).setCellValue(a.count());
            x.createCell(5).setCellValue(a.percent());
            x.createCell(6).setCellValue(v.overall().total());
            x.createCell(7).setCellValue(a == winner ? Wording.ALTERNATIVES_CHOSEN : "");
          }
        }
        widths(alts, new int[] {20, 40, 18, 14, 10, 10, 12, 18});
        alts.createFreezePane(0, 1);
      }

      SXSSFSheet halls = wb.createSheet("Điểm cầu");
      header(halls, List.of("Mã", "Điểm cầu", "Đã điểm danh", "Số người", "Người tham dự đăng ký", "Đại biểu đăng ký",
          "Đại biểu có mặt", "Đại biểu vắng mặt", "Phiếu biểu quyết", "Kết quả chung", "Ý kiến góp ý", "Trả lời", "Lượt phát biểu",
          "Thời gian phát biểu (giây)"), head);
      r = 1;
      for (SynthesisReport.EndpointAttendance e : report.attendance()) {
        Row x = halls.createRow(r++);
        x.createCell(0).setCellValue(e.code());
        x.createCell(1).setCellValue(e.name());
        x.createCell(2).setCellValue(e.checkedIn() ? "có" : "");
        x.createCell(3).setCellValue(e.headCount());
        x.createCell(4).setCellValue(e.participants());
        x.createCell(5).setCellValue(e.delegatesRegistered());
        x.createCell(6).setCellValue(e.delegatesPresent());
        x.createCell(7).setCellValue(e.delegatesAbsent());
        x.createCell(8).setCellValue(e.ballots());
        x.createCell(9).setCellValue(e.hallResults());
        x.createCell(10).setCellValue(e.feedbackItems());
        x.createCell(11).setCellValue(e.replies());
        x.createCell(12).setCellValue(e.speeches());
        x.createCell(13).setCellValue(e.spokenSeconds());
      }
      widths(halls, new int[] {8, 30, 12, 10, 12, 12, 12, 12, 12, 12, 12, 10, 12, 14});
      wb.write(out);
      wb.dispose();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void voteRow(Row x, ArticleSection a, VoteResult v, String who, SynthesisReport.Count c,
      String collective) {
    x.createCell(0).setCellValue(a.label());
    x.createCell(1).setCellValue(a.title());
    x.createCell(2).setCellValue(v.title());
    x.createCell(3).setCellValue(Terms.mode(v.mode()));
    x.createCell(4).setCellValue(who);
    x.createCell(5).setCellValue(c.agree());
    x.createCell(6).setCellValue(c.disagree());
    x.createCell(7).setCellValue(c.other());
    x.createCell(8).setCellValue(c.total());
    x.createCell(9).setCellValue(collective);
  }

  private static void header(Sheet s, List<String> names, CellStyle style) {
    Row h = s.createRow(0);
    for (int i = 0; i < names.size(); i++) {
      var c = h.createCell(i);
      c.setCellValue(names.get(i));
      c.setCellStyle(style);
    }
  }

  private static void widths(Sheet s, int[] chars) {
    for (int i = 0; i < chars.length; i++) {
      s.setColumnWidth(i, chars[i] * 256);
    }
  }
}
