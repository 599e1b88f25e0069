package io.attest.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.attest.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** "An insert that wins once", with expiry, on both engines. */
class ClaimsTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-05-01T10:00:00Z"));

    @ParameterizedTest
    @EnumSource(StoreSettings.Engine.class)
    void anEventIsHandledOnceWithinItsMemoryAndAgainAfter(StoreSettings.Engine engine) throws Exception {
        try (Store store = TestDatabases.open(TestDatabases.fresh(engine), clock)) {
            Claims claims = new Claims(store);
            assertTrue(claims.once("event:Ev1", Duration.ofMinutes(30)));
            assertFalse(claims.once("event:Ev1", Duration.ofMinutes(30)));
            clock.advance(Duration.ofMinutes(31));
            assertTrue(claims.once("event:Ev1", Duration.ofMinutes(30)), "an expired claim is taken over");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreSettings.Engine.class)
    void aClickIsHeldWhileItsWorkIsUnderWayAndKeptOnceDone(StoreSettings.Engine engine) throws Exception {
        try (Store store = TestDatabases.open(TestDatabases.fresh(engine), clock)) {
            Claims claims = new Claims(store);
            Claims.Claim first = claims.claim("click:1", Duration.ofMinutes(2));
            assertNotNull(first);
            assertNull(claims.claim("click:1", Duration.ofMinutes(2)), "a double click while the first is under way");
            first.done(Duration.ofHours(6));
            clock.advance(Duration.ofMinutes(5));
            assertNull(claims.claim("click:1", Duration.ofMinutes(2)), "a click handled is not handled again");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreSettings.Engine.class)
    void aFailedClickIsReleasedSoTheSameButtonWorksAgain(StoreSettings.Engine engine) throws Exception {
        try (Store store = TestDatabases.open(TestDatabases.fresh(engine), clock)) {
            Claims claims = new Claims(store);
            claims.claim("click:2", Duration.ofMinutes(2)).release();
            Claims.Claim again = claims.claim("click:2", Duration.ofMinutes(2));
            assertNotNull(again);
            again.done(Duration.ofHours(6));
            again.release();
            assertNull(claims.claim("click:2", Duration.ofMinutes(2)), "releasing after done changes nothing");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreSettings.Engine.class)
    void aClaimWhoseHolderDiedEndsWithItsLease(StoreSettings.Engine engine) throws Exception {
        try (Store store = TestDatabases.open(TestDatabases.fresh(engine), clock)) {
            Claims claims = new Claims(store);
            Claims.Claim died = claims.claim("click:3", Duration.ofMinutes(2));
            clock.advance(Duration.ofMinutes(3));
            Claims.Claim next = claims.claim("click:3", Duration.ofMinutes(2));
            assertNotNull(next, "the lease ended");
            died.release();
            assertNull(claims.claim("click:3", Duration.ofMinutes(2)), "the dead holder cannot release the new claim");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreSettings.Engine.class)
    void manyClaimingAtOnceOneWins(StoreSettings.Engine engine) throws Exception {
        StoreSettings settings = TestDatabases.fresh(engine);
        try (Store a = TestDatabases.open(settings, clock)) {
            // Two stores on one database, as two instances have, when the engine allows a second process.
            Store b = engine == StoreSettings.Engine.POSTGRESQL ? TestDatabases.open(settings, clock) : a;
            try {
                ExecutorService threads = Executors.newFixedThreadPool(8);
                List<Callable<Boolean>> tries = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    Claims claims = new Claims(i % 2 == 0 ? a : b);
                    tries.add(() -> claims.once("event:race", Duration.ofMinutes(30)));
                }
                int won = 0;
                for (Future<Boolean> f : threads.invokeAll(tries)) {
                    won += f.get() ? 1 : 0;
                }
                threads.shutdown();
                assertEquals(1, won);
            } finally {
                if (b != a) {
                    b.close();
                }
            }
        }
    }
}
