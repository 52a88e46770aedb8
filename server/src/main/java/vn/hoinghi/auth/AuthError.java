package vn.hoinghi.auth;

/** A refused login, join or token: a code the client can act on and a message. */
public final class AuthError extends RuntimeException {
  private final String code;

  public AuthError(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
