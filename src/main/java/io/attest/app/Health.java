package io.attest.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.attest.slack.WorkQueue;
import io.attest.store.Store;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * What {@code /healthz} reports: 200 while Attest can answer, 503 with the reason once it cannot, so the platform
 * stops sending it traffic (and, for a refused token, an operator sees why without reading logs).
 */
final class Health {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A status code and the JSON body to answer with. */
    record Report(int status, String json) {
    }

    private final IntSupplier intents;
    private final WorkQueue work;
    private final Supplier<Store.Status> store;
    private volatile String tokenRefused;
    private volatile String appTokenRefused;
    private volatile BooleanSupplier socketModeConnected;
    private volatile boolean shuttingDown;

    /**
     * @param intents how many intents are loaded (read per request: local mode reloads content)
     * @param store   how the store is doing: a database that went away is reported, but Attest still answers
     */
    Health(IntSupplier intents, WorkQueue work, Supplier<Store.Status> store) {
        this.intents = intents;
        this.work = work;
        this.store = store;
    }

    /** Slack stopped accepting the bot token: nothing can be posted until it is replaced. */
    void tokenRefused(String error) {
        tokenRefused = error;
    }

    /** Slack stopped accepting the app token: no new Socket Mode connection can be opened. */
    void appTokenRefused(String error) {
        appTokenRefused = error;
    }

    /**
     * In Socket Mode, /healthz also says whether the connection is open. A lost connection is reconnected, and does
     * not make Attest unhealthy: restarting it would not bring Slack back sooner.
     */
    void socketMode(BooleanSupplier connected) {
        socketModeConnected = connected;
    }

    void shuttingDown() {
        shuttingDown = true;
    }

    Report report() {
        ObjectNode body = JSON.createObjectNode();
        String problem = tokenRefused != null ? "Slack no longer accepts SLACK_BOT_TOKEN (" + tokenRefused + ")"
                : appTokenRefused != null ? "Slack no longer accepts SLACK_APP_TOKEN (" + appTokenRefused + ")"
                : shuttingDown ? "shutting down" : null;
        body.put("status", problem == null ? "ok" : "unhealthy");
        if (problem != null) {
            body.put("reason", problem);
        }
        body.put("intents", intents.getAsInt());
        WorkQueue.Stats s = work.stats();
        body.putObject("work").put("threads", s.threads()).put("capacity", s.capacity()).put("waiting", s.waiting())
                .put("running", s.running()).put("refused", s.refused());
        Store.Status db = store.get();
        body.putObject("store").put("engine", db.engine()).put("reachable", db.reachable()).put("unrecorded", db.unrecorded());
        if (socketModeConnected != null) {
            body.putObject("socket_mode").put("connected", socketModeConnected.getAsBoolean());
        }
        return new Report(problem == null ? 200 : 503, body.toString());
    }
}
