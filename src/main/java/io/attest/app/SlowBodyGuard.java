package io.attest.app;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.NanoTime;

/**
 * Cuts off a request whose body trickles in: slower than a minimum rate once a first second has passed, or not
 * complete within a time limit. The body then ends in a failure that the request's handler reads as a timeout, and
 * answers with a 408. Jetty's own MinimumDataRateHandler (12.1) measures every request against the bytes the whole
 * server has read, so after some traffic it stops cutting anyone off; this counts each request's own bytes.
 */
final class SlowBodyGuard extends Handler.Wrapper {

    private static final long GRACE_NANOS = Duration.ofSeconds(1).toNanos();

    private final long minBytesPerSecond;
    private final long limitNanos;

    SlowBodyGuard(long minBytesPerSecond, Duration limit) {
        this.minBytesPerSecond = minBytesPerSecond;
        this.limitNanos = limit.toNanos();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        return super.handle(new Timed(request), response, callback);
    }

    /** Counts the body bytes read, and fails the next demand once the body is too slow. */
    private final class Timed extends Request.Wrapper {
        private final long startedNanos = NanoTime.now();
        private long bytes;
        private Content.Chunk failure;

        Timed(Request request) {
            super(request);
        }

        @Override
        public Content.Chunk read() {
            if (failure != null) {
                return failure;
            }
            Content.Chunk chunk = super.read();
            if (chunk != null) {
                bytes += chunk.remaining();
            }
            return chunk;
        }

        @Override
        public void demand(Runnable onContent) {
            long elapsed = NanoTime.since(startedNanos);
            boolean tooSlow = elapsed > GRACE_NANOS && bytes * 1_000_000_000L / elapsed < minBytesPerSecond;
            if (tooSlow || elapsed > limitNanos) {
                failure = Content.Chunk.from(new TimeoutException("request body too slow: " + bytes + " bytes in "
                        + Duration.ofNanos(elapsed).toMillis() + " ms"));
                onContent.run();
                return;
            }
            super.demand(onContent);
        }
    }
}
