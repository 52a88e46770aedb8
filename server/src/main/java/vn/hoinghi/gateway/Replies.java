package vn.hoinghi.gateway;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import vn.hoinghi.domain.Rejection;
import vn.hoinghi.live.Outcome;

/**
 * The replies both the WebSocket and REST give: an ack, or a typed error whose message is in
 * Vietnamese and English. Gateway-level error codes have fixed bilingual texts here; domain
 * rejections carry their own.
 */
public final class Replies {
  private Replies() {}

  private static final Map<String, String[]> TEXTS = Map.ofEntries(
      Map.entry("MALFORMED_JSON", new String[] {"Thông điệp không phải JSON hợp lệ.", "The message is not valid JSON."}),
      Map.entry("INVALID_MESSAGE", new String[] {"Thông điệp không đúng định dạng.", "The message does not match the protocol."}),
      Map.entry("UNKNOWN_TYPE", new String[] {"Loại thông điệp không được hỗ trợ.", "Unknown message type."}),
      Map.entry("UNKNOWN_COMMAND", new String[] {"Lệnh không tồn tại.", "Unknown command type."}),
      Map.entry("UNSUPPORTED", new String[] {"Máy chủ chỉ nhận thông điệp dạng văn bản.", "Only text messages are accepted."}),
      Map.entry("NOT_AUTHENTICATED", new String[] {"Cần đăng nhập trước.", "Authenticate first (hello)."}),
      Map.entry("ALREADY_AUTHENTICATED", new String[] {"Kết nối đã được xác thực.", "This connection is already authenticated."}),
      Map.entry("INVALID_TOKEN", new String[] {"Mã xác thực không hợp lệ hoặc đã hết hạn.", "Invalid or expired token."}),
      Map.entry("FORBIDDEN", new String[] {"Không có quyền thực hiện.", "Not allowed."}),
      Map.entry("NOT_FOUND", new String[] {"Không tìm thấy.", "Not found."}),
      Map.entry("RATE_LIMITED", new String[] {"Gửi quá nhiều yêu cầu, vui lòng chậm lại.", "Too many messages; slow down."}),
      Map.entry("STORE_UNAVAILABLE", new String[] {"Kho dữ liệu tạm thời không sẵn sàng; vui lòng gửi lại lệnh với cùng mã.",
          "The event store is unavailable; send the command again with the same id."}),
      Map.entry("STORE_CONFLICT", new String[] {
          "Hội nghị vừa được máy chủ khác ghi thêm nên lệnh chưa được lưu; vui lòng gửi lại lệnh với cùng mã.",
          "The conference changed on another server, so the command was not saved; send it again with the same id."}),
      Map.entry("CONFLICT", new String[] {"Xung đột với dữ liệu hiện có.", "This clashes with the current state."}),
      Map.entry("UNAVAILABLE", new String[] {"Máy chủ đang dừng; vui lòng kết nối lại rồi gửi lại lệnh với cùng mã.",
          "The server is stopping; reconnect and send the command again with the same id."}),
      Map.entry("WRITER_MOVED", new String[] {
          "Máy chủ ghi của hội nghị vừa chuyển sang máy khác; lệnh chưa được lưu, vui lòng gửi lại với cùng mã.",
          "The conference's writer moved to another server; nothing was saved, send the command again with the same id."}),
      Map.entry("NO_WRITER", new String[] {
          "Không máy chủ nào trả lời thay cho máy ghi của hội nghị; lệnh có thể đã được lưu hoặc chưa, vui lòng gửi lại với cùng mã.",
          "No server answered as the conference's writer; the command may or may not have been saved: send it again with the same id."}),
      Map.entry("INTERNAL", new String[] {"Lỗi máy chủ.", "Server error."}),
      Map.entry("INVALID", new String[] {"Dữ liệu không hợp lệ.", "Invalid input."}),
      Map.entry("LOGIN_FAILED", new String[] {"Tên đăng nhập hoặc mật khẩu không đúng.", "Wrong username or password."}),
      Map.entry("PASSWORD_CHANGE_REQUIRED", new String[] {"Phải đổi mật khẩu trước khi dùng tài khoản này (POST /api/password).",
          "Change the password before using this account (POST /api/password)."}),
      Map.entry("NO_CONFERENCE", new String[] {"Tài khoản này chưa tham gia hội nghị nào.",
          "This account takes part in no conference."}),
      Map.entry("THROTTLED", new String[] {"Thử sai quá nhiều lần; vui lòng đợi rồi thử lại.", "Too many failed attempts; wait and retry."}),
      Map.entry("TOO_LARGE", new String[] {"Nội dung quá lớn.", "The body is too large."}),
      Map.entry("SESSION_ENDED", new String[] {"Phiên làm việc đã kết thúc (đã đăng nhập trên thiết bị khác hoặc bị thu hồi).",
          "This session has ended (signed in on another device, or ended by the host)."}));

  /** A gateway error with its fixed texts; {@code detail} (English) adds what exactly was wrong. */
  public static JsonObject error(String id, String code, String detail) {
    String[] t = TEXTS.getOrDefault(code, new String[] {"Lỗi.", "Error."});
    JsonObject e = base(id, code, t[0], t[1]);
    if (detail != null) e.put("details", new JsonArray().add(detail));
    return e;
  }

  public static JsonObject rejection(String id, Rejection r) {
    JsonObject e = base(id, r.code().name(), r.messageVi(), r.messageEn());
    if (!r.details().isEmpty()) e.put("details", new JsonArray(List.copyOf(r.details())));
    return e;
  }

  public static JsonObject outcome(String id, Outcome o) {
    if (o instanceof Outcome.Acked a) {
      return new JsonObject().put("type", "ack").put("id", id).put("firstSeq", a.firstSeq())
          .put("lastSeq", a.lastSeq()).put("duplicate", a.duplicate());
    }
    if (o instanceof Outcome.Refused r) return rejection(id, r.rejection());
    Outcome.Failed f = (Outcome.Failed) o;
    return error(id, f.code(), f.message());
  }

  private static JsonObject base(String id, String code, String vi, String en) {
    JsonObject e = new JsonObject().put("type", "error");
    if (id != null) e.put("id", id);
    return e.put("code", code).put("message", new JsonObject().put("vi", vi).put("en", en));
  }
}
