package vn.hoinghi.report.export;

import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import vn.hoinghi.report.SynthesisReport;
import vn.hoinghi.report.SynthesisReport.ArticleSection;
import vn.hoinghi.report.SynthesisReport.VoteResult;

/**
 * The tally chart of the DOCX and PDF reports: one stacked bar per voted article (its latest vote), tán thành /
 * không tán thành / ý kiến khác. Empty when nothing was voted.
 */
public final class TallyChart {

  private TallyChart() {}

  /** The latest vote on an article, the one the chart and the summary table show. */
  static VoteResult latest(ArticleSection a) {
    List<VoteResult> v = a.votes();
    return v.isEmpty() ? null : v.get(v.size() - 1);
  }

  /** PNG bytes, or null when no article was voted on. */
  public static byte[] png(SynthesisReport report, int width, int height) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (ArticleSection a : report.articles()) {
      VoteResult v = latest(a);
      if (v == null) {
        continue;
      }
      data.addValue(v.overall().agree(), "Tán thành", a.label());
      data.addValue(v.overall().disagree(), "Không tán thành", a.label());
      data.addValue(v.overall().other(), "Ý kiến khác", a.label());
    }
    if (data.getColumnCount() == 0) {
      return null;
    }
    JFreeChart chart = ChartFactory.createStackedBarChart(null, null, "Số phiếu", data, PlotOrientation.HORIZONTAL,
        true, false, false);
    Font font = ReportFonts.awt(false, 11f);
    chart.setBackgroundPaint(Color.WHITE);
    chart.getLegend().setItemFont(font);
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(0xBBBBBB));
    plot.getDomainAxis().setTickLabelFont(font);
    plot.getRangeAxis().setTickLabelFont(font);
    plot.getRangeAxis().setLabelFont(font);
    BarRenderer r = (BarRenderer) plot.getRenderer();
    r.setBarPainter(new StandardBarPainter());
    r.setShadowVisible(false);
    r.setSeriesPaint(0, new Color(0x2E7D32));
    r.setSeriesPaint(1, new Color(0xC62828));
    r.setSeriesPaint(2, new Color(0xF9A825));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ChartUtils.writeChartAsPNG(out, chart, width, height);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
