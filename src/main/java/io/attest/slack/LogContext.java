package io.attest.slack;

import org.slf4j.MDC;

/**
 * The two fields every log line carries while Attest serves a request or runs the work after its ack: the correlation
 * id (Slack's event_id for events, a fresh id otherwise) and the surface. Kept in SLF4J's MDC, so any logger picks them
 * up, and the JSON log format writes them as fields. Set at the edge, carried over to the work queue's threads.
 */
public final class LogContext {

    public static final String CORRELATION_ID = "correlation_id";
    public static final String SURFACE = "surface";

    private LogContext() {
    }

    /** Sets both fields on this thread; {@link #clear()} when the request is done (threads are pooled). */
    public static void set(String correlationId, Surface surface) {
        MDC.put(CORRELATION_ID, correlationId);
        MDC.put(SURFACE, surface.tag());
    }

    /** The correlation id of what this thread is serving, or null. */
    public static String correlationId() {
        return MDC.get(CORRELATION_ID);
    }

    /** The surface tag of what this thread is serving, or null. */
    static String surface() {
        return MDC.get(SURFACE);
    }

    /** Restores fields captured on another thread ({@code surface} may be null). */
    static void restore(String correlationId, String surface) {
        MDC.put(CORRELATION_ID, correlationId);
        if (surface != null) {
            MDC.put(SURFACE, surface);
        } else {
            MDC.remove(SURFACE);
        }
    }

    public static void clear() {
        MDC.remove(CORRELATION_ID);
        MDC.remove(SURFACE);
    }
}
