package io.attest.slack;

import com.slack.api.Slack;
import com.slack.api.socket_mode.impl.SocketModeClientJavaWSImpl;
import com.slack.api.socket_mode.queue.impl.ConcurrentLinkedMessageQueue;
import java.io.IOException;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLogger;

/**
 * Attest's connection to Slack in Socket Mode. Each WebSocket is one of Bolt's Socket Mode clients over Java-WebSocket
 * (a {@link Link}); which one is in use, and when to open another, is decided here.
 * <ul>
 *   <li>Every message goes to {@link SocketModeEnvelopes}, which serves it with the Bolt app, on its connection's own
 *       thread in the order it came; its ack goes back on the connection it came on (on the one in use, if that one
 *       has closed meanwhile).</li>
 *   <li>URLs for new connections come from {@link SlackWebApi#openSocketModeConnection}, so apps.connections.open is
 *       classified, logged and counted like every other Web API call, and a refused app token is recognised.</li>
 *   <li>When Slack sends {@code disconnect} (it retires connections from time to time), a new connection is opened
 *       and the old one is kept, serving what still arrives on it, until the new one says hello; then it is closed.</li>
 *   <li>When the connection is lost (a ping without a pong, or a closed socket, noticed within {@link #CHECK_EVERY},
 *       and at once when a socket closes), a new one replaces it. Attempts back off, with jitter, up to
 *       {@link #LONGEST_WAIT}; a failed attempt is one WARN line. A check never stops for good, whatever it meets.</li>
 * </ul>
 * The SDK's own log lines are off (at debug level they print whole envelopes); connection changes are logged here.
 */
public final class SocketModeConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SocketModeConnection.class);
    /** How often the connection in use is checked (a ping, answered within milliseconds by a live connection). */
    static final Duration CHECK_EVERY = Duration.ofSeconds(2);
    /** How long a new connection gets to say hello before it is given up and another tried. */
    private static final Duration HANDSHAKE_GRACE = Duration.ofSeconds(5);
    /** How soon after a socket closes the connection is checked. */
    private static final Duration AFTER_CLOSE = Duration.ofMillis(100);
    /** How long a retired connection stays open after its successor's hello, for envelopes already on their way. */
    private static final Duration RETIRE_AFTER = Duration.ofSeconds(5);
    private static final Duration FIRST_WAIT = Duration.ofSeconds(1);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);
    /** An ack must reach Slack within 3 s of the envelope; waiting for a new connection longer than this is pointless. */
    private static final Duration ACK_PATIENCE = Duration.ofMillis(2500);
    /**
     * The SDK's polling readers per connection: none. Its readers are tasks on one thread that each poll the queue
     * every 10 ms (1,000 wake-ups a second for its default of ten, while idle); each message is handed to that thread
     * instead, as it arrives ({@link Link#enqueueMessage}), so a connection's messages are served in order, at once.
     */
    private static final int POLLING_READERS = 0;

    /** Why a new connection is opened; read as words, the names are what the log says. */
    private enum Why {
        SLACK_ASKED_FOR_IT, THE_CONNECTION_WAS_LOST;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    private final SlackWebApi api;
    private final String appToken;
    private final SocketModeEnvelopes envelopes;
    private final Telemetry telemetry;
    private final Consumer<String> onAppTokenRefused;
    private final ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "attest-socket-mode");
        t.setDaemon(true);
        return t;
    });
    private final Set<Link> open = ConcurrentHashMap.newKeySet();
    private final CountDownLatch firstHello = new CountDownLatch(1);
    private final Object changing = new Object();
    /** The connection in use; replaced only on the monitor's thread, under {@link #changing}. */
    private volatile Link current;
    /** A connection opened at Slack's request, not yet in use: it is until it says hello. */
    private volatile Link successor;
    private volatile boolean connected;
    private volatile boolean closed;
    private volatile long nextAttemptAt;
    private volatile int failures;
    private volatile boolean greetedBefore;
    /** A refused app token is reported once (ERROR, and /healthz); attempts go on at the longest wait. */
    private volatile boolean refusalReported;

    /**
     * Connects to {@code firstUrl} (from apps.connections.open at start-up); returns without waiting for Slack's hello.
     *
     * @param onAppTokenRefused told the error when Slack refuses the app token on a reconnect
     */
    public SocketModeConnection(SlackWebApi api, String appToken, String firstUrl, SocketModeEnvelopes envelopes,
                                Telemetry telemetry, Consumer<String> onAppTokenRefused) throws IOException {
        this.api = api;
        this.appToken = appToken;
        this.envelopes = envelopes;
        this.telemetry = telemetry;
        this.onAppTokenRefused = onAppTokenRefused;
        nextAttemptAt = System.currentTimeMillis() + HANDSHAKE_GRACE.toMillis();
        try {
            current = open(firstUrl);
        } catch (URISyntaxException e) {
            throw new IOException("apps.connections.open gave a URL that is not one", e);
        }
        monitor.scheduleWithFixedDelay(this::check, CHECK_EVERY.toMillis(), CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits for Slack's first hello; false if it did not come in time (reconnecting goes on regardless). */
    public boolean awaitConnected(Duration patience) throws InterruptedException {
        return firstHello.await(patience.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** True while the connection in use is open and Slack has said hello on it. */
    public boolean connected() {
        return connected && !closed;
    }

    /** Stops reconnecting and closes every connection; envelopes still waiting to be read are not served. */
    @Override
    public void close() {
        closed = true;
        connected = false;
        monitor.shutdownNow();
        open.forEach(Link::retire);
    }

    private Link open(String url) throws URISyntaxException {
        Link link = new Link(url);
        open.add(link);
        link.connect();
        return link;
    }

    private void onMessage(Link link, String message) {
        switch (envelopes.handle(message, ack -> send(link, ack))) {
            case HELLO -> onHello(link);
            case DISCONNECT -> {
                if (link == current) {
                    telemetry.socketMode(Telemetry.SocketModeEvent.ASKED_TO_RECONNECT);
                    // On the monitor's thread: envelopes still arriving here are served meanwhile.
                    onMonitor(() -> monitor.execute(() -> replace(Why.SLACK_ASKED_FOR_IT)));
                }
            }
            default -> {
            }
        }
    }

    private void onHello(Link link) {
        synchronized (changing) {
            if (closed) {
                return;
            }
            if (link == successor) {
                Link retired = current;
                current = link;
                successor = null;
                onMonitor(() -> monitor.schedule(retired::retire, RETIRE_AFTER.toMillis(), TimeUnit.MILLISECONDS));
            } else if (link != current) {
                return;
            }
            connected = true;
            failures = 0;
            nextAttemptAt = 0;
        }
        telemetry.socketMode(Telemetry.SocketModeEvent.CONNECTED);
        LOG.info(greetedBefore ? "Reconnected to Slack over Socket Mode" : "Connected to Slack over Socket Mode");
        greetedBefore = true;
        firstHello.countDown();
    }

    /** Sends an ack on the connection its envelope came on; if that one has closed, on the one in use, once it is open. */
    private void send(Link link, String ack) {
        long giveUpAt = System.nanoTime() + ACK_PATIENCE.toNanos();
        Link on = link;
        while (true) {
            try {
                on.sendWebSocketMessage(ack);
                return;
            } catch (WebsocketNotConnectedException e) {
                if (closed || System.nanoTime() > giveUpAt) {
                    LOG.warn("An envelope could not be acknowledged: no Socket Mode connection is open; Slack delivers it again");
                    return;
                }
                on = current;
                pause(20);
            }
        }
    }

    /** The check, every {@link #CHECK_EVERY} and just after a socket closes; it never throws, so it always runs again. */
    private void check() {
        try {
            if (closed || System.currentTimeMillis() < nextAttemptAt || current.verifyConnection()) {
                return;
            }
            if (connected) {
                connected = false;
                telemetry.socketMode(Telemetry.SocketModeEvent.DROPPED);
                LOG.warn("The Socket Mode connection was lost; reconnecting");
            }
            replace(Why.THE_CONNECTION_WAS_LOST);
        } catch (RuntimeException e) {
            LOG.warn("Checking the Socket Mode connection failed: {}", e.toString());
        }
    }

    /**
     * Opens a new connection. A lost one is replaced at once; one Slack is retiring stays in use until the new one
     * says hello. One attempt at a time, on the monitor's thread.
     */
    private void replace(Why why) {
        synchronized (changing) {
            long now = System.currentTimeMillis();
            if (closed || why == Why.THE_CONNECTION_WAS_LOST && now < nextAttemptAt
                    || why == Why.SLACK_ASKED_FOR_IT && successor != null) {
                return;
            }
            int attempt = ++failures;
            nextAttemptAt = now + Math.max(HANDSHAKE_GRACE.toMillis(), backoff(attempt));
            String url;
            try {
                url = url();
            } catch (IOException e) {
                long retryIn = backoff(attempt);
                nextAttemptAt = System.currentTimeMillis() + retryIn;
                LOG.warn("Could not open a new Socket Mode connection ({}; {}, attempt {}); trying again in {} s", why,
                        e.getMessage(), attempt, String.format(Locale.ROOT, "%.1f", retryIn / 1000.0));
                return;
            }
            try {
                Link fresh = open(url);
                if (why == Why.SLACK_ASKED_FOR_IT) {
                    successor = fresh;
                } else {
                    Link lost = current;
                    Link abandoned = successor;
                    current = fresh;
                    successor = null;
                    lost.retire();
                    if (abandoned != null) {
                        abandoned.retire();
                    }
                }
            } catch (URISyntaxException e) {
                LOG.warn("apps.connections.open gave a URL that is not one ({}); trying again", why);
            }
        }
    }

    /** A URL for a new connection, from apps.connections.open with the app token. */
    private String url() throws IOException {
        SlackWebApi.ConnectionUrl url;
        try {
            url = api.openSocketModeConnection(appToken);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        return switch (url.verdict()) {
            case CONFIRMED -> url.url();
            case REFUSED -> {
                if (!refusalReported) {
                    refusalReported = true;
                    LOG.error("Slack no longer accepts SLACK_APP_TOKEN ({}); nothing reaches Attest until it is replaced "
                            + "and Attest restarted", url.error());
                    onAppTokenRefused.accept(url.error());
                }
                throw new IOException("apps.connections.open: " + url.error());
            }
            default -> throw new IOException("apps.connections.open: " + url.error());
        };
    }

    /** Hands work to the monitor's thread, unless the connection is being closed. */
    private void onMonitor(Runnable handOver) {
        if (closed) {
            return;
        }
        try {
            handOver.run();
        } catch (RejectedExecutionException e) {
            // Closed meanwhile: nothing more to do.
        }
    }

    private static long backoff(int attempt) {
        long ceiling = Math.min(LONGEST_WAIT.toMillis(), FIRST_WAIT.toMillis() << Math.min(attempt - 1, 10));
        return ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * One WebSocket: Bolt's client, used for its session, its ping check and its message queue. Reconnecting is not
     * its business (its own monitor and auto-reconnect are off); its messages go to {@link #onMessage}.
     */
    private final class Link extends SocketModeClientJavaWSImpl {

        Link(String url) throws URISyntaxException {
            super(Slack.getInstance(), appToken, url, POLLING_READERS, new ConcurrentLinkedMessageQueue(), false, false,
                    CHECK_EVERY.toMillis());
            // A closed socket is looked at right away rather than at the next check; if it was the one in use,
            // that check replaces it.
            addWebSocketCloseListener((code, reason) -> {
                if (this == current) {
                    onMonitor(() -> monitor.schedule(SocketModeConnection.this::check, AFTER_CLOSE.toMillis(), TimeUnit.MILLISECONDS));
                }
            });
        }

        /**
         * Called on the socket's reading thread for each text message: served on this connection's own thread, in the
         * order it came, so the reading thread is free for pongs and a hello is always seen before what follows it.
         */
        @Override
        public void enqueueMessage(String message) {
            try {
                getMessageProcessorExecutor().execute(() -> {
                    try {
                        onMessage(this, message);
                    } catch (RuntimeException e) {
                        // SocketModeEnvelopes catches a listener's failure; this is the connection's own, and is not
                        // allowed to pass silently.
                        LOG.warn("Serving a Socket Mode message failed: {}", e.toString());
                    }
                });
            } catch (RejectedExecutionException e) {
                // Retired meanwhile: Slack delivers again what is not acknowledged.
            }
        }

        /** Not reached while {@link #enqueueMessage} hands messages over; kept so the SDK's own handling never runs. */
        @Override
        public void processMessage(String message) {
            onMessage(this, message);
        }

        @Override
        public void connectToNewEndpoint() throws IOException {
            throw new IOException("new connections are opened by SocketModeConnection");
        }

        @Override
        public long maintainCurrentSession() {
            return System.currentTimeMillis();
        }

        @Override
        public Logger getLogger() {
            return NOPLogger.NOP_LOGGER;
        }

        /**
         * Closes this connection. Messages it already received are still served, on its own thread (their acks go on
         * the connection in use); at shutdown they are dropped, and Slack delivers them again elsewhere.
         */
        void retire() {
            open.remove(this);
            try {
                disconnect();
            } catch (RuntimeException e) {
                LOG.debug("Closing a Socket Mode connection: {}", e.toString());
            }
            if (SocketModeConnection.this.closed) {
                getMessageProcessorExecutor().shutdownNow();
            } else {
                getMessageProcessorExecutor().shutdown();
            }
        }
    }
}
