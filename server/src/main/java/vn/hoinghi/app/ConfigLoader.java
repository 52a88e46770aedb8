package vn.hoinghi.app;

import vn.hoinghi.config.ConfigError;
import vn.hoinghi.config.ServerConfig;
import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Merges the configuration layers with vertx-config, later layers winning:
 * built-in defaults &lt; config file &lt; environment variables &lt; command-line flags.
 *
 * <p>Keys are dotted ({@code http.port}); the environment spells them {@code HOINGHI_HTTP_PORT},
 * the command line {@code --http.port=9090} or {@code --http.port 9090}; the file is JSON with
 * the same keys, chosen by {@code --config FILE} or {@code HOINGHI_CONFIG}.
 */
public final class ConfigLoader {
  private static final String ENV_PREFIX = "HOINGHI_";

  private ConfigLoader() {}

  /** The parsed command line: flags as a JSON layer, plus the config file named there, if any. */
  public record CommandLine(JsonObject flags, String configFile, boolean help) {}

  public static CommandLine parseArgs(String[] args) {
    JsonObject flags = new JsonObject();
    String file = null;
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("-h") || a.equals("--help")) {
        help = true;
        continue;
      }
      if (!a.startsWith("--")) throw new ConfigError("unexpected argument \"" + a + "\" (flags look like --http.port=8080)");
      String body = a.substring(2);
      String key;
      String value;
      int eq = body.indexOf('=');
      if (eq >= 0) {
        key = body.substring(0, eq);
        value = body.substring(eq + 1);
      } else {
        key = body;
        if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
          // A bare boolean flag such as --demo.seed means true; --no-demo means false.
          if (key.equals("no-demo")) {
            flags.put("demo.seed", "false");
            continue;
          }
          value = "true";
        } else {
          value = args[++i];
        }
      }
      if (key.equals("config")) {
        file = value;
      } else if (key.equals("no-demo")) {
        flags.put("demo.seed", "false");
      } else if (ServerConfig.KEYS.contains(key)) {
        flags.put(key, value);
      } else {
        throw new ConfigError("unknown flag --" + key + " (see --help)");
      }
    }
    return new CommandLine(flags, file, help);
  }

  /** Environment variables named HOINGHI_&lt;KEY&gt; mapped to dotted keys; unknown ones are ignored. */
  public static JsonObject fromEnvironment(Map<String, String> env) {
    JsonObject out = new JsonObject();
    for (String key : ServerConfig.KEYS) {
      String name = ENV_PREFIX + key.replace('.', '_').toUpperCase(Locale.ROOT);
      String v = env.get(name);
      if (v != null) out.put(key, v);
    }
    return out;
  }

  /** Retrieves and validates the merged configuration. */
  public static Future<ServerConfig> load(Vertx vertx, CommandLine cli, Map<String, String> env) {
    String file = cli.configFile() != null ? cli.configFile() : env.get(ENV_PREFIX + "CONFIG");
    List<ConfigStoreOptions> stores = new ArrayList<>();
    stores.add(new ConfigStoreOptions().setType("file").setFormat("json")
        .setConfig(new JsonObject().put("path", "default-config.json")));
    if (file != null && !file.isBlank()) {
      if (!Files.isRegularFile(Path.of(file))) {
        return Future.failedFuture(new ConfigError("config file " + file + " does not exist"));
      }
      stores.add(new ConfigStoreOptions().setType("file").setFormat("json")
          .setConfig(new JsonObject().put("path", file)));
    }
    stores.add(new ConfigStoreOptions().setType("json").setConfig(fromEnvironment(env)));
    stores.add(new ConfigStoreOptions().setType("json").setConfig(cli.flags()));
    ConfigRetrieverOptions options = new ConfigRetrieverOptions().setIncludeDefaultStores(false).setScanPeriod(0);
    stores.forEach(options::addStore);
    ConfigRetriever retriever = ConfigRetriever.create(vertx, options);
    return retriever.getConfig()
        .recover(err -> Future.failedFuture(new ConfigError(
            "cannot read configuration" + (file != null ? " file " + file : "") + ": " + firstLine(err))))
        .map(ServerConfig::from)
        .eventually(retriever::close);
  }

  private static String firstLine(Throwable t) {
    Throwable r = t;
    while (r.getCause() != null && r.getCause() != r) r = r.getCause();
    String m = r.getMessage() == null ? r.toString() : r.getMessage();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
