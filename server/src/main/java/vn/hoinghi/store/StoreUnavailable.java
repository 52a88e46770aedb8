package vn.hoinghi.store;

/** The store cannot be reached or refused the operation for a reason other than a conflict. */
public final class StoreUnavailable extends RuntimeException {
  public StoreUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
