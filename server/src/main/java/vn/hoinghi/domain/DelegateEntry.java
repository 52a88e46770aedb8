package vn.hoinghi.domain;

/**
 * One row of a hall's delegate list (danh sách đại biểu) as imported: họ tên, chức vụ, đơn vị, điểm cầu (by its
 * code), and optional phone and e-mail. Only the name and the endpoint are required.
 */
public record DelegateEntry(String fullName, String position, String unit, String endpointCode, String phone,
    String email) {}
