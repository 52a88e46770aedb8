package vn.hoinghi.report;

/**
 * What to report on: the draft version whose articles structure the report (null: the current one), and the one
 * endpoint to limit it to (null: the whole conference; a host reads their own endpoint's part).
 */
public record ReportOptions(Integer draftVersion, String endpointId) {

  public static ReportOptions whole() {
    return new ReportOptions(null, null);
  }
}
