package vn.hoinghi.gateway;

import io.vertx.core.json.JsonObject;
import java.util.List;
import vn.hoinghi.domain.Rejection;
import vn.hoinghi.live.Outcome;
import vn.hoinghi.wire.Codec;
import vn.hoinghi.wire.ErrorCode;
import vn.hoinghi.wire.ServerMessage;
import vn.hoinghi.wire.ServerMessage.AckMessage;
import vn.hoinghi.wire.ServerMessage.BilingualText;
import vn.hoinghi.wire.ServerMessage.ErrorMessage;

/**
 * The replies both the WebSocket and REST give: an ack, or a typed error whose message is in Vietnamese and English.
 * Gateway-level error codes have their fixed bilingual texts in {@link ErrorCode}; domain rejections carry their own.
 * The WebSocket sends the {@link ServerMessage} records; REST answers with the same JSON as a {@link JsonObject}, to
 * which some routes add fields.
 */
public final class Replies {
  private Replies() {}

  /** A gateway error with its fixed texts; {@code detail} (English) adds what exactly was wrong. */
  public static ErrorMessage errorMessage(String id, String code, String detail) {
    return errorMessage(id, ErrorCode.of(code), detail);
  }

  /** A gateway error with its fixed texts from {@link ErrorCode}; {@code detail} (English) adds what was wrong. */
  public static ErrorMessage errorMessage(String id, ErrorCode code, String detail) {
    return new ErrorMessage(id, code, new BilingualText(code.vi(), code.en()), detail == null ? null : List.of(detail));
  }

  public static ErrorMessage rejectionMessage(String id, Rejection r) {
    return new ErrorMessage(id, ErrorCode.of(r.code().name()), new BilingualText(r.messageVi(), r.messageEn()),
        r.details().isEmpty() ? null : List.copyOf(r.details()));
  }

  public static ServerMessage outcomeMessage(String id, Outcome o) {
    if (o instanceof Outcome.Acked a) return new AckMessage(id, a.firstSeq(), a.lastSeq(), a.duplicate());
    if (o instanceof Outcome.Refused r) return rejectionMessage(id, r.rejection());
    Outcome.Failed f = (Outcome.Failed) o;
    return errorMessage(id, f.code(), f.message());
  }

  /** The REST body of a gateway error. */
  public static JsonObject error(String id, String code, String detail) {
    return json(errorMessage(id, code, detail));
  }

  /** The REST body of a gateway error. */
  public static JsonObject error(String id, ErrorCode code, String detail) {
    return json(errorMessage(id, code, detail));
  }

  /** The REST body of a domain rejection. */
  public static JsonObject rejection(String id, Rejection r) {
    return json(rejectionMessage(id, r));
  }

  /** The REST body of a command's outcome. */
  public static JsonObject outcome(String id, Outcome o) {
    return json(outcomeMessage(id, o));
  }

  /** A message as a mutable JSON object, fields in wire order. */
  static JsonObject json(ServerMessage m) {
    return new JsonObject(Codec.encode(m));
  }
}
