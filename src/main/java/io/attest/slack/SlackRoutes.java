package io.attest.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.handler.builtin.MessageShortcutHandler;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.model.event.Event;
import com.slack.api.model.event.MessageEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
    private final Set<String> shortcuts = new LinkedHashSet<>();
    private final Set<String> modals = new LinkedHashSet<>();
    /** Bolt has one listener per event type; messages go on to ours by the kind of conversation they are in. */
    private final Map<String, BoltEventHandler<MessageEvent>> messages = new LinkedHashMap<>();

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

    /**
     * A listener for messages in one kind of conversation.
     *
     * @param manifestName the event's name in manifest.yml (message.im, message.channels, message.groups)
     * @param channelType  the event's channel_type it stands for (im, channel, group)
     */
    public void messages(String manifestName, String channelType, BoltEventHandler<MessageEvent> listener) {
        events.add(manifestName);
        if (messages.isEmpty()) {
            app.event(MessageEvent.class, (payload, ctx) -> {
                BoltEventHandler<MessageEvent> to = payload.getEvent() == null ? null
                        : messages.get(payload.getEvent().getChannelType());
                return to == null ? ctx.ack() : to.apply(payload, ctx);
            });
        }
        messages.put(channelType, listener);
    }

    /** A message shortcut, by its callback_id in manifest.yml. */
    public void messageShortcut(String callbackId, MessageShortcutHandler listener) {
        shortcuts.add(callbackId);
        app.messageShortcut(callbackId, listener);
    }

    /** The submission of a modal Attest opens, by its callback_id. */
    public void viewSubmission(String callbackId, ViewSubmissionHandler listener) {
        modals.add(callbackId);
        app.viewSubmission(callbackId, listener);
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

    /** Message shortcuts with a listener, by callback_id. */
    public Set<String> shortcuts() {
        return Collections.unmodifiableSet(shortcuts);
    }

    /** Modals whose submission has a listener, by callback_id. */
    public Set<String> modals() {
        return Collections.unmodifiableSet(modals);
    }

    /** Patterns of the action_ids that have a listener. */
    public List<Pattern> actions() {
        return Collections.unmodifiableList(actions);
    }
}
