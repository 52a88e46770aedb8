package vn.hoinghi.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import io.vertx.ext.healthchecks.Status;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.util.List;
import vn.hoinghi.config.ServerConfig;
import vn.hoinghi.gateway.Gateway;
import vn.hoinghi.gateway.ReportApi;
import vn.hoinghi.gateway.RestApi;
import vn.hoinghi.store.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP server instance: the web client, /api, /ws and the operations endpoints on one port.
 * Several instances share the port (one per event loop), so connections spread over the cores.
 */
public final class HttpVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(HttpVerticle.class);
  /** Largest WebSocket frame and message from a client: {@link Gateway#MAX_WS_MESSAGE}. */
  public static final int MAX_WS_MESSAGE = vn.hoinghi.gateway.Gateway.MAX_WS_MESSAGE;

  private final ServerConfig config;
  private final EventStore store;
  private final Gateway gateway;
  private final ServerInfo info;
  private HttpServer server;
  static final long READY_PING_TIMEOUT_MS = 800;

  public HttpVerticle(ServerConfig config, EventStore store, Gateway gateway, ServerInfo info) {
    this.config = config;
    this.store = store;
    this.gateway = gateway;
    this.info = info;
  }

  @Override
  public Future<?> start() {
    return vertx.executeBlocking(WebClientFiles::fromClasspath).compose(this::listen);
  }

  private Future<HttpServer> listen(WebClientFiles webClient) {
    Router router = Router.router(vertx);
    router.route().handler(Compression::policy);
    router.get("/health").handler(HealthCheckHandler.create(vertx).register("server", p -> p.complete(Status.OK())));
    router.get("/health/ready").handler(HealthCheckHandler.create(vertx)
        // A database that never answers must read as "not ready" (503), not as a failed check (500): the check's
        // own timeout is 1 s, so the ping gets less.
        .register("store", p -> store.ping().timeout(READY_PING_TIMEOUT_MS, java.util.concurrent.TimeUnit.MILLISECONDS)
            .onSuccess(v -> p.tryComplete(Status.OK()))
            .onFailure(e -> p.tryComplete(Status.KO(new JsonObject().put("error", e.getMessage()))))));
    router.get("/metrics").handler(PrometheusScrapingHandler.create());
    router.get("/api/info").handler(info::handle);
    router.route("/api/*").subRouter(new ReportApi(vertx, gateway, store).router());
    router.route("/api/*").subRouter(new RestApi(vertx, gateway).router());
    router.route("/*").handler(webClient);

    HttpServerOptions options = Compression.configure(new HttpServerOptions())
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
        .invalidRequestHandler(HttpVerticle::invalidRequest)
        // A client that resets its connection (a hall's link dropping mid-upgrade) is routine, not a server error;
        // without a handler Vert.x logs each one at ERROR.
        .connectionHandler(conn -> conn.exceptionHandler(HttpVerticle::connectionError))
        .requestHandler(router);
    return server.listen();
  }

  /**
   * A request the HTTP decoder refused (a line or headers over the limits, broken syntax) gets the API's typed JSON
   * error like every other 4xx, and the connection is closed as the decoder's state is unknown.
   */
  static void invalidRequest(io.vertx.core.http.HttpServerRequest req) {
    Throwable cause = req.decoderResult().cause();
    int status = cause instanceof io.netty.handler.codec.http.TooLongHttpLineException ? 414
        : cause instanceof io.netty.handler.codec.http.TooLongHttpHeaderException ? 431 : 400;
    String code = status == 400 ? "INVALID" : "TOO_LARGE";
    req.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Connection", "close")
        .end(vn.hoinghi.gateway.Replies.error(null, code, status == 400 ? "malformed HTTP request" : "request line or headers too large").encode())
        .onComplete(v -> req.connection().close());
  }

  private static void connectionError(Throwable e) {
    if (e instanceof java.io.IOException) {
      LOG.debug("connection: {}", e.getMessage());
    } else {
      LOG.warn("connection: {}", e.toString());
    }
  }

  public int actualPort() {
    return server.actualPort();
  }

  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture() : server.close();
  }
}
