package vn.hoinghi.auth;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import vn.hoinghi.domain.Usernames;
import vn.hoinghi.store.AppendConflict;
import vn.hoinghi.store.EventStore;
import vn.hoinghi.store.NewEvent;
import vn.hoinghi.store.StoredEvent;
import vn.hoinghi.wire.Codec;

/**
 * Login accounts, kept as events in the store's {@code _accounts} stream (so both stores and every
 * node share them, with the same append-only history as conferences). An account may be an
 * organizer (creates and runs conferences) and may be linked to a participant in any number of
 * conferences. Passwords are bcrypt hashes, computed and checked off the event loop.
 *
 * <p>Each node keeps the accounts in memory. Another node may have appended since (an account, a link, a password):
 * a login or a token refresh first reads the stream's new events ({@link #catchUp}), so what any node wrote before
 * the request counts on every node.
 */
public final class Accounts {
  public static final String STREAM = "_accounts";

  /** {@code mustChangePassword}: the password was generated or handed over; only a password change is allowed. */
  public record Account(String id, String username, String displayName, String passwordHash, boolean organizer,
                        Map<String, String> participantByConference, boolean mustChangePassword) {}

  /** The account events; the JSON type is the record's simple name. */
  public sealed interface AccountEvent {
    record AccountCreated(String accountId, String username, String displayName, String passwordHash,
                          boolean organizer) implements AccountEvent {}

    record AccountLinked(String accountId, String conferenceId, String participantId) implements AccountEvent {}

    /** Clears {@link PasswordChangeRequired}. */
    record PasswordChanged(String accountId, String passwordHash) implements AccountEvent {}

    record PasswordChangeRequired(String accountId) implements AccountEvent {}
  }

  private final Vertx vertx;
  private final EventStore store;
  private final Context context;
  private final Map<String, Account> byUsername = new ConcurrentHashMap<>();
  private final Map<String, Account> byId = new ConcurrentHashMap<>();
  private long seq;
  /** A catch-up read is running on the accounts context; {@code nextRead} collects the callers that came during it. */
  private boolean reading;
  private Promise<Void> nextRead;

  private Accounts(Vertx vertx, EventStore store, Context context) {
    this.vertx = vertx;
    this.store = store;
    this.context = context;
  }

  /** Loads every account; all later writes are serialized on one context. */
  public static Future<Accounts> load(Vertx vertx, EventStore store) {
    Accounts a = new Accounts(vertx, store, vertx.getOrCreateContext());
    return a.reload().map(a);
  }

  private Future<Void> reload() {
    return store.read(STREAM, seq, 1000).compose(page -> {
      for (StoredEvent e : page) {
        if (e.seq() <= seq) continue; // folded meanwhile by a write of this node or an earlier read
        fold(decode(e));
        seq = e.seq();
      }
      return page.size() < 1000 ? Future.succeededFuture() : reload();
    });
  }

  /** The name an account event is stored under: written out, so renaming a record does not orphan the log. */
  static String storedName(AccountEvent e) {
    if (e instanceof AccountEvent.AccountCreated) return "AccountCreated";
    if (e instanceof AccountEvent.AccountLinked) return "AccountLinked";
    if (e instanceof AccountEvent.PasswordChanged) return "PasswordChanged";
    if (e instanceof AccountEvent.PasswordChangeRequired) return "PasswordChangeRequired";
    throw new IllegalStateException("no stored name for " + e.getClass().getName());
  }

  private static AccountEvent decode(StoredEvent e) {
    try {
      Class<? extends AccountEvent> type = switch (e.type()) {
        case "AccountCreated" -> AccountEvent.AccountCreated.class;
        case "AccountLinked" -> AccountEvent.AccountLinked.class;
        case "PasswordChanged" -> AccountEvent.PasswordChanged.class;
        case "PasswordChangeRequired" -> AccountEvent.PasswordChangeRequired.class;
        default -> throw new IllegalStateException("unknown account event " + e.type());
      };
      return Codec.mapper().readValue(e.payload(), type);
    } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
      throw new IllegalStateException("unreadable account event " + e.seq(), ex);
    }
  }

  private void fold(AccountEvent e) {
    if (e instanceof AccountEvent.AccountCreated c) {
      Account a = new Account(c.accountId(), c.username(), c.displayName(), c.passwordHash(), c.organizer(), Map.of(),
          false);
      byUsername.put(a.username(), a);
      byId.put(a.id(), a);
    } else if (e instanceof AccountEvent.AccountLinked l) {
      Account a = byId.get(l.accountId());
      if (a == null) return;
      Map<String, String> links = new java.util.TreeMap<>(a.participantByConference());
      links.put(l.conferenceId(), l.participantId());
      replace(new Account(a.id(), a.username(), a.displayName(), a.passwordHash(), a.organizer(), Map.copyOf(links),
          a.mustChangePassword()));
    } else if (e instanceof AccountEvent.PasswordChanged p) {
      Account a = byId.get(p.accountId());
      if (a == null) return;
      replace(new Account(a.id(), a.username(), a.displayName(), p.passwordHash(), a.organizer(),
          a.participantByConference(), false));
    } else if (e instanceof AccountEvent.PasswordChangeRequired r) {
      Account a = byId.get(r.accountId());
      if (a == null) return;
      replace(new Account(a.id(), a.username(), a.displayName(), a.passwordHash(), a.organizer(),
          a.participantByConference(), true));
    }
  }

  private void replace(Account a) {
    byUsername.put(a.username(), a);
    byId.put(a.id(), a);
  }

  /**
   * Reads what other nodes appended to the stream since this node last looked. A caller that comes while a read runs
   * waits for the next one (that one starts after the call, so it sees every append acknowledged before it); they all
   * share it. A store that cannot be read leaves the accounts as they were.
   */
  public Future<Void> catchUp() {
    Promise<Void> p = Promise.promise();
    context.runOnContext(v -> {
      if (!reading) {
        reading = true;
        read(p);
      } else {
        if (nextRead == null) nextRead = Promise.promise();
        nextRead.future().onComplete(p);
      }
    });
    return p.future();
  }

  private void read(Promise<Void> p) {
    reload().onComplete(ar -> context.runOnContext(v -> {
      p.complete();
      Promise<Void> next = nextRead;
      nextRead = null;
      if (next == null) reading = false;
      else read(next);
    }));
  }

  /** The account with this id, as the stream holds it now (see {@link #catchUp}). */
  public Future<Optional<Account>> current(String id) {
    return catchUp().map(v -> byId(id));
  }

  public Optional<Account> byUsername(String username) {
    return Optional.ofNullable(username == null ? null : byUsername.get(normalize(username)));
  }

  public Optional<Account> byId(String id) {
    return Optional.ofNullable(id == null ? null : byId.get(id));
  }

  public int size() {
    return byId.size();
  }

  public static String normalize(String username) {
    return Usernames.normalize(username);
  }

  /** Null when the username is acceptable, otherwise why not ({@link Usernames}). */
  public static String usernameProblem(String username) {
    return Usernames.problem(username);
  }

  /** Creates an account; {@code bcryptCost} below 12 only for demo seeding and tests. */
  public Future<Account> create(String username, String displayName, String password, boolean organizer,
                                int bcryptCost) {
    return create(username, displayName, password, organizer, bcryptCost, false);
  }

  /** {@code mustChangePassword}: recorded in the same append, so the account never exists without the flag. */
  public Future<Account> create(String username, String displayName, String password, boolean organizer,
                                int bcryptCost, boolean mustChangePassword) {
    String problem = usernameProblem(username);
    if (problem == null) problem = Passwords.problem(password);
    if (problem == null && (displayName == null || displayName.isBlank() || displayName.length() > 200)) {
      problem = "display name must have 1–200 characters";
    }
    if (problem == null && !printable(displayName)) {
      problem = "display name must not hold control characters or unpaired surrogates";
    }
    if (problem != null) return Future.failedFuture(new AuthError("INVALID", problem));
    String name = normalize(username);
    return vertx.executeBlocking(() -> Passwords.hash(password, bcryptCost), false)
        .compose(hash -> write(() -> {
          if (byUsername.containsKey(name)) throw new AuthError("CONFLICT", "username " + name + " is taken");
          String id = "acc-" + (seq + 1);
          AccountEvent created = new AccountEvent.AccountCreated(id, name, displayName.trim(), hash, organizer);
          return mustChangePassword ? List.of(created, new AccountEvent.PasswordChangeRequired(id)) : List.of(created);
        }))
        .map(v -> byUsername.get(name));
  }

  /** As the conference's text fields: no control character, no unpaired surrogate (it has no UTF-8 form). */
  private static boolean printable(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isISOControl(c)) return false;
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  public Future<Void> link(String accountId, String conferenceId, String participantId) {
    return write(() -> {
      if (!byId.containsKey(accountId)) throw new AuthError("NOT_FOUND", "no such account");
      return List.of(new AccountEvent.AccountLinked(accountId, conferenceId, participantId));
    });
  }

  /** A new password (checked as at creation), which also lifts a required change. */
  public Future<Void> changePassword(String accountId, String newPassword) {
    String problem = Passwords.problem(newPassword);
    if (problem != null) return Future.failedFuture(new AuthError("INVALID", problem));
    return vertx.executeBlocking(() -> Passwords.hash(newPassword, Passwords.COST), false)
        .compose(hash -> write(() -> {
          if (!byId.containsKey(accountId)) throw new AuthError("NOT_FOUND", "no such account");
          return List.of(new AccountEvent.PasswordChanged(accountId, hash));
        }));
  }

  /** The account when the password matches; empty otherwise (same time either way for unknown users). */
  public Future<Optional<Account>> verify(String username, String password) {
    return catchUp().compose(v -> verifyNow(username, password));
  }

  private Future<Optional<Account>> verifyNow(String username, String password) {
    Optional<Account> a = byUsername(username);
    // Verify against a fixed hash for unknown users so timing does not reveal which usernames exist.
    String hash = a.map(Account::passwordHash).orElse(DUMMY_HASH);
    return vertx.executeBlocking(() -> Passwords.verify(password, hash), false)
        .map(ok -> ok && a.isPresent() ? a : Optional.<Account>empty());
  }

  private static final String DUMMY_HASH = Passwords.hash("not-a-real-password-xyz", Passwords.COST);

  private interface Change {
    List<AccountEvent> events();
  }

  /** Decides and appends on the accounts context; on a conflict (another node wrote) reloads and retries. */
  private Future<Void> write(Change change) {
    Promise<Void> done = Promise.promise();
    context.runOnContext(v -> attempt(change, done, 0));
    return done.future();
  }

  private void attempt(Change change, Promise<Void> done, int tries) {
    List<AccountEvent> events;
    try {
      events = change.events();
    } catch (RuntimeException e) {
      done.fail(e);
      return;
    }
    List<NewEvent> batch = new ArrayList<>();
    Instant now = Instant.now();
    for (AccountEvent e : events) {
      batch.add(new NewEvent(storedName(e), Codec.encode(e), "system", null, now));
    }
    store.append(STREAM, seq, batch).onComplete(ar -> {
      if (ar.succeeded()) {
        // A catch-up read may have folded these events already (it can see the commit before this answer).
        List<StoredEvent> stored = ar.result();
        for (int i = 0; i < events.size(); i++) {
          long s = i < stored.size() ? stored.get(i).seq() : seq + 1;
          if (s <= seq) continue;
          fold(events.get(i));
          seq = s;
        }
        done.complete();
      } else if (ar.cause() instanceof AppendConflict && tries < 5) {
        reload().onComplete(r -> attempt(change, done, tries + 1));
      } else {
        done.fail(ar.cause());
      }
    });
  }
}
