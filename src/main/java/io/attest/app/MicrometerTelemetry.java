package io.attest.app;

import io.attest.knowledge.Reply;
import io.attest.slack.Delivery;
import io.attest.slack.RequestOutcome;
import io.attest.slack.Surface;
import io.attest.slack.Telemetry;
import io.attest.slack.WorkQueue;
import io.attest.triage.ReportSet;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * {@link Telemetry} kept in Micrometer's Prometheus registry, scraped as Prometheus text at {@code /metrics}. Meters
 * for closed sets (surfaces × outcomes, the Web API methods Attest calls, report sets) are registered up front and
 * held in arrays or maps, so recording on the /soc ack path is an index and an atomic add; meters for open sets (intent
 * ids) are registered on first use and cached. Every name is documented in the README.
 */
final class MicrometerTelemetry implements Telemetry, AutoCloseable {

    /**
     * Ack latency buckets: Slack gives up after 3 s; a /soc answer is expected in milliseconds. Fixed buckets rather
     * than Micrometer's percentile histogram keep a scrape small and aggregate across instances.
     */
    private static final Duration[] ACK_BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
            Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(3)};
    /** The Web API methods Attest calls, registered up front; any other is registered on first use. */
    private static final List<String> METHODS = List.of("chat.postMessage", "chat.postEphemeral", "chat.update",
            "response_url", "conversations.history", "conversations.replies", "auth.test", "apps.connections.open");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter[][] requests = new Counter[Surface.values().length][RequestOutcome.values().length];
    private final Timer[] acks = new Timer[Surface.values().length];
    private final Counter[] redeliveries = new Counter[Surface.values().length];
    private final Map<String, Counter> answers = new ConcurrentHashMap<>();
    private final Map<String, Counter> declines = new ConcurrentHashMap<>();
    private final Counter didYouMean;
    private final Counter triageStarted;
    private final Map<ReportSet, Counter> triageCompleted = new EnumMap<>(ReportSet.class);
    private final Map<String, WebApiMeters> webApi = new ConcurrentHashMap<>();
    private final Map<String, QueueMeters> queues = new ConcurrentHashMap<>();
    private final Counter[] socketMode = new Counter[SocketModeEvent.values().length];
    private final AtomicInteger socketConnected = new AtomicInteger();
    private final JvmGcMetrics gc = new JvmGcMetrics();

    MicrometerTelemetry() {
        for (Surface s : Surface.values()) {
            for (RequestOutcome o : RequestOutcome.values()) {
                requests[s.ordinal()][o.ordinal()] = Counter.builder("attest.slack.requests")
                        .description("Requests (HTTP) and envelopes (Socket Mode) from Slack, by surface and outcome")
                        .tag("surface", s.tag()).tag("outcome", o.tag()).register(registry);
            }
            acks[s.ordinal()] = Timer.builder("attest.slack.ack")
                    .description("Time from receiving a request from Slack to acknowledging it")
                    .tag("surface", s.tag()).serviceLevelObjectives(ACK_BUCKETS).register(registry);
            redeliveries[s.ordinal()] = Counter.builder("attest.slack.redeliveries")
                    .description("Requests Slack sent again because an earlier ack was slow or missing")
                    .tag("surface", s.tag()).register(registry);
        }
        didYouMean = Counter.builder("attest.did.you.mean").description("Questions answered with \"Did you mean…\" choices")
                .register(registry);
        triageStarted = Counter.builder("attest.triage.started").description("Triage threads started").register(registry);
        for (ReportSet reports : ReportSet.values()) {
            triageCompleted.put(reports, Counter.builder("attest.triage.completed")
                    .description("Triage threads that reached a recommendation, by the reports recommended")
                    .tag("reports", reports.name().toLowerCase(java.util.Locale.ROOT)).register(registry));
        }
        METHODS.forEach(this::webApi);
        for (SocketModeEvent e : SocketModeEvent.values()) {
            socketMode[e.ordinal()] = Counter.builder("attest.socket.mode.events")
                    .description("Socket Mode connections opened (connected), lost (dropped) or renewed at Slack's request")
                    .tag("event", e.tag()).register(registry);
        }
        Gauge.builder("attest.socket.mode.connected", socketConnected, AtomicInteger::get)
                .description("1 while a Socket Mode connection is open").register(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new JvmInfoMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
    }

    /** Everything, in the Prometheus text format. */
    String scrape() {
        return registry.scrape();
    }

    @Override
    public void request(Surface surface, RequestOutcome outcome, long nanos) {
        requests[surface.ordinal()][outcome.ordinal()].increment();
        acks[surface.ordinal()].record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void redelivered(Surface surface) {
        redeliveries[surface.ordinal()].increment();
    }

    @Override
    public void replied(Reply reply) {
        switch (reply.kind()) {
            case ANSWER -> answers.computeIfAbsent(reply.intentId(), id -> Counter.builder("attest.answers")
                    .description("Answers given, by intent").tag("intent", id).register(registry)).increment();
            case DID_YOU_MEAN -> didYouMean.increment();
            case DECLINE -> declines.computeIfAbsent(reply.intentId() == null ? "none" : reply.intentId(),
                    id -> Counter.builder("attest.declines").description("Questions declined as out of scope, by the decline given "
                            + "(none: nothing close enough)").tag("intent", id).register(registry)).increment();
            default -> {
            }
        }
    }

    @Override
    public void triageStarted() {
        triageStarted.increment();
    }

    @Override
    public void triageCompleted(ReportSet reports) {
        triageCompleted.get(reports).increment();
    }

    @Override
    public void webApiAttempt(String method, WebApiOutcome outcome, long nanos) {
        WebApiMeters m = webApi(method);
        m.attempts[outcome.ordinal()].increment();
        m.latency.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void webApiRetry(String method) {
        webApi(method).retries.increment();
    }

    @Override
    public void delivery(String method, Delivery.Status status) {
        webApi(method).deliveries[status.ordinal()].increment();
    }

    /** The supplier is held strongly: Micrometer holds a gauge's object weakly, and a method reference is nothing else's. */
    @Override
    public void workQueue(String name, Supplier<WorkQueue.Stats> stats) {
        Gauge.builder("attest.work.queue.waiting", stats, s -> s.get().waiting()).description("Jobs waiting for a thread")
                .tag("queue", name).strongReference(true).register(registry);
        Gauge.builder("attest.work.queue.running", stats, s -> s.get().running()).description("Jobs running")
                .tag("queue", name).strongReference(true).register(registry);
        Gauge.builder("attest.work.queue.capacity", stats, s -> s.get().capacity())
                .description("Jobs that may wait before new work is refused").tag("queue", name).strongReference(true).register(registry);
        Gauge.builder("attest.work.queue.threads", stats, s -> s.get().threads()).description("Threads doing the work")
                .tag("queue", name).strongReference(true).register(registry);
        queue(name);
    }

    @Override
    public void workAccepted(String queue) {
        queue(queue).accepted.increment();
    }

    @Override
    public void workRefused(String queue, WorkQueue.Admission why) {
        queue(queue).refused[why.ordinal()].increment();
    }

    @Override
    public void socketMode(SocketModeEvent event) {
        socketMode[event.ordinal()].increment();
        // Asked to reconnect, the old connection stays in use until the new one says hello: still connected.
        switch (event) {
            case CONNECTED -> socketConnected.set(1);
            case DROPPED -> socketConnected.set(0);
            default -> {
            }
        }
    }

    private WebApiMeters webApi(String method) {
        return webApi.computeIfAbsent(method, m -> new WebApiMeters(registry, m));
    }

    private QueueMeters queue(String name) {
        return queues.computeIfAbsent(name, n -> new QueueMeters(registry, n));
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }

    /** The meters of one Web API method. */
    private static final class WebApiMeters {
        final Counter[] attempts = new Counter[WebApiOutcome.values().length];
        final Counter[] deliveries = new Counter[Delivery.Status.values().length];
        final Counter retries;
        final Timer latency;

        WebApiMeters(MeterRegistry registry, String method) {
            for (WebApiOutcome o : WebApiOutcome.values()) {
                attempts[o.ordinal()] = Counter.builder("attest.slack.api.calls")
                        .description("HTTP attempts at Slack's Web API, by method and what came of each (rate_limited: a 429)")
                        .tag("method", method).tag("outcome", o.tag()).register(registry);
            }
            for (Delivery.Status s : Delivery.Status.values()) {
                deliveries[s.ordinal()] = Counter.builder("attest.slack.deliveries")
                        .description("Web API calls after every retry they were allowed: delivered, rejected, unavailable "
                                + "(gave up) or uncertain (not sent again, so never twice)")
                        .tag("method", method).tag("status", s.name().toLowerCase(java.util.Locale.ROOT)).register(registry);
            }
            retries = Counter.builder("attest.slack.api.retries").description("Web API attempts that were retries")
                    .tag("method", method).register(registry);
            latency = Timer.builder("attest.slack.api.latency").description("Time one HTTP attempt at the Web API took")
                    .tag("method", method).register(registry);
        }
    }

    /** The counters of one work queue. */
    private static final class QueueMeters {
        final Counter accepted;
        final Counter[] refused = new Counter[WorkQueue.Admission.values().length];

        QueueMeters(MeterRegistry registry, String queue) {
            accepted = Counter.builder("attest.work.accepted").description("Jobs taken on after an ack").tag("queue", queue)
                    .register(registry);
            for (WorkQueue.Admission a : WorkQueue.Admission.values()) {
                if (!a.accepted()) {
                    refused[a.ordinal()] = Counter.builder("attest.work.refused")
                            .description("Jobs refused: the queue was full, or Attest was stopping").tag("queue", queue)
                            .tag("reason", a.name().toLowerCase(java.util.Locale.ROOT)).register(registry);
                }
            }
        }
    }
}
