package io.attest.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Attest's database: a HikariCP pool over embedded H2 or PostgreSQL, its schema brought up to date by Flyway at
 * start-up. Opening it is all or nothing: a bad address, an unreachable database or a failed migration is one
 * {@link StoreException} line. Once running, the database may go away: every call then fails fast with
 * {@link StoreUnavailable} for a few seconds at a time instead of each waiting for a connection, a write that could
 * not be made is logged and counted ({@link #record}), and the first call after the pause tries again.
 */
public final class Store implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Store.class);
    /** How long a call waits for a connection: long enough for a busy pool, short for a database that is gone. */
    static final Duration CONNECTION_WAIT = Duration.ofSeconds(2);
    /** After the database failed to answer, calls fail at once for this long, then one tries again. */
    static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(5);
    private static final int POOL_SIZE = 6;

    /** Work on one connection. */
    @FunctionalInterface
    public interface Sql<T> {
        T run(Connection connection) throws SQLException;
    }

    /** What /healthz says about the store. */
    public record Status(String engine, boolean reachable, long unrecorded) {
    }

    /** The pool once the database is open; the opening's {@link StoreException} if it could not be. */
    private final CompletableFuture<HikariDataSource> opened = new CompletableFuture<>();
    private final AtomicBoolean opening = new AtomicBoolean();
    private final StoreSettings settings;
    private final Duration patience;
    private final Clock clock;
    private final AtomicLong unrecorded = new AtomicLong();
    private final AtomicLong unrecordedWhileDown = new AtomicLong();
    private volatile boolean reachable = true;
    private volatile Instant tryAgainAt = Instant.MIN;

    private Store(StoreSettings settings, Duration patience, Clock clock) {
        this.settings = settings;
        this.patience = patience;
        this.clock = clock;
    }

    /**
     * A store that is not open yet: it opens on a thread of its own at {@link #openInBackground} (or at its first
     * call), and calls wait for it. A server woken by a question can answer it before the database is ready, since
     * nothing is written until after the ack; on one core that puts the database's few hundred milliseconds of
     * start-up after the first answer instead of before it.
     */
    public static Store deferred(StoreSettings settings, Duration patience, Clock clock) {
        return new Store(settings, patience, clock);
    }

    /** Starts opening the database, once; returns at once. */
    public void openInBackground() {
        if (!opening.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                opened.complete(connect(settings, patience, clock));
            } catch (StoreException e) {
                opened.completeExceptionally(e);
            } catch (RuntimeException | Error e) {
                opened.completeExceptionally(new StoreException("The database could not be opened (" + settings.describe()
                        + "): " + cause(e)));
            }
        }, "attest-store-open");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Waits until the database is open and migrated.
     *
     * @throws StoreException with the one line the operator needs, as {@link #open} would
     */
    public void awaitOpen() throws StoreException {
        openInBackground();
        try {
            opened.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof StoreException s ? s : new StoreException("The database could not be opened ("
                    + settings.describe() + "): " + cause(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Start-up was interrupted while waiting for the database");
        }
    }

    /**
     * Connects, and migrates the schema to the version this build expects. A database that does not answer yet (it
     * may be starting beside Attest) is asked again with backoff, one line per attempt, for up to {@code patience}; a
     * definite no (a wrong password, no such database, a file another process holds) stops at once.
     *
     * @throws StoreException with one line saying what is wrong
     */
    public static Store open(StoreSettings settings, Duration patience, Clock clock) throws StoreException {
        Store store = new Store(settings, patience, clock);
        store.opening.set(true);
        store.opened.complete(connect(settings, patience, clock));
        return store;
    }

    private static HikariDataSource connect(StoreSettings settings, Duration patience, Clock clock) throws StoreException {
        if (settings.jdbcUrl().startsWith("jdbc:h2:file:")) {
            prepareH2(settings);
        }
        waitForDatabase(settings, patience, clock);
        HikariConfig config = new HikariConfig();
        config.setPoolName("attest-store");
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(CONNECTION_WAIT.toMillis());
        config.setValidationTimeout(Duration.ofSeconds(1).toMillis());
        config.setInitializationFailTimeout(CONNECTION_WAIT.toMillis());
        if (settings.engine() == StoreSettings.Engine.POSTGRESQL) {
            // A database that stops answering mid-call must not hold a worker thread for minutes.
            config.addDataSourceProperty("connectTimeout", "5");
            config.addDataSourceProperty("socketTimeout", "15");
            config.addDataSourceProperty("loginTimeout", "5");
            config.addDataSourceProperty("ApplicationName", "attest");
        }
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException | IllegalArgumentException e) {
            throw new StoreException("Cannot reach the database (" + settings.describe() + "): " + cause(e) + check(settings));
        }
        try {
            MigrateResult result = Flyway.configure().dataSource(pool).locations("classpath:db/migration")
                    .load().migrate();
            LOG.info("Store: {}, schema version {}{}", settings.describe(), result.targetSchemaVersion == null
                    ? result.initialSchemaVersion : result.targetSchemaVersion,
                    result.migrationsExecuted > 0 ? " (" + result.migrationsExecuted + " migration(s) applied)" : "");
        } catch (FlywayException e) {
            pool.close();
            throw new StoreException("The database schema could not be brought up to date (" + settings.describe() + "): "
                    + cause(e));
        }
        return pool;
    }

    private static void waitForDatabase(StoreSettings settings, Duration patience, Clock clock) throws StoreException {
        Instant giveUpAt = clock.instant().plus(patience);
        Properties credentials = new Properties();
        if (settings.user() != null) {
            credentials.setProperty("user", settings.user());
        }
        if (settings.password() != null) {
            credentials.setProperty("password", settings.password());
        }
        if (settings.engine() == StoreSettings.Engine.POSTGRESQL) {
            credentials.setProperty("connectTimeout", "5");
            credentials.setProperty("loginTimeout", "5");
        }
        for (int attempt = 1; ; attempt++) {
            try (Connection ignored = DriverManager.getConnection(settings.jdbcUrl(), credentials)) {
                if (attempt > 1) {
                    LOG.info("The database answered on attempt {}", attempt);
                }
                return;
            } catch (SQLException e) {
                if (!notYet(settings, e)) {
                    throw new StoreException("The database refused the connection (" + settings.describe() + "): "
                            + cause(e) + check(settings));
                }
                Duration wait = backoff(attempt);
                if (clock.instant().plus(wait).isAfter(giveUpAt)) {
                    throw new StoreException("Cannot reach the database (" + settings.describe() + ") within "
                            + patience.toSeconds() + " s: " + cause(e) + check(settings));
                }
                LOG.warn("The database is not answering yet ({}: {}, attempt {}); asking again in {} s", settings.describe(),
                        cause(e), attempt, String.format(Locale.ROOT, "%.1f", wait.toMillis() / 1000.0));
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new StoreException("Start-up was interrupted while waiting for the database");
                }
            }
        }
    }

    /** A network database that cannot be reached yet may be starting; anything else it says is final. */
    private static boolean notYet(StoreSettings settings, SQLException e) {
        if (settings.jdbcUrl().startsWith("jdbc:h2:file:")) {
            return false;
        }
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return state.startsWith("08") || state.equals("57P03") || state.equals("90067");
    }

    private static Duration backoff(int attempt) {
        long ceiling = Math.min(10_000, 500L << Math.min(attempt - 1, 10));
        return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
    }

    private static String check(StoreSettings settings) {
        return settings.engine() == StoreSettings.Engine.POSTGRESQL ? ". Check DATABASE_URL." : ". Check ATTEST_DATA.";
    }

    /**
     * The folder must exist for H2 to create its file there. AUTO_SERVER lets the {@code drafts} command read the
     * database while Attest has it open; its port is kept on the loopback interface.
     */
    private static void prepareH2(StoreSettings settings) throws StoreException {
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
        String where = settings.jdbcUrl().substring("jdbc:h2:file:".length(), settings.jdbcUrl().indexOf(';'));
        Path folder = Path.of(where).getParent();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new StoreException("Cannot create the data folder " + folder + " (" + e.getClass().getSimpleName()
                    + "). Set ATTEST_DATA to a folder Attest may write to.");
        }
    }

    /**
     * Runs {@code sql} on a connection of its own (auto-commit on unless it says otherwise).
     *
     * @param what what the call is for, as the logs name it
     * @throws StoreUnavailable when the database cannot be reached or the call failed
     */
    public <T> T call(String what, Sql<T> sql) throws StoreUnavailable {
        if (!reachable && clock.instant().isBefore(tryAgainAt)) {
            throw new StoreUnavailable(what, null);
        }
        try (Connection connection = pool(what).getConnection()) {
            T result = sql.run(connection);
            backUp();
            return result;
        } catch (SQLException e) {
            if (lostTheDatabase(e)) {
                wentAway(e);
            } else {
                // Not the database going away but a statement it refused: a bug, so keep the whole trace.
                LOG.error("A store call failed: {}", what, e);
            }
            throw new StoreUnavailable(what, e);
        }
    }

    /** The pool if the database is open, else null. */
    private HikariDataSource openPool() {
        return opened.isDone() && !opened.isCompletedExceptionally() ? opened.join() : null;
    }

    /** The pool, once the database is open; a call made while it opens waits for it. */
    private HikariDataSource pool(String what) throws StoreUnavailable {
        HikariDataSource pool = openPool();
        if (pool != null) {
            return pool;
        }
        openInBackground();
        try {
            return opened.get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new StoreUnavailable(what, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailable(what, null);
        }
    }

    /**
     * A write whose loss must never stop anything: when it cannot be made it is logged (what, and its id, never its
     * text) and counted, and false is returned.
     */
    public boolean record(String what, String id, Sql<?> sql) {
        try {
            call(what, sql);
            return true;
        } catch (StoreUnavailable e) {
            lost(what, id);
            return false;
        }
    }

    /** A record that could not be written (the database was unavailable): logged, without its text, and counted. */
    public void lost(String what, String id) {
        lost(what, List.of(id));
    }

    /**
     * Records of one batch that could not be written: counted each, logged in one line that names them (a batch is up
     * to hundreds of questions under load, and one line each would bury the line that says why).
     */
    public void lost(String what, List<String> ids) {
        unrecorded.addAndGet(ids.size());
        unrecordedWhileDown.addAndGet(ids.size());
        if (ids.size() == 1) {
            LOG.warn("Not recorded: {} [{}] — the database is unavailable", what, ids.get(0));
            return;
        }
        String named = ids.size() <= NAMED_IN_A_LINE ? String.join(", ", ids)
                : String.join(", ", ids.subList(0, NAMED_IN_A_LINE)) + " and " + (ids.size() - NAMED_IN_A_LINE) + " more";
        LOG.warn("Not recorded: {} ×{} [{}] — the database is unavailable", what, ids.size(), named);
    }

    /** How many ids one "Not recorded" line names. */
    static final int NAMED_IN_A_LINE = 20;

    /** Counts a record that was never even attempted (its queue was full, which the queue logged). */
    public void countUnrecorded() {
        unrecorded.incrementAndGet();
    }

    /** Reachable once open, until a call finds the database gone. */
    public Status status() {
        return new Status(settings.engine().toString(), reachable && openPool() != null, unrecorded.get());
    }

    public StoreSettings.Engine engine() {
        return settings.engine();
    }

    public Clock clock() {
        return clock;
    }

    private void wentAway(SQLException e) {
        tryAgainAt = clock.instant().plus(PAUSE_AFTER_FAILURE);
        // The pool's other connections went with the database: drop them, so the first call after the pause gets a
        // fresh one rather than a dead one.
        HikariDataSource pool = openPool();
        if (pool != null) {
            pool.getHikariPoolMXBean().softEvictConnections();
        }
        if (reachable) {
            reachable = false;
            unrecordedWhileDown.set(0);
            LOG.warn("The database stopped answering ({}: {}); questions are still answered, and what cannot be recorded "
                    + "is logged and counted", settings.describe(), cause(e));
        }
    }

    private void backUp() {
        if (!reachable) {
            reachable = true;
            LOG.info("The database is answering again ({}); {} record(s) could not be written meanwhile",
                    settings.describe(), unrecordedWhileDown.get());
        }
    }

    /** Connection trouble (SQLSTATE class 08, a server shutting down, no connection to be had), not a bad statement. */
    private static boolean lostTheDatabase(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null
                    && (s.getSQLState().startsWith("08") || s.getSQLState().startsWith("57P") || s.getSQLState().equals("90067")
                    || s.getSQLState().equals("90098") || s.getSQLState().equals("90121"))) {
                return true;
            }
        }
        return false;
    }

    /** The innermost message, first line only: enough to act on, and no stack trace. */
    private static String cause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse("").strip();
    }

    /** Closes the pool; a store still opening closes it as soon as it is open. */
    @Override
    public void close() {
        opened.thenAccept(HikariDataSource::close);
    }
}
