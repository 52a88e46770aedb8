package vn.hoinghi.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import io.vertx.ext.healthchecks.Status;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.util.List;
import vn.hoinghi.app.ServerConfig;
import vn.hoinghi.gateway.Gateway;
import vn.hoinghi.gateway.ReportApi;
import vn.hoinghi.gateway.RestApi;
import vn.hoinghi.store.EventStore;

/**
 * One HTTP server instance: the web client, /api, /ws and the operations endpoints on one port.
 * Several instances share the port (one per event loop), so connections spread over the cores.
 */
public final class HttpVerticle extends VerticleBase {
  /** Largest WebSocket frame and message from a client: commands are small; drafts go over REST. */
  public static final int MAX_WS_MESSAGE = 64 * 1024;

  private final ServerConfig config;
  private final EventStore store;
  private final Gateway gateway;
  private HttpServer server;
  static final long READY_PING_TIMEOUT_MS = 800;

  public HttpVerticle(ServerConfig config, EventStore store, Gateway gateway) {
    this.config = config;
    this.store = store;
    this.gateway = gateway;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    router.get("/health").handler(HealthCheckHandler.create(vertx).register("server", p -> p.complete(Status.OK())));
    router.get("/health/ready").handler(HealthCheckHandler.create(vertx)
        // A database that never answers must read as "not ready" (503), not as a failed check (500): the check's
        // own timeout is 1 s, so the ping gets less.
        .register("store", p -> store.ping().timeout(READY_PING_TIMEOUT_MS, java.util.concurrent.TimeUnit.MILLISECONDS)
            .onSuccess(v -> p.tryComplete(Status.OK()))
            .onFailure(e -> p.tryComplete(Status.KO(new JsonObject().put("error", e.getMessage()))))));
    router.get("/metrics").handler(PrometheusScrapingHandler.create());
    router.route("/api/*").subRouter(new ReportApi(vertx, gateway, store).router());
    router.route("/api/*").subRouter(new RestApi(vertx, gateway).router());
    router.route("/*").handler(StaticHandler.create("webroot").setCachingEnabled(true));

    HttpServerOptions options = new HttpServerOptions()
        .setHost(config.httpHost())
        .setPort(config.httpPort())
        .setAcceptBacklog(4096)
        .setMaxWebSocketFrameSize(4 * MAX_WS_MESSAGE)
        .setMaxWebSocketMessageSize(MAX_WS_MESSAGE)
        .setWebSocketSubProtocols(List.of(Gateway.SUBPROTOCOL))
        .setIdleTimeout(0);
    server = vertx.createHttpServer(options)
        .webSocketHandshakeHandler(gateway::handshake)
        .webSocketHandler(gateway::connected)
        .requestHandler(router);
    return server.listen();
  }

  public int actualPort() {
    return server.actualPort();
  }

  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture() : server.close();
  }
}
