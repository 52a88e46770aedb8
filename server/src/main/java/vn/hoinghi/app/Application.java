package vn.hoinghi.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.micrometer.backends.BackendRegistries;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoinghi.http.HttpVerticle;
import vn.hoinghi.store.EventStore;
import vn.hoinghi.store.MeteredEventStore;
import vn.hoinghi.store.postgres.PgEventStore;
import vn.hoinghi.store.sqlite.SqliteEventStore;

/** The running server: one Vert.x instance, one store, the HTTP verticle. */
public final class Application {
  private static final Logger LOG = LoggerFactory.getLogger(Application.class);

  private final ServerConfig config;
  private final Vertx vertx;
  private final EventStore store;
  private final HttpVerticle http;
  private volatile boolean stopped;

  private Application(ServerConfig config, Vertx vertx, EventStore store, HttpVerticle http) {
    this.config = config;
    this.vertx = vertx;
    this.store = store;
    this.http = http;
  }

  /** Vert.x with Micrometer metrics exposed for Prometheus scraping. */
  public static Vertx newVertx() {
    return Vertx.builder()
        .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions()
            .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))
            .setJvmMetricsEnabled(true)
            .setEnabled(true)))
        .build();
  }

  /**
   * Opens the store (migrating it) and starts serving. Blocks the calling thread, which must not
   * be an event loop; failures are {@link ConfigError} or the store's one-line error.
   */
  public static Application start(Vertx vertx, ServerConfig config) {
    EventStore raw = config.store() instanceof ServerConfig.Store.Postgres p
        ? PgEventStore.open(vertx, p.url(), p.schema(), p.poolSize())
        : SqliteEventStore.open(vertx, config.dataDir());
    MeterRegistry registry = BackendRegistries.getDefaultNow();
    EventStore store = registry == null ? raw : new MeteredEventStore(raw, registry);
    HttpVerticle http = new HttpVerticle(config, store, version());
    try {
      vertx.deployVerticle(http, new DeploymentOptions()).await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      store.close();
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new ConfigError("cannot listen on " + config.httpHost() + ":" + config.httpPort() + ": "
          + cause.getMessage());
    }
    LOG.info("Hội Nghị {} listening on http://{}:{}/ with {}", version(), displayHost(config.httpHost()),
        http.actualPort(), store.describe());
    return new Application(config, vertx, store, http);
  }

  private static String displayHost(String host) {
    return host.equals("0.0.0.0") ? "localhost" : host;
  }

  public static String version() {
    String v = Application.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  public int port() {
    return http.actualPort();
  }

  public EventStore store() {
    return store;
  }

  public Vertx vertx() {
    return vertx;
  }

  public ServerConfig config() {
    return config;
  }

  /**
   * Graceful stop: stop accepting and close sockets with "going away", let pending appends
   * commit, close the store, then Vert.x. Idempotent.
   */
  public synchronized void stop() {
    if (stopped) return;
    stopped = true;
    Duration grace = Duration.ofSeconds(Math.max(1, config.shutdownGraceSeconds()));
    try {
      vertx.undeploy(vertx.deploymentIDs().iterator().hasNext() ? vertx.deploymentIDs().iterator().next() : "")
          .await(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      LOG.warn("HTTP shutdown did not finish cleanly: {}", e.getMessage());
    }
    try {
      store.close().await(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      LOG.warn("store did not close cleanly: {}", e.getMessage());
    }
    try {
      vertx.close().await(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      LOG.warn("Vert.x did not close cleanly: {}", e.getMessage());
    }
    LOG.info("Hội Nghị stopped");
  }
}
