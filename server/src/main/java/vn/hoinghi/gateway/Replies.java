package vn.hoinghi.gateway;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import vn.hoinghi.domain.Rejection;
import vn.hoinghi.live.Outcome;
import vn.hoinghi.wire.ErrorCode;

/**
 * The replies both the WebSocket and REST give: an ack, or a typed error whose message is in
 * Vietnamese and English. Gateway-level error codes have their fixed bilingual texts in {@link ErrorCode}; domain
 * rejections carry their own.
 */
public final class Replies {
  private Replies() {}

  /** A gateway error with its fixed texts; {@code detail} (English) adds what exactly was wrong. */
  public static JsonObject error(String id, String code, String detail) {
    return error(id, ErrorCode.of(code), detail);
  }

  /** A gateway error with its fixed texts from {@link ErrorCode}; {@code detail} (English) adds what was wrong. */
  public static JsonObject error(String id, ErrorCode code, String detail) {
    JsonObject e = base(id, code.name(), code.vi(), code.en());
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
