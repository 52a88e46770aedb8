package vn.hoinghi.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import io.vertx.core.Promise;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoinghi.app.ServerConfig;
import vn.hoinghi.store.EventStore;

/** Serves the web client, the operations endpoints and the WebSocket on one port. */
public final class HttpVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(HttpVerticle.class);
  /** WebSocket close code 1001: the server is going away (shutdown or restart). */
  public static final short GOING_AWAY = 1001;

  private final ServerConfig config;
  private final EventStore store;
  private final String version;
  private final Set<ServerWebSocket> sockets = ConcurrentHashMap.newKeySet();
  private HttpServer server;
  private volatile boolean stopping;

  public HttpVerticle(ServerConfig config, EventStore store, String version) {
    this.config = config;
    this.store = store;
    this.version = version;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    router.get("/health").handler(HealthCheckHandler.create(vertx).register("server", p -> p.complete(Status.OK())));
    router.get("/health/ready").handler(HealthCheckHandler.create(vertx)
        .register("store", p -> store.ping()
            .onSuccess(v -> p.tryComplete(Status.OK()))
            .onFailure(e -> p.tryComplete(Status.KO(new JsonObject().put("error", e.getMessage()))))));
    router.get("/metrics").handler(PrometheusScrapingHandler.create());
    router.route("/*").handler(StaticHandler.create("webroot").setCachingEnabled(true));

    HttpServerOptions options = new HttpServerOptions()
        .setHost(config.httpHost())
        .setPort(config.httpPort())
        .setAcceptBacklog(4096)
        .setMaxWebSocketFrameSize(64 * 1024)
        .setMaxWebSocketMessageSize(256 * 1024);
    server = vertx.createHttpServer(options)
        .webSocketHandshakeHandler(hs -> {
          if (stopping) hs.reject(503);
          else if ("/ws".equals(hs.path())) hs.accept();
          else hs.reject(404);
        })
        .webSocketHandler(this::onWebSocket)
        .requestHandler(router);
    return server.listen();
  }

  private void onWebSocket(ServerWebSocket ws) {
    sockets.add(ws);
    ws.closeHandler(v -> sockets.remove(ws));
    store.conferences().onComplete(ar -> {
      JsonObject status = new JsonObject()
          .put("type", "status")
          .put("server", "hoinghi")
          .put("version", version)
          .put("store", store.describe().startsWith("PostgreSQL") ? "postgresql" : "embedded")
          .put("conferences", ar.succeeded() ? ar.result().size() : -1);
      if (!ws.isClosed()) ws.writeTextMessage(status.encode());
    });
  }

  public int actualPort() {
    return server.actualPort();
  }

  /**
   * Refuses new WebSockets, tells every open one that the server is going away (1001) and waits
   * briefly for the close handshakes, then closes the listener and what is left.
   */
  @Override
  public Future<?> stop() {
    stopping = true;
    List<Future<Void>> closing = new ArrayList<>();
    for (ServerWebSocket ws : sockets) {
      closing.add(ws.close(GOING_AWAY, "server shutting down")
          .recover(e -> {
            LOG.debug("close failed", e);
            return Future.succeededFuture();
          }));
    }
    Promise<Void> handshakes = Promise.promise();
    Future.join(closing).onComplete(ar -> handshakes.tryComplete());
    vertx.setTimer(2_000, t -> handshakes.tryComplete());
    return handshakes.future().compose(v -> server == null ? Future.succeededFuture() : server.close());
  }
}
