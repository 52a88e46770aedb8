package vn.hoinghi.report;

/**
 * The numbers of the table every format prints: rows, rows answered (tiếp thu + giải trình + ghi nhận), tiếp thu,
 * giải trình, ghi nhận, and rows not yet answered. A merged row counts once.
 */
public record TableTotals(int rows, int answered, int accepted, int explained, int noted, int unanswered) {}
