package io.attest.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.attest.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The claims an instance keeps by itself while the database is unavailable. */
class LocalClaimsTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-05-01T10:00:00Z"));
    private final LocalClaims claims = new LocalClaims(100, clock);

    private long in(Duration d) {
        return clock.instant().plus(d).toEpochMilli();
    }

    @Test
    void aSecondClaimWhileTheFirstIsUnderWayFails() {
        assertTrue(claims.take("q1#0", "a", false, in(Duration.ofMinutes(2))));
        assertFalse(claims.take("q1#0", "b", false, in(Duration.ofMinutes(2))));
    }

    @Test
    void aClaimDoneIsNotTakenAgainUntilItsMemoryEnds() {
        claims.take("q1#0", "a", false, in(Duration.ofMinutes(2)));
        claims.done("q1#0", "a", in(Duration.ofHours(6)));
        claims.release("q1#0", "a");
        clock.advance(Duration.ofHours(5));
        assertFalse(claims.take("q1#0", "b", false, in(Duration.ofMinutes(2))));
        clock.advance(Duration.ofHours(2));
        assertTrue(claims.take("q1#0", "b", false, in(Duration.ofMinutes(2))));
    }

    @Nested
    class WhenWorkFails {

        @Test
        void itsClaimIsReleasedAndTakenAgain() {
            claims.take("q1#0", "a", false, in(Duration.ofMinutes(2)));
            claims.release("q1#0", "a");
            assertTrue(claims.take("q1#0", "b", false, in(Duration.ofMinutes(2))));
        }

        @Test
        void onlyItsHolderCanReleaseIt() {
            claims.take("q1#0", "a", false, in(Duration.ofMinutes(2)));
            claims.release("q1#0", "someone else");
            assertFalse(claims.take("q1#0", "b", false, in(Duration.ofMinutes(2))));
        }

        @Test
        void otherClaimsAreUnaffected() {
            claims.take("q1#0", "a", false, in(Duration.ofMinutes(2)));
            claims.take("q2#0", "a", false, in(Duration.ofMinutes(2)));
            claims.release("q1#0", "a");
            assertFalse(claims.take("q2#0", "b", false, in(Duration.ofMinutes(2))));
        }
    }

    @Test
    void memoryIsBoundedInSize() {
        LocalClaims small = new LocalClaims(2, clock);
        small.take("a", "o", true, in(Duration.ofHours(6)));
        small.take("b", "o", true, in(Duration.ofHours(6)));
        small.take("c", "o", true, in(Duration.ofHours(6)));
        assertTrue(small.take("a", "o", true, in(Duration.ofHours(6))), "the oldest was forgotten");
    }
}
