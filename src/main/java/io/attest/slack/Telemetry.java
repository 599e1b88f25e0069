package io.attest.slack;

import io.attest.knowledge.Reply;
import io.attest.triage.ReportSet;
import java.util.function.Supplier;

/**
 * What Attest counts for {@code /metrics}: one call where each thing happens, the edge for requests and ack latency,
 * the replies, triage, the Web API client and the work queues. Every method does nothing by default, so
 * {@link #NONE} (metrics off) costs a virtual call; an implementation keeps its meters registered up front, so a
 * recording on the ack path is an array or map lookup and an atomic add, never a registry look-up.
 */
public interface Telemetry {

    /** Records nothing: what Attest uses when /metrics is not served. */
    Telemetry NONE = new Telemetry() {
    };

    /** One request (HTTP) or envelope (Socket Mode) from Slack, answered after {@code nanos}. */
    default void request(Surface surface, RequestOutcome outcome, long nanos) {
    }

    /** Slack delivered something again (a retry after a slow or missing ack). */
    default void redelivered(Surface surface) {
    }

    /** A reply to a typed question: answers are counted by intent, declines by intent, and "Did you mean…". */
    default void replied(Reply reply) {
    }

    default void triageStarted() {
    }

    default void triageCompleted(ReportSet reports) {
    }

    /** One HTTP attempt at a Web API method (or "response_url"), with what came of it and how long it took. */
    default void webApiAttempt(String method, WebApiOutcome outcome, long nanos) {
    }

    /** An attempt that was a retry of the same call. */
    default void webApiRetry(String method) {
    }

    /** What a whole call came to, after every retry it was allowed. */
    default void delivery(String method, Delivery.Status status) {
    }

    /** A work queue to report on: its depth and threads are read when metrics are scraped. */
    default void workQueue(String name, Supplier<WorkQueue.Stats> stats) {
    }

    default void workAccepted(String queue) {
    }

    default void workRefused(String queue, WorkQueue.Admission why) {
    }

    /** The Socket Mode connection opened (Slack said hello), or closed. */
    default void socketMode(SocketModeEvent event) {
    }

    /** What one HTTP attempt at the Web API came to. */
    enum WebApiOutcome {
        OK,
        /** Slack said no (ok:false with a final error, or a 4xx). */
        ERROR,
        /** 429, or ok:false ratelimited. */
        RATE_LIMITED,
        /** 503, a connection never made, service_unavailable: Slack did nothing. */
        UNAVAILABLE,
        /** 5xx, a timeout or a dropped connection: Slack may have done it. */
        UNCLEAR;

        private final String tag = name().toLowerCase(java.util.Locale.ROOT);

        public String tag() {
            return tag;
        }
    }

    /** Changes of the Socket Mode connection. */
    enum SocketModeEvent {
        /** Slack said hello on a new connection. */
        CONNECTED,
        /** The connection was lost (closed by the network or by Slack without asking). */
        DROPPED,
        /** Slack asked Attest to reconnect (a disconnect message). */
        ASKED_TO_RECONNECT;

        private final String tag = name().toLowerCase(java.util.Locale.ROOT);

        public String tag() {
            return tag;
        }
    }
}
