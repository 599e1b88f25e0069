package io.attest.slack;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class EventDeduplicatorTest {

    private final AtomicLong millis = new AtomicLong(0);
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }
    };

    @Test
    void anEventIsHandledOnceAndItsRetriesAreNot() {
        EventDeduplicator seen = new EventDeduplicator(100, Duration.ofMinutes(30), clock);
        assertTrue(seen.firstTime("Ev1"));
        assertFalse(seen.firstTime("Ev1"));
        assertFalse(seen.firstTime("Ev1"));
        assertTrue(seen.firstTime("Ev2"));
    }

    @Test
    void memoryIsBoundedByCountDroppingTheOldest() {
        EventDeduplicator seen = new EventDeduplicator(2, Duration.ofMinutes(30), clock);
        seen.firstTime("a");
        seen.firstTime("b");
        seen.firstTime("c");
        assertTrue(seen.firstTime("a"), "the oldest id was forgotten");
        assertFalse(seen.firstTime("c"));
    }

    @Test
    void memoryIsBoundedByAge() {
        EventDeduplicator seen = new EventDeduplicator(100, Duration.ofMinutes(30), clock);
        seen.firstTime("old");
        millis.addAndGet(Duration.ofMinutes(31).toMillis());
        assertTrue(seen.firstTime("old"));
    }

    @Test
    void eventsWithoutAnIdAreNeverSuppressed() {
        EventDeduplicator seen = new EventDeduplicator(100, Duration.ofMinutes(30), clock);
        assertTrue(seen.firstTime(null));
        assertTrue(seen.firstTime(null));
    }
}
