package io.attest.store;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Databases for tests: a fresh embedded H2 in a folder of its own, always; and a fresh schema in the PostgreSQL that
 * {@code ATTEST_TEST_DATABASE_URL} names (CI starts one, see .ci/run). Without it the PostgreSQL tests are skipped,
 * unless {@code ATTEST_REQUIRE_POSTGRES=true} (as in CI), where they fail.
 */
public final class TestDatabases {

    public static final String POSTGRES_VARIABLE = "ATTEST_TEST_DATABASE_URL";
    private static final Path ROOT = createRoot();

    private TestDatabases() {
    }

    /** The test PostgreSQL's DATABASE_URL with a schema of its own; skips the test where there is none. */
    public static String postgresUrl() {
        String url = System.getenv(POSTGRES_VARIABLE);
        if ("true".equals(System.getenv("ATTEST_REQUIRE_POSTGRES"))) {
            assertNotNull(url, POSTGRES_VARIABLE + " is not set, and ATTEST_REQUIRE_POSTGRES=true");
        }
        Assumptions.assumeTrue(url != null && !url.isBlank(), "no PostgreSQL for tests (" + POSTGRES_VARIABLE + ")");
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** A fresh, empty database of this engine (PostgreSQL: a new schema; skipped where there is none). */
    public static StoreSettings fresh(StoreSettings.Engine engine) {
        return engine == StoreSettings.Engine.H2 ? StoreSettings.of(null, folder("h2").toString())
                : StoreSettings.of(postgresUrl(), null);
    }

    public static Store open(StoreSettings settings, Clock clock) throws StoreException {
        return Store.open(settings, Duration.ofSeconds(5), clock);
    }

    /** A new folder under this run's temporary root, deleted when the JVM exits. */
    public static Path folder(String prefix) {
        try {
            return Files.createTempDirectory(ROOT, prefix + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs statements on the database directly, as an administrator would. */
    public static void execute(StoreSettings settings, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
             Statement s = c.createStatement()) {
            int schema = settings.jdbcUrl().indexOf("currentSchema=");
            if (schema >= 0) {
                s.execute("create schema if not exists " + settings.jdbcUrl().substring(schema + "currentSchema=".length()));
            }
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** The first column of every row a query returns, as text; for tests that look at what was stored. */
    public static java.util.List<String> column(StoreSettings settings, String sql) throws SQLException {
        java.util.List<String> values = new java.util.ArrayList<>();
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
             Statement s = c.createStatement(); java.sql.ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                values.add(r.getString(1));
            }
        }
        return values;
    }

    private static Path createRoot() {
        try {
            Path root = Files.createTempDirectory("attest-test-data-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder; the OS cleans up what is left
        }
    }
}
