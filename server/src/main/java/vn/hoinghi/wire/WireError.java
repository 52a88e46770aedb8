package vn.hoinghi.wire;

/** Input that cannot be turned into a command: answered with a typed error, state untouched. */
public final class WireError extends RuntimeException {
  private final String code;

  public WireError(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
