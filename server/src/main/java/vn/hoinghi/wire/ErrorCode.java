package vn.hoinghi.wire;

/**
 * Every error code the server sends, over the WebSocket and REST, with its HTTP status, whether the same command sent
 * again with the same id may succeed (docs/protocol.md's "retryable" column), and its fixed texts in Vietnamese and
 * English. The one list: {@code ErrorCodeTest} checks the docs' tables, the web client's retry set and the domain's
 * rejection codes against it; the protocol schema's {@code ErrorCode} definition is generated from it. A domain
 * rejection ({@code INVALID}, {@code FORBIDDEN}, {@code NOT_FOUND}, {@code WRONG_STATE}, {@code CONFLICT},
 * {@code LIMIT}) carries its own texts; the ones here are the fallback.
 */
public enum ErrorCode {
  MALFORMED_JSON(400, false,
      "Thông điệp không phải JSON hợp lệ.",
      "The message is not valid JSON."),
  INVALID_MESSAGE(400, false,
      "Thông điệp không đúng định dạng.",
      "The message does not match the protocol."),
  UNKNOWN_TYPE(400, false,
      "Loại thông điệp không được hỗ trợ.",
      "Unknown message type."),
  UNKNOWN_COMMAND(400, false,
      "Lệnh không tồn tại.",
      "Unknown command type."),
  UNSUPPORTED(400, false,
      "Máy chủ chỉ nhận thông điệp dạng văn bản.",
      "Only text messages are accepted."),
  NOT_AUTHENTICATED(401, true,
      "Cần đăng nhập trước.",
      "Authenticate first (hello)."),
  ALREADY_AUTHENTICATED(400, false,
      "Kết nối đã được xác thực.",
      "This connection is already authenticated."),
  INVALID_TOKEN(401, false,
      "Mã xác thực không hợp lệ hoặc đã hết hạn.",
      "Invalid or expired token."),
  RATE_LIMITED(429, true,
      "Gửi quá nhiều yêu cầu, vui lòng chậm lại.",
      "Too many messages; slow down."),
  INVALID(400, false,
      "Dữ liệu không hợp lệ.",
      "Invalid input."),
  LIMIT(413, false,
      "Vượt quá giới hạn cho phép.",
      "Over a limit."),
  FORBIDDEN(403, false,
      "Không có quyền thực hiện.",
      "Not allowed."),
  NOT_FOUND(404, false,
      "Không tìm thấy.",
      "Not found."),
  WRONG_STATE(409, false,
      "Chưa thể thực hiện lúc này.",
      "Not possible now."),
  CONFLICT(409, false,
      "Xung đột với dữ liệu hiện có.",
      "This clashes with the current state."),
  STORE_CONFLICT(503, true,
      "Hội nghị vừa được máy chủ khác ghi thêm nên lệnh chưa được lưu; vui lòng gửi lại lệnh với cùng mã.",
      "The conference changed on another server, so the command was not saved; send it again with the same id."),
  STORE_UNAVAILABLE(503, true,
      "Kho dữ liệu tạm thời không sẵn sàng; vui lòng gửi lại lệnh với cùng mã.",
      "The event store is unavailable; send the command again with the same id."),
  WRITER_MOVED(503, true,
      "Máy chủ ghi của hội nghị vừa chuyển sang máy khác; lệnh chưa được lưu, vui lòng gửi lại với cùng mã.",
      "The conference's writer moved to another server; nothing was saved, send the command again with the same id."),
  NO_WRITER(503, true,
      "Không máy chủ nào trả lời thay cho máy ghi của hội nghị; lệnh có thể đã được lưu hoặc chưa, vui lòng gửi lại với cùng mã.",
      "No server answered as the conference's writer; the command may or may not have been saved: send it again with the same id."),
  UNAVAILABLE(503, true,
      "Máy chủ đang dừng; vui lòng kết nối lại rồi gửi lại lệnh với cùng mã.",
      "The server is stopping; reconnect and send the command again with the same id."),
  SESSION_ENDED(401, false,
      "Phiên làm việc đã kết thúc (đã đăng nhập trên thiết bị khác hoặc bị thu hồi).",
      "This session has ended (signed in on another device, or ended by the host)."),
  INTERNAL(500, true,
      "Lỗi máy chủ.",
      "Server error."),
  LOGIN_FAILED(401, false,
      "Tên đăng nhập hoặc mật khẩu không đúng.",
      "Wrong username or password."),
  PASSWORD_CHANGE_REQUIRED(403, false,
      "Phải đổi mật khẩu trước khi dùng tài khoản này (POST /api/password).",
      "Change the password before using this account (POST /api/password)."),
  NO_CONFERENCE(403, false,
      "Tài khoản này chưa tham gia hội nghị nào.",
      "This account takes part in no conference."),
  THROTTLED(429, false,
      "Thử sai quá nhiều lần; vui lòng đợi rồi thử lại.",
      "Too many failed attempts; wait and retry."),
  TOO_LARGE(413, false,
      "Nội dung quá lớn.",
      "The body is too large."),
  UNSUPPORTED_MEDIA_TYPE(415, false,
      "Loại tệp không được hỗ trợ.",
      "This file type is not accepted.");

  private final int httpStatus;
  private final boolean retryable;
  private final String vi;
  private final String en;

  ErrorCode(int httpStatus, boolean retryable, String vi, String en) {
    this.httpStatus = httpStatus;
    this.retryable = retryable;
    this.vi = vi;
    this.en = en;
  }

  public int httpStatus() {
    return httpStatus;
  }

  public boolean retryable() {
    return retryable;
  }

  public String vi() {
    return vi;
  }

  public String en() {
    return en;
  }

  /** The code named {@code name}; an {@link IllegalArgumentException} for a code not in the list (a server bug). */
  public static ErrorCode of(String name) {
    try {
      return valueOf(name);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("error code " + name + " is not in vn.hoinghi.wire.ErrorCode", e);
    }
  }
}
