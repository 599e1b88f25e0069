package io.attest.slack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.bolt.App;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** The guided triage thread, as the other surfaces see it: a start button, a way to start, its own buttons. */
public interface TriageSurface {

    /** The "Start triage" button shown in help and declines. */
    ObjectNode startButton();

    /** Posts the root message and the first question; runs after the ack. */
    void start(String channel, String userId, String forWhom, String responseUrl) throws Exception;

    /** Registers the thread's button listeners, reporting each action_id pattern it registers. */
    void register(App app, Consumer<Pattern> registeredActions);
}
