package vn.hoinghi.config;

/** A configuration problem, reported to the operator as one line; start-up stops. */
public final class ConfigError extends RuntimeException {
  public ConfigError(String message) {
    super(message);
  }
}
