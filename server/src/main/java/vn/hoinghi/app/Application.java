package vn.hoinghi.app;

import vn.hoinghi.config.ConfigError;
import vn.hoinghi.config.ServerConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.micrometer.backends.BackendRegistries;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoinghi.auth.Accounts;
import vn.hoinghi.live.Cluster;
import vn.hoinghi.cluster.PgCluster;
import vn.hoinghi.auth.SigningKeys;
import vn.hoinghi.auth.Throttle;
import vn.hoinghi.auth.Tokens;
import vn.hoinghi.gateway.Gateway;
import vn.hoinghi.gateway.GatewayMetrics;
import vn.hoinghi.http.HttpVerticle;
import vn.hoinghi.http.ServerInfo;
import vn.hoinghi.live.Conferences;
import vn.hoinghi.live.HmacBallotSealer;
import vn.hoinghi.store.EventStore;
import vn.hoinghi.store.MeteredEventStore;
import vn.hoinghi.store.postgres.PgEventStore;
import vn.hoinghi.store.sqlite.SqliteEventStore;

/** The running server: one Vert.x instance, one store, the conference writers, the gateway, HTTP. */
public final class Application {
  private static final Logger LOG = LoggerFactory.getLogger(Application.class);

  private final ServerConfig config;
  private final Vertx vertx;
  private final EventStore store;
  private final Conferences conferences;
  private final Accounts accounts;
  private final Gateway gateway;
  private final List<HttpVerticle> http;
  private final List<String> httpDeployments;
  private final DemoSeed.Result demo;
  private volatile FirstOrganizer.Result firstOrganizer = FirstOrganizer.Result.NONE;
  private volatile boolean stopped;
  /** How long a stop waits for the open WebSockets' close handshakes before it closes the listener. */
  public static final long CLOSE_HANDSHAKE_MS = 2_000;

  private Application(ServerConfig config, Vertx vertx, EventStore store, Conferences conferences, Accounts accounts,
                      Gateway gateway, List<HttpVerticle> http, List<String> httpDeployments, DemoSeed.Result demo) {
    this.config = config;
    this.vertx = vertx;
    this.store = store;
    this.conferences = conferences;
    this.accounts = accounts;
    this.gateway = gateway;
    this.http = http;
    this.httpDeployments = httpDeployments;
    this.demo = demo;
  }

  /** Vert.x with Micrometer metrics exposed for Prometheus scraping. */
  public static Vertx newVertx() {
    return Vertx.builder()
        .with(new VertxOptions().setPreferNativeTransport(true).setMetricsOptions(new MicrometerMetricsOptions()
            .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))
            .setJvmMetricsEnabled(true)
            .setEnabled(true)))
        .build();
  }

  public static Application start(Vertx vertx, ServerConfig config) {
    return start(vertx, config, Clock.systemUTC());
  }

  /**
   * Opens the store (migrating it), loads accounts, seeds the demo when asked and the store is
   * empty, and starts serving. Blocks the calling thread, which must not be an event loop; failures
   * are {@link ConfigError} or the store's one-line error.
   */
  public static Application start(Vertx vertx, ServerConfig config, Clock clock) {
    EventStore raw = config.store() instanceof ServerConfig.Store.Postgres p
        ? PgEventStore.open(vertx, p.url(), p.schema(), p.poolSize())
        : SqliteEventStore.open(vertx, config.dataDir());
    MeterRegistry registry = BackendRegistries.getDefaultNow();
    EventStore store = registry == null ? raw : new MeteredEventStore(raw, registry);
    try {
      Accounts accounts = await(Accounts.load(vertx, store), "load accounts");
      String ballotSecret = config.ballotSecret().isEmpty()
          ? SigningKeys.generatedSecret(config.dataDir(), "ballot-hmac.secret") : config.ballotSecret();
      // On PostgreSQL several nodes may share the database: one writes each conference, the others follow the log.
      Cluster cluster = raw instanceof PgEventStore pg
          ? await(PgCluster.start(vertx, pg.options(), pg.pool()).map(c -> (Cluster) c), "listen to PostgreSQL")
          : Cluster.single();
      Conferences conferences = new Conferences(vertx, store, new HmacBallotSealer(ballotSecret), clock, cluster,
          Duration.ofSeconds(config.idleUnloadSeconds()), registry);
      Tokens tokens = new Tokens(SigningKeys.provider(vertx, config.jwt(), config.dataDir()), config.jwt().algorithm(),
          config.jwt().accessTtlSeconds(), config.jwt().refreshTtlSeconds());
      Gateway gateway = new Gateway(vertx, tokens, conferences, accounts, new Throttle(clock), new GatewayMetrics(registry),
          version(), config.store() instanceof ServerConfig.Store.Postgres ? "postgresql" : "embedded");
      gateway.rateLimit(config.wsRate().perSecond(), config.wsRate().burst());
      DemoSeed.Result demo = config.demoSeed() ? DemoSeed.seedIfEmpty(conferences, accounts) : DemoSeed.Result.NONE;
      FirstOrganizer.Result first = FirstOrganizer.createIfNoAccounts(accounts, config.organizer());

      int instances = config.httpInstances() > 0 ? config.httpInstances() : Math.max(1, Runtime.getRuntime().availableProcessors());
      ServerInfo info = new ServerInfo(version(), demo.conferenceId() == null ? ServerInfo.Demo.none()
          : new ServerInfo.Demo(demo.conferenceId(), DemoSeed.PASSWORD, demo.logins().stream()
              .map(l -> new ServerInfo.Login(l.username(), l.displayName(), l.role())).toList()));
      List<HttpVerticle> http = new ArrayList<>();
      List<String> deployments = new ArrayList<>();
      for (int i = 0; i < instances; i++) {
        HttpVerticle v = new HttpVerticle(config, store, gateway, info);
        try {
          deployments.add(vertx.deployVerticle(v, new DeploymentOptions()).await(30, TimeUnit.SECONDS));
        } catch (Exception e) {
          Throwable cause = e.getCause() != null ? e.getCause() : e;
          throw new ConfigError("cannot listen on " + config.httpHost() + ":" + config.httpPort() + ": "
              + cause.getMessage());
        }
        http.add(v);
      }
      Application app = new Application(config, vertx, store, conferences, accounts, gateway, http, deployments, demo);
      app.firstOrganizer = first;
      LOG.info("Hội Nghị {} listening on http://{}:{}/ with {} ({} transport)", version(), displayHost(config.httpHost()),
          app.port(), store.describe(), vertx.isNativeTransportEnabled() ? "native epoll" : "NIO");
      return app;
    } catch (RuntimeException e) {
      try {
        store.close().await(5, TimeUnit.SECONDS);
      } catch (Exception ignored) {
        // already failing
      }
      throw e;
    }
  }

  private static <T> T await(Future<T> f, String what) {
    try {
      return f.await(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new ConfigError("cannot " + what + ": " + cause.getMessage());
    }
  }

  private static String displayHost(String host) {
    return host.equals("0.0.0.0") ? "localhost" : host;
  }

  public static String version() {
    String v = Application.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  public int port() {
    return http.get(0).actualPort();
  }

  public EventStore store() { return store; }
  public Vertx vertx() { return vertx; }
  public ServerConfig config() { return config; }
  public Conferences conferences() { return conferences; }
  public Accounts accounts() { return accounts; }
  public Gateway gateway() { return gateway; }
  public DemoSeed.Result demo() { return demo; }
  /** The first organizer created at this start, with its generated password (for Main to print once). */
  public FirstOrganizer.Result firstOrganizer() { return firstOrganizer; }

  /**
   * Graceful stop: refuse new sockets and close open ones with "going away", stop listening, let
   * every writer commit its round in flight, close the store, then Vert.x. Idempotent.
   */
  public synchronized void stop() {
    if (stopped) return;
    stopped = true;
    long grace = Duration.ofSeconds(Math.max(1, config.shutdownGraceSeconds())).toMillis();
    // The listener stays up until the close handshakes have ended (or the bound): closing it would cut them short.
    step("close sockets", gateway.closeAll(Math.min(CLOSE_HANDSHAKE_MS, grace)), grace);
    for (String id : httpDeployments) step("stop HTTP", vertx.undeploy(id), grace);
    step("stop writers", conferences.close(), grace);
    step("leave the cluster", conferences.cluster().close(), grace);
    step("close store", store.close(), grace);
    step("close Vert.x", vertx.close(), grace);
    LOG.info("Hội Nghị stopped");
  }

  private static void step(String what, Future<?> f, long graceMs) {
    try {
      f.await(graceMs, TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      LOG.warn("{} did not finish cleanly: {}", what, e.getMessage());
    }
  }
}
