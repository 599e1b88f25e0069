package io.attest.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Opening the store: both engines, the same migrations, and one clear line when it cannot be done. */
class StoreTest {

    @ParameterizedTest
    @EnumSource(StoreSettings.Engine.class)
    void aFreshDatabaseIsMigratedAndOpeningItAgainKeepsWhatItHolds(StoreSettings.Engine engine) throws Exception {
        StoreSettings settings = TestDatabases.fresh(engine);
        try (Store store = TestDatabases.open(settings, Clock.systemUTC())) {
            assertTrue(new Claims(store).once("kept", Duration.ofHours(1)));
            assertEquals(engine.toString(), store.status().engine());
            assertTrue(store.status().reachable());
        }
        try (Store again = TestDatabases.open(settings, Clock.systemUTC())) {
            assertFalse(new Claims(again).once("kept", Duration.ofHours(1)), "the claim survived a restart");
        }
    }

    @Test
    void theEmbeddedDatabaseLivesInTheDataFolder() throws Exception {
        Path folder = TestDatabases.folder("data").resolve("nested");
        try (Store store = TestDatabases.open(StoreSettings.of(null, folder.toString()), Clock.systemUTC())) {
            assertTrue(Files.exists(folder.resolve("attest.mv.db")), "H2's file is in ATTEST_DATA");
        }
    }

    @Nested
    class OpenedInTheBackground {

        @Test
        void isNotReachableUntilOpenedAndThenHoldsWhatWasWritten() throws Exception {
            Store store = Store.deferred(TestDatabases.fresh(StoreSettings.Engine.H2), Duration.ofSeconds(30), Clock.systemUTC());
            try (store) {
                assertFalse(store.status().reachable(), "nothing has opened it yet");
                store.openInBackground();
                store.awaitOpen();
                assertTrue(store.status().reachable());
                assertTrue(new Claims(store).once("written", Duration.ofHours(1)));
                assertFalse(new Claims(store).once("written", Duration.ofHours(1)));
            }
        }

        @Test
        void aCallMadeBeforeItOpensOpensItAndWaitsForIt() throws Exception {
            try (Store store = Store.deferred(TestDatabases.fresh(StoreSettings.Engine.H2), Duration.ofSeconds(30), Clock.systemUTC())) {
                int one = store.call("counting", c -> {
                    try (var r = c.createStatement().executeQuery("select 1")) {
                        return r.next() ? r.getInt(1) : 0;
                    }
                });
                assertEquals(1, one);
            }
        }

        @Test
        void thatCannotOpenFailsWithTheLineOpeningAtOnceWouldGiveAndItsCallsAreUnavailable() {
            StoreSettings unreachable = StoreSettings.of("postgres://u:topsecret@127.0.0.1:9/attest", null);
            Store store = Store.deferred(unreachable, Duration.ofMillis(500), Clock.systemUTC());
            store.openInBackground();

            StoreException e = assertThrows(StoreException.class, store::awaitOpen);
            assertTrue(e.getMessage().startsWith("Cannot reach the database (PostgreSQL at 127.0.0.1:9/attest) within 0 s"),
                    e.getMessage());
            assertFalse(e.getMessage().contains("topsecret"));
            assertThrows(StoreUnavailable.class, () -> store.call("after the failure", c -> 1));
            assertFalse(store.status().reachable());
            assertFalse(store.record("a record", "id-1", c -> 1), "a write is lost, not thrown");
            assertEquals(1, store.status().unrecorded());
            store.close();
        }
    }

    @Nested
    class DatabaseUrls {

        @Test
        void thePlatformFormIsTurnedIntoJdbcWithTheCredentialsApart() {
            StoreSettings s = StoreSettings.of("postgres://alice:s%3Acret@db.example.com:5433/attest?sslmode=require", null);
            assertEquals(StoreSettings.Engine.POSTGRESQL, s.engine());
            assertEquals("jdbc:postgresql://db.example.com:5433/attest?sslmode=require", s.jdbcUrl());
            assertEquals("alice", s.user());
            assertEquals("s:cret", s.password());
            assertFalse(s.toString().contains("s:cret") || s.describe().contains("s:cret"), s.toString());
        }

        @Test
        void aJdbcUrlIsUsedAsItIs() {
            StoreSettings s = StoreSettings.of("jdbc:postgresql://127.0.0.1:5432/attest?user=a&password=secret", null);
            assertEquals("jdbc:postgresql://127.0.0.1:5432/attest?user=a&password=secret", s.jdbcUrl());
            assertFalse(s.describe().contains("secret"), s.describe());
        }

        @ParameterizedTest
        @ValueSource(strings = {"mysql://u:topsecret@h/db", "postgres://u:topsecret@h", "not a url at all: topsecret",
                "postgres:///db-topsecret", "topsecret"})
        void anythingElseStopsStartUpWithOneLineNamingTheVariableButNeverItsValue(String url) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StoreSettings.of(url, null));
            assertTrue(e.getMessage().startsWith("DATABASE_URL "), e.getMessage());
            assertFalse(e.getMessage().contains("topsecret"), e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
        }
    }

    @Nested
    class ItStopsStartUpWithOneClearLine {

        @Test
        void whenPostgresCannotBeReached() {
            StoreSettings unreachable = StoreSettings.of("postgres://u:topsecret@127.0.0.1:9/attest", null);
            StoreException e = assertThrows(StoreException.class,
                    () -> Store.open(unreachable, Duration.ofMillis(500), Clock.systemUTC()));
            assertTrue(e.getMessage().startsWith("Cannot reach the database (PostgreSQL at 127.0.0.1:9/attest) within 0 s"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("DATABASE_URL"), e.getMessage());
            assertFalse(e.getMessage().contains("topsecret"));
            assertEquals(1, e.getMessage().lines().count());
        }

        @Test
        void whenPostgresRefusesThePasswordAtOnceRatherThanWaiting() {
            StoreSettings right = TestDatabases.fresh(StoreSettings.Engine.POSTGRESQL);
            StoreSettings wrong = new StoreSettings(right.engine(), right.jdbcUrl(), right.user(), "not-the-password",
                    right.describe());
            StoreException e = assertThrows(StoreException.class, () -> Store.open(wrong, Duration.ofMinutes(5), Clock.systemUTC()));
            assertTrue(e.getMessage().startsWith("The database refused the connection"), e.getMessage());
            assertFalse(e.getMessage().contains("not-the-password"));
            assertEquals(1, e.getMessage().lines().count());
        }

        @Test
        void whenTheDataFolderCannotBeCreated() throws Exception {
            Path file = Files.createFile(TestDatabases.folder("blocked").resolve("a-file"));
            StoreException e = assertThrows(StoreException.class,
                    () -> TestDatabases.open(StoreSettings.of(null, file.resolve("data").toString()), Clock.systemUTC()));
            assertTrue(e.getMessage().contains("ATTEST_DATA"), e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
        }

        @ParameterizedTest
        @EnumSource(StoreSettings.Engine.class)
        void whenTheSchemaCannotBeMigrated(StoreSettings.Engine engine) throws Exception {
            StoreSettings settings = TestDatabases.fresh(engine);
            // A table of the same name, but not Attest's: the first migration cannot create its own.
            TestDatabases.execute(settings, "create table claims (something_else integer)");
            StoreException e = assertThrows(StoreException.class, () -> TestDatabases.open(settings, Clock.systemUTC()));
            assertTrue(e.getMessage().startsWith("The database schema could not be brought up to date"), e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
        }
    }
}
