package io.attest.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that stands still until a test moves it: for answers whose dates are worked out when they are given. */
public final class MovableClock extends Clock {

    private volatile Instant now;

    public MovableClock(LocalDate day) {
        moveTo(day);
    }

    /** Noon of {@code day}, UTC. */
    public void moveTo(LocalDate day) {
        now = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("one zone is enough for these tests");
    }

    @Override
    public Instant instant() {
        return now;
    }
}
