package vn.hoinghi.live;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import vn.hoinghi.domain.CommandEnvelope;

/**
 * A command waiting for its round. {@code replyTo}: the event loop the command came from (its answer is delivered there
 * in one task per round), or null; {@code queuedAt}: when it was queued, in {@link WriterClock#ticks()}.
 */
record Pending(CommandEnvelope envelope, String submitter, Promise<Outcome> promise, Context replyTo, long queuedAt) {

  /**
   * The caller's event loop, if the caller runs on one: its own context, not the one Vert.x duplicates for each
   * connection, so that the answers of a round are grouped per loop.
   */
  static Context callerLoop() {
    Context c = Vertx.currentContext();
    if (c instanceof io.vertx.core.internal.ContextInternal ci) c = ci.unwrap();
    return c != null && c.isEventLoopContext() ? c : null;
  }

  /** {@code result}, delivered on {@code loop} (the caller's event loop), or where it is when {@code loop} is null. */
  static <T> Future<T> backOn(Context loop, AsyncResult<T> result) {
    if (loop == null) return result.succeeded() ? Future.succeededFuture(result.result()) : Future.failedFuture(result.cause());
    Promise<T> p = Promise.promise();
    loop.runOnContext(v -> p.handle(result));
    return p.future();
  }
}
