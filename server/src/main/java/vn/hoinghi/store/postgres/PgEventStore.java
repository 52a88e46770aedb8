package vn.hoinghi.store.postgres;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import vn.hoinghi.store.AppendConflict;
import vn.hoinghi.store.EventStore;
import vn.hoinghi.store.NewEvent;
import vn.hoinghi.store.Snapshot;
import vn.hoinghi.store.StoreUnavailable;
import vn.hoinghi.store.StoredEvent;

/** {@link EventStore} on PostgreSQL. */
public final class PgEventStore implements EventStore {
  private static final String UNIQUE_VIOLATION = "23505";

  private final Pool pool;
  private final PgConnectOptions options;
  private final String schema;
  /** Appends not yet answered; close() waits for them so nothing acknowledged is cut off. */
  private final java.util.Set<Future<?>> inFlight = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private volatile boolean closing;

  private PgEventStore(Pool pool, PgConnectOptions options, String schema) {
    this.pool = pool;
    this.options = options;
    this.schema = schema;
  }

  /**
   * Migrates the schema with Flyway (blocking, call it off the event loop) and opens a pool.
   *
   * @param uri    {@code postgresql://user:password@host:port/database}
   * @param schema the schema holding the tables; created when absent
   */
  public static PgEventStore open(Vertx vertx, String uri, String schema, int poolSize) {
    PgConnectOptions options;
    try {
      options = PgConnectOptions.fromUri(uri);
    } catch (RuntimeException e) {
      throw new StoreUnavailable("invalid PostgreSQL URL: " + e.getMessage(), e);
    }
    options.setProperties(Map.of("search_path", schema, "application_name", "hoinghi"));
    options.setCachePreparedStatements(true);
    options.setPipeliningLimit(256);
    migrate(options, schema);
    Pool pool = PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(poolSize).setName("hoinghi-pg"))
        .connectingTo(options)
        .using(vertx)
        .build();
    return new PgEventStore(pool, options, schema);
  }

  static String jdbcUrl(PgConnectOptions o) {
    return "jdbc:postgresql://" + o.getHost() + ":" + o.getPort() + "/" + o.getDatabase();
  }

  private static void migrate(PgConnectOptions o, String schema) {
    try {
      Flyway.configure()
          .dataSource(jdbcUrl(o), o.getUser(), o.getPassword())
          .schemas(schema)
          .createSchemas(true)
          .locations("classpath:db/migration/postgresql")
          .loggers("slf4j")
          .load()
          .migrate();
    } catch (RuntimeException e) {
      throw new StoreUnavailable("cannot reach or migrate PostgreSQL at " + o.getHost() + ":" + o.getPort()
          + "/" + o.getDatabase() + ": " + rootMessage(e), e);
    }
  }

  /** The connection options (with the schema's search_path), for the cluster's own connections. */
  public PgConnectOptions options() {
    return options;
  }

  /** The pool, shared with the cluster's short queries. */
  public Pool pool() {
    return pool;
  }

  @Override
  public String describe() {
    return "PostgreSQL " + options.getHost() + ":" + options.getPort() + "/" + options.getDatabase()
        + " schema " + schema;
  }

  @Override
  public Future<List<StoredEvent>> append(String conferenceId, long expectedLastSeq, List<NewEvent> events) {
    if (events.isEmpty() || events.size() > MAX_BATCH) {
      return Future.failedFuture(new IllegalArgumentException(
          "batch size must be 1.." + MAX_BATCH + ", got " + events.size()));
    }
    if (expectedLastSeq < 0) {
      return Future.failedFuture(new IllegalArgumentException("expectedLastSeq must be >= 0"));
    }
    if (closing) {
      return Future.failedFuture(new StoreUnavailable("store is closing", null));
    }
    long newLast = expectedLastSeq + events.size();
    List<StoredEvent> stored = new ArrayList<>(events.size());
    List<Tuple> rows = new ArrayList<>(events.size());
    long seq = expectedLastSeq;
    for (NewEvent e : events) {
      seq++;
      Instant at = e.at().truncatedTo(ChronoUnit.MICROS);
      stored.add(new StoredEvent(conferenceId, seq, e.type(), e.payload(), e.actor(), e.commandId(), at));
      rows.add(Tuple.of(conferenceId, seq, e.type(), e.payload(), e.actor(), e.commandId(),
          OffsetDateTime.ofInstant(at, ZoneOffset.UTC)));
    }
    Future<List<StoredEvent>> result = pool.withTransaction(conn -> moveStream(conn, conferenceId, expectedLastSeq, newLast)
            .compose(moved -> moved
                ? conn.preparedQuery("INSERT INTO events(conference_id, seq, type, payload, actor, command_id, at) "
                    + "VALUES ($1, $2, $3, $4::text::json, $5, $6, $7)").executeBatch(rows)
                : Future.failedFuture(new AppendConflict(conferenceId, expectedLastSeq, -1))))
        .map(v -> (List<StoredEvent>) stored)
        .recover(err -> explain(conferenceId, expectedLastSeq, err));
    inFlight.add(result);
    result.onComplete(ar -> inFlight.remove(result));
    return result;
  }

  /** Moves the stream's last sequence from expected to newLast; false when it was not at expected. */
  private static Future<Boolean> moveStream(SqlConnection conn, String conferenceId, long expected, long newLast) {
    Future<RowSet<Row>> moved = expected == 0
        ? conn.preparedQuery("INSERT INTO streams(conference_id, last_seq) VALUES ($1, $2) ON CONFLICT DO NOTHING")
            .execute(Tuple.of(conferenceId, newLast))
        : conn.preparedQuery("UPDATE streams SET last_seq = $2 WHERE conference_id = $1 AND last_seq = $3")
            .execute(Tuple.of(conferenceId, newLast, expected));
    return moved.map(rs -> rs.rowCount() == 1);
  }

  /** Turns a failed append into a typed error with the log's actual position. */
  private Future<List<StoredEvent>> explain(String conferenceId, long expected, Throwable err) {
    boolean conflict = err instanceof AppendConflict
        || (err instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState()));
    if (!conflict) {
      return Future.failedFuture(err instanceof StoreUnavailable ? err
          : new StoreUnavailable("PostgreSQL append failed: " + err.getMessage(), err));
    }
    return latestSeq(conferenceId)
        .otherwise(-1L)
        .compose(actual -> Future.failedFuture(new AppendConflict(conferenceId, expected, actual)));
  }

  @Override
  public Future<List<StoredEvent>> read(String conferenceId, long afterSeq, int limit) {
    return pool.preparedQuery("SELECT seq, type, payload::text, actor, command_id, at FROM events "
            + "WHERE conference_id = $1 AND seq > $2 ORDER BY seq LIMIT $3")
        .execute(Tuple.of(conferenceId, afterSeq, Math.max(0, limit)))
        .map(rs -> {
          List<StoredEvent> out = new ArrayList<>(rs.rowCount());
          for (Row r : rs) {
            out.add(new StoredEvent(conferenceId, r.getLong(0), r.getString(1), r.getString(2), r.getString(3),
                r.getString(4), r.getOffsetDateTime(5).toInstant()));
          }
          return (List<StoredEvent>) out;
        })
        .recover(PgEventStore::unavailable);
  }

  @Override
  public Future<Long> latestSeq(String conferenceId) {
    return pool.preparedQuery("SELECT last_seq FROM streams WHERE conference_id = $1")
        .execute(Tuple.of(conferenceId))
        .map(rs -> rs.iterator().hasNext() ? rs.iterator().next().getLong(0) : 0L)
        .recover(PgEventStore::unavailable);
  }

  @Override
  public Future<List<String>> conferences() {
    return pool.query("SELECT conference_id FROM streams WHERE last_seq > 0 ORDER BY conference_id")
        .execute()
        .map(rs -> {
          List<String> out = new ArrayList<>();
          for (Row r : rs) out.add(r.getString(0));
          return (List<String>) out;
        })
        .recover(PgEventStore::unavailable);
  }

  @Override
  public Future<Void> saveSnapshot(Snapshot s) {
    return pool.withTransaction(conn -> conn
            .preparedQuery("INSERT INTO snapshots(conference_id, seq, payload, at) VALUES ($1, $2, $3::text::json, $4) "
                + "ON CONFLICT (conference_id, seq) DO UPDATE SET payload = EXCLUDED.payload, at = EXCLUDED.at")
            .execute(Tuple.of(s.conferenceId(), s.seq(), s.payload(), OffsetDateTime.ofInstant(s.at(), ZoneOffset.UTC)))
            .compose(v -> conn.preparedQuery("DELETE FROM snapshots WHERE conference_id = $1 AND seq < $2")
                .execute(Tuple.of(s.conferenceId(), s.seq()))))
        .<Void>mapEmpty()
        .recover(PgEventStore::unavailable);
  }

  @Override
  public Future<Optional<Snapshot>> latestSnapshot(String conferenceId) {
    return pool.preparedQuery("SELECT seq, payload::text, at FROM snapshots WHERE conference_id = $1 "
            + "ORDER BY seq DESC LIMIT 1")
        .execute(Tuple.of(conferenceId))
        .map(rs -> {
          if (!rs.iterator().hasNext()) return Optional.<Snapshot>empty();
          Row r = rs.iterator().next();
          return Optional.of(new Snapshot(conferenceId, r.getLong(0), r.getString(1),
              r.getOffsetDateTime(2).toInstant()));
        })
        .recover(PgEventStore::unavailable);
  }

  @Override
  public Future<Void> ping() {
    return pool.query("SELECT 1").execute().<Void>mapEmpty().recover(PgEventStore::unavailable);
  }

  @Override
  public Future<Void> close() {
    closing = true;
    return Future.join(List.copyOf(inFlight)).eventually(pool::close).mapEmpty();
  }

  private static <T> Future<T> unavailable(Throwable err) {
    return Future.failedFuture(err instanceof StoreUnavailable ? err
        : new StoreUnavailable("PostgreSQL unavailable: " + err.getMessage(), err));
  }

  private static String rootMessage(Throwable t) {
    Throwable r = t;
    while (r.getCause() != null && r.getCause() != r) r = r.getCause();
    return r.getMessage() == null ? r.toString() : r.getMessage();
  }
}
