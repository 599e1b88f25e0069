package io.attest.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.model.event.Event;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Registers listeners on the Bolt app and remembers what it registered, by the names manifest.yml uses, so a
 * test can hold the two against each other.
 */
public final class SlackRoutes {

    private final App app;
    private final Set<String> commands = new LinkedHashSet<>();
    private final Set<String> events = new LinkedHashSet<>();
    private final List<Pattern> actions = new ArrayList<>();

    public SlackRoutes(App app) {
        this.app = app;
    }

    public App app() {
        return app;
    }

    public void command(String command, SlashCommandHandler listener) {
        commands.add(command);
        app.command(command, listener);
    }

    /** @param manifestName the event's name in manifest.yml (message.im, not message) */
    public <E extends Event> void event(String manifestName, Class<E> type, BoltEventHandler<E> listener) {
        events.add(manifestName);
        app.event(type, listener);
    }

    public void action(String actionId, BlockActionHandler listener) {
        action(Pattern.compile("^" + Pattern.quote(actionId) + "$"), listener);
    }

    public void action(Pattern actionIds, BlockActionHandler listener) {
        actions.add(actionIds);
        app.blockAction(actionIds, listener);
    }

    /** Slash commands with a listener, as named in the manifest. */
    public Set<String> commands() {
        return Collections.unmodifiableSet(commands);
    }

    /** Bot events with a listener, as named in the manifest (app_mention, message.im). */
    public Set<String> events() {
        return Collections.unmodifiableSet(events);
    }

    /** Patterns of the action_ids that have a listener. */
    public List<Pattern> actions() {
        return Collections.unmodifiableList(actions);
    }
}
