package vn.hoinghi.app;

import vn.hoinghi.config.ConfigError;
import vn.hoinghi.config.ServerConfig;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;
import vn.hoinghi.store.StoreUnavailable;

/** Command-line entry point: {@code java -jar hoinghi-server.jar [--key=value ...]}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.setProperty("vertx.logger-delegate-factory-class-name", "io.vertx.core.logging.SLF4JLogDelegateFactory");
    Vertx vertx = null;
    try {
      ConfigLoader.CommandLine cli = ConfigLoader.parseArgs(args);
      if (cli.help()) {
        System.out.println(usage());
        return;
      }
      vertx = Application.newVertx();
      ServerConfig config = ConfigLoader.load(vertx, cli, System.getenv()).await(30, TimeUnit.SECONDS);
      setLogLevel(config.logLevel());
      Application app = Application.start(vertx, config);
      Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "hoinghi-shutdown"));
      if (app.demo().conferenceId() != null) System.out.print(DemoSeed.banner(app.demo(), app.port()));
      if (app.firstOrganizer().username() != null) System.out.print(FirstOrganizer.banner(app.firstOrganizer()));
      System.out.println("Hội Nghị đang chạy tại / is running at http://localhost:" + app.port() + "/");
      warmUpWordReader(vertx);
    } catch (Exception e) {
      Throwable t = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
      if (t instanceof ConfigError || t instanceof StoreUnavailable) {
        System.err.println("hoinghi: " + t.getMessage());
      } else {
        System.err.println("hoinghi: start-up failed: " + t);
      }
      if (vertx != null) vertx.close();
      System.exit(2);
    }
  }

  /**
   * Loads the Word reader's classes on a worker thread once the server listens, so that the first .docx draft after a
   * start previews as fast as the next ones. Tests that start the application in process skip it (they would pay
   * the class loading at every start); the process does it always.
   */
  static void warmUpWordReader(Vertx vertx) {
    long t0 = System.nanoTime();
    vertx.executeBlocking(vn.hoinghi.document.docx.DocxDraft::warmUp, false)
        .onSuccess(text -> LoggerFactory.getLogger(Main.class).info("Word reader ready in {} ms",
            (System.nanoTime() - t0) / 1_000_000))
        .onFailure(e -> LoggerFactory.getLogger(Main.class).warn("Word reader warm-up failed: {}", e.toString()));
  }

  static void setLogLevel(String level) {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx) {
      ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.toLevel(level, Level.INFO));
    }
  }

  static String usage() {
    return """
        Hội Nghị — online feedback conferences / hội nghị trực tuyến góp ý dự thảo

        usage: java -jar hoinghi-server.jar [--config FILE] [--KEY=VALUE ...] [--no-demo]

        Every key can also come from a JSON config file or an environment variable
        HOINGHI_<KEY> (dots become underscores). Keys:
          http.host, http.port, http.instances, store (embedded | postgresql://user:pass@host:5432/db),
          postgres.schema, postgres.pool.size, data.dir, jwt.algorithm (HS256|RS256),
          jwt.secret, jwt.private.key.file, jwt.public.key.file, jwt.access.ttl.seconds,
          jwt.refresh.ttl.seconds, ballot.secret, log.level, demo.seed (auto|true|false),
          organizer.username, organizer.password.file, shutdown.grace.seconds,
          ws.rate.per.second, ws.rate.burst, conferences.idle.unload.seconds
        See docs/configuration.md.""";
  }
}
