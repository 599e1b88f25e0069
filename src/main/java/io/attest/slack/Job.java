package io.attest.slack;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One piece of work done after an ack: what it is (for the logs), the id that ties its log lines together, and
 * until when its Web API calls may keep trying. The deadline can only come closer: a shutdown brings every job's
 * deadline forward to the end of the grace period.
 */
public final class Job {

    private final JobKind what;
    private final String correlationId;
    private final Instant acceptedAt;
    private final Instant deadline;
    private final AtomicReference<Instant> cutoff;

    Job(JobKind what, String correlationId, Instant acceptedAt, Instant deadline, AtomicReference<Instant> cutoff) {
        this.what = what;
        this.correlationId = correlationId;
        this.acceptedAt = acceptedAt;
        this.deadline = deadline;
        this.cutoff = cutoff;
    }

    public JobKind what() {
        return what;
    }

    public String correlationId() {
        return correlationId;
    }

    public Instant acceptedAt() {
        return acceptedAt;
    }

    /** The earlier of the job's own deadline and the end of a shutdown's grace period, if one has begun. */
    public Instant deadline() {
        Instant c = cutoff.get();
        return c != null && c.isBefore(deadline) ? c : deadline;
    }

    /** True once a shutdown has cut this job's time short. */
    public boolean cutShort() {
        Instant c = cutoff.get();
        return c != null && c.isBefore(deadline);
    }

    @Override
    public String toString() {
        return what + " [" + correlationId + "]";
    }
}
