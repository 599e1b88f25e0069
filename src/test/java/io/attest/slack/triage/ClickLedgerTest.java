package io.attest.slack.triage;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ClickLedgerTest {

    private final AtomicLong millis = new AtomicLong();
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }
    };
    private final ClickLedger ledger = new ClickLedger(100, Duration.ofHours(6), clock);

    @Test
    void aSecondClickWhileTheFirstIsBeingHandledDoesNothing() {
        assertTrue(ledger.claim("q1#0"));
        assertFalse(ledger.claim("q1#0"));
    }

    @Test
    void aClickHandledIsNeverHandledAgain() {
        ledger.claim("q1#0");
        ledger.done("q1#0");
        ledger.release("q1#0");
        assertFalse(ledger.claim("q1#0"));
    }

    @Nested
    class WhenAClickFails {

        @Test
        void itIsReleasedAndTheSameButtonWorksAgain() {
            ledger.claim("q1#0");
            ledger.release("q1#0");
            assertTrue(ledger.claim("q1#0"));
        }

        @Test
        void otherClicksAreUnaffected() {
            ledger.claim("q1#0");
            ledger.claim("q2#0");
            ledger.release("q1#0");
            assertFalse(ledger.claim("q2#0"));
        }
    }

    @Test
    void memoryIsBoundedByAgeAndCount() {
        ClickLedger small = new ClickLedger(2, Duration.ofHours(6), clock);
        small.claim("a");
        small.done("a");
        small.claim("b");
        small.claim("c");
        assertTrue(small.claim("a"), "the oldest was forgotten");
        ledger.claim("old");
        ledger.done("old");
        millis.addAndGet(Duration.ofHours(7).toMillis());
        assertTrue(ledger.claim("old"));
    }
}
