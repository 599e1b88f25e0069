package io.attest.slack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import io.attest.knowledge.KnowledgeBase;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Every Slack surface Attest answers on, registered in this one place: the /soc command, mentions, direct
 * messages and the buttons. It also records what it registered, so a test can hold it against manifest.yml.
 */
public final class SlackSurfaces {

    /** Events remembered for retries: Slack retries three times within minutes. */
    private static final Duration EVENT_MEMORY = Duration.ofMinutes(30);
    private static final int EVENT_CAPACITY = 10_000;

    private final App app;
    private final Set<String> commands = new LinkedHashSet<>();
    private final Set<String> events = new LinkedHashSet<>();
    private final List<Pattern> actions = new ArrayList<>();

    /** The pieces the listeners need; built once at start-up. */
    public record Dependencies(Supplier<KnowledgeBase> kb, SlackWebApi api, Work work, Clock clock, TriageSurface triage) {
    }

    public SlackSurfaces(AppConfig config, Dependencies deps) {
        this.app = new App(config);
        List<ObjectNode> helpButtons = deps.triage() == null ? List.of() : List.of(deps.triage().startButton());
        MessageRenderer renderer = new MessageRenderer(deps.kb(), helpButtons);
        Replies replies = new Replies(deps.kb(), renderer);
        EventDeduplicator seen = new EventDeduplicator(EVENT_CAPACITY, EVENT_MEMORY, deps.clock());
        TriageStarter starter = deps.triage() == null ? null : deps.triage()::start;

        command(SocCommandListener.COMMAND);
        app.command(SocCommandListener.COMMAND, new SocCommandListener(replies, starter, deps.work()));

        event("app_mention");
        app.event(AppMentionEvent.class, new MentionListener(replies, deps.api(), deps.work(), seen, starter));
        event("message.im");
        app.event(MessageEvent.class, new DirectMessageListener(replies, deps.api(), deps.work(), seen, starter));

        AnswerButtonsListener buttons = new AnswerButtonsListener(deps.kb(), renderer, deps.api(), deps.work());
        action(ActionIds.SHARE_ANSWER);
        app.blockAction(ActionIds.SHARE_ANSWER, buttons::share);
        actions.add(ActionIds.SHOW_ANSWER);
        app.blockAction(ActionIds.SHOW_ANSWER, buttons::showAnswer);
        action(ActionIds.SHOW_TOPICS);
        app.blockAction(ActionIds.SHOW_TOPICS, buttons::showTopics);

        if (deps.triage() != null) {
            deps.triage().register(app, actions::add);
        }
    }

    public App app() {
        return app;
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

    private void command(String name) {
        commands.add(name);
    }

    private void event(String manifestName) {
        events.add(manifestName);
    }

    private void action(String actionId) {
        actions.add(Pattern.compile("^" + Pattern.quote(actionId) + "$"));
    }
}
