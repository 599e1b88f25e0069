package io.attest.slack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.attest.triage.Recommendation;
import io.attest.triage.TriageContent;
import io.attest.triage.TriageContent.Heading;
import io.attest.triage.TriageEngine;
import io.attest.triage.TriageQuestion;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The guided triage thread: a root message in the channel, one question per message in its thread, each
 * updated in place once answered (with who answered and a Change button), and a recommendation card at the
 * end. Anyone in the channel may answer. Its state travels in the buttons; the only memory here is a short
 * list of clicks already taken, which stops a double click from posting the next question twice.
 */
public final class TriageThreads implements TriageSurface {

    static final String START = "start_triage";
    static final String ANSWER_PREFIX = "triage_answer:";
    static final Pattern ANSWER = Pattern.compile("^triage_answer:[a-z_]+:[a-z]+$");
    static final String CHANGE = "triage_change";
    static final String RESTART = "triage_restart";

    private final Supplier<TriageEngine> engines;
    private final SlackWebApi api;
    private final Work work;
    private final EventDeduplicator clicks;

    public TriageThreads(Supplier<TriageEngine> engines, SlackWebApi api, Work work, Clock clock) {
        this.engines = engines;
        this.api = api;
        this.work = work;
        this.clicks = new EventDeduplicator(10_000, Duration.ofHours(6), clock);
    }

    /** Read per use, so new wording (local mode reloads content) applies to the next message. */
    private TriageEngine engine() {
        return engines.get();
    }

    private TriageContent content() {
        return engines.get().content();
    }

    @Override
    public ObjectNode startButton() {
        return BlockKit.button("Start triage", START, "start");
    }

    @Override
    public void register(App app, Consumer<Pattern> registered) {
        app.blockAction(START, this::onStart);
        registered.accept(Pattern.compile("^" + START + "$"));
        app.blockAction(ANSWER, this::onAnswer);
        registered.accept(ANSWER);
        app.blockAction(CHANGE, this::onChange);
        registered.accept(Pattern.compile("^" + CHANGE + "$"));
        app.blockAction(RESTART, this::onRestart);
        registered.accept(Pattern.compile("^" + RESTART + "$"));
    }

    @Override
    public void start(String channel, String userId, String forWhom, String responseUrl) throws Exception {
        TriageState blank = new TriageState(forWhom, userId, "", java.util.Map.of(), 0);
        SlackWebApi.Posted root = api.postMessage(channel, null, rootMessage(blank, null));
        if (!root.ok()) {
            tellPrivately(channel, userId, responseUrl, root.notInChannel()
                    ? ":wave: I can't post in this channel yet. Invite me with `/invite @Attest`, then run "
                    + "`/soc triage" + (blank.forWhom().isEmpty() ? "" : " " + blank.forWhom()) + "` again."
                    : ":warning: I couldn't start the triage (" + root.error() + "). Please try again in a moment.");
            return;
        }
        TriageState state = new TriageState(forWhom, userId, root.ts(), java.util.Map.of(), 0);
        api.postMessage(channel, root.ts(), question(engine().nextQuestion(state.answers()).orElseThrow(), state));
    }

    private Response onStart(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        work.submit("starting a triage", () -> start(channelOf(p), p.getUser().getId(), "", p.getResponseUrl()));
        return ctx.ack();
    }

    private Response onRestart(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        Optional<TriageState> state = TriageState.decode(value(p));
        String cardTs = p.getContainer() == null ? null : p.getContainer().getMessageTs();
        if (cardTs != null && !clicks.firstTime(cardTs + "#restart")) {
            // One card starts one new triage, however often it is clicked.
            return ctx.ack();
        }
        work.submit("restarting a triage", () ->
                start(channelOf(p), p.getUser().getId(), state.map(TriageState::forWhom).orElse(""), p.getResponseUrl()));
        return ctx.ack();
    }

    private Response onAnswer(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        String[] parts = p.getActions().get(0).getActionId().split(":");
        String key = parts[1];
        String answer = parts[2];
        Optional<TriageState> decoded = TriageState.decode(value(p));
        String messageTs = p.getContainer() == null ? null : p.getContainer().getMessageTs();
        if (decoded.isEmpty() || messageTs == null || alreadyAnswered(p, key)
                || !clicks.firstTime(messageTs + "#" + decoded.get().version())) {
            return ctx.ack();
        }
        TriageState state = decoded.get().with(key, answer);
        String channel = channelOf(p);
        String user = p.getUser().getId();
        work.submit("recording a triage answer", () -> {
            TriageQuestion asked;
            try {
                asked = content().question(key);
                engine().decide(state.answers());
            } catch (IllegalArgumentException e) {
                // A value Attest never put on a button (unknown question or answer): nothing to record.
                return;
            }
            api.update(channel, messageTs, answered(asked, answer, user, decoded.get()));
            Optional<TriageQuestion> next = engine().nextQuestion(state.answers());
            if (next.isPresent()) {
                api.postMessage(channel, state.rootTs(), question(next.get(), state));
            } else {
                Recommendation r = engine().decide(state.answers());
                api.postMessage(channel, state.rootTs(), recommendation(r, state));
                api.update(channel, state.rootTs(), rootMessage(state, r));
            }
        });
        return ctx.ack();
    }

    private Response onChange(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        Optional<TriageState> before = TriageState.decode(value(p));
        String messageTs = p.getContainer() == null ? null : p.getContainer().getMessageTs();
        String key = p.getActions().get(0).getBlockId() == null ? "" : p.getActions().get(0).getBlockId().replace("triage_done:", "");
        if (before.isEmpty() || messageTs == null || !clicks.firstTime(messageTs + "#change" + before.get().version())) {
            return ctx.ack();
        }
        String channel = channelOf(p);
        work.submit("reopening a triage question", () -> {
            TriageQuestion q;
            try {
                q = content().question(key);
            } catch (IllegalArgumentException e) {
                return;
            }
            api.update(channel, messageTs, question(q, before.get().without(key)));
        });
        return ctx.ack();
    }

    /** True when the clicked message no longer shows this question's buttons (answered, possibly by someone else). */
    private static boolean alreadyAnswered(BlockActionPayload p, String key) {
        if (p.getMessage() == null || p.getMessage().getBlocks() == null) {
            return false;
        }
        return p.getMessage().getBlocks().stream().noneMatch(b -> ("triage_q:" + key).equals(b.getBlockId()));
    }

    SlackMessage rootMessage(TriageState state, Recommendation outcome) {
        String title = ":clipboard: *SOC report triage" + (state.forWhom().isEmpty() ? "" : " for " + escape(state.forWhom()))
                + "* — started by <@" + state.startedBy() + ">";
        ArrayNode blocks = BlockKit.blocks();
        blocks.add(BlockKit.section(title));
        if (outcome == null) {
            blocks.add(BlockKit.context("Answer the questions in the thread — anyone in the channel can click."));
        } else {
            blocks.add(BlockKit.section("*" + content().heading(Heading.RECOMMENDATION) + ":* " + summary(outcome)
                    + " — details in the thread."));
        }
        return new SlackMessage(plain(title), blocks);
    }

    SlackMessage question(TriageQuestion q, TriageState state) {
        ArrayNode blocks = BlockKit.blocks();
        int number = state.answers().size() + 1;
        blocks.add(BlockKit.section("*" + number + ". " + q.text() + "*\n_" + q.help() + "_"));
        ObjectNode actions = BlockKit.actions("triage_q:" + q.key());
        ArrayNode buttons = (ArrayNode) actions.get("elements");
        String value = state.encode();
        for (TriageQuestion.Option option : q.options()) {
            buttons.add(BlockKit.button(option.label(), ANSWER_PREFIX + q.key() + ":" + option.value(), value));
        }
        blocks.add(actions);
        return new SlackMessage(number + ". " + q.text(), blocks);
    }

    SlackMessage answered(TriageQuestion q, String answer, String userId, TriageState before) {
        ArrayNode blocks = BlockKit.blocks();
        int number = before.answers().size() + 1;
        blocks.add(BlockKit.section("*" + number + ". " + q.text() + "*\n:white_check_mark: *" + q.labelFor(answer)
                + "* — answered by <@" + userId + ">"));
        ObjectNode actions = BlockKit.actions("triage_done:" + q.key());
        ((ArrayNode) actions.get("elements")).add(BlockKit.button("Change", CHANGE, before.encode()));
        blocks.add(actions);
        return new SlackMessage(number + ". " + q.text() + " " + q.labelFor(answer), blocks);
    }

    SlackMessage recommendation(Recommendation r, TriageState state) {
        ArrayNode blocks = BlockKit.blocks();
        blocks.add(BlockKit.header(BlockKit.fit(content().heading(Heading.RECOMMENDATION)
                + (state.forWhom().isEmpty() ? "" : " for " + state.forWhom()), BlockKitLimits.MAX_HEADER_TEXT)));
        blocks.add(BlockKit.section("*" + summary(r) + "*"));
        blocks.add(BlockKit.section(BlockKit.fit("*" + content().heading(Heading.RATIONALE) + "*\n" + bullets(r.rationale()),
                BlockKitLimits.MAX_SECTION_TEXT)));
        blocks.add(BlockKit.section(BlockKit.fit("*" + content().heading(Heading.NEXT_STEPS) + "*\n" + bullets(r.nextSteps()),
                BlockKitLimits.MAX_SECTION_TEXT)));
        blocks.add(BlockKit.divider());
        blocks.add(BlockKit.section(BlockKit.fit("*" + content().heading(Heading.BUYER_SUMMARY) + "*\n" + r.buyerSummary(),
                BlockKitLimits.MAX_SECTION_TEXT)));
        ObjectNode actions = BlockKit.actions("triage_end");
        ((ArrayNode) actions.get("elements")).add(BlockKit.button("Start over", RESTART,
                new TriageState(state.forWhom(), state.startedBy(), state.rootTs(), java.util.Map.of(), 0).encode()));
        blocks.add(actions);
        return new SlackMessage(content().heading(Heading.RECOMMENDATION) + ": " + plain(summary(r)), blocks);
    }

    private String summary(Recommendation r) {
        StringBuilder s = new StringBuilder(content().reportsLabel(r.reports()));
        if (r.reports().includesSoc1() || r.reports().includesSoc2()) {
            s.append(", ").append(content().typeLabel(r.type()));
        }
        if (r.soc2Categories() != null) {
            s.append(" — ").append(content().heading(Heading.SOC2_CATEGORIES)).append(": ")
                    .append(content().categoryList(r.soc2Categories()));
        }
        return s.toString();
    }

    private void tellPrivately(String channel, String userId, String responseUrl, String text) throws Exception {
        SlackMessage message = new SlackMessage(plain(text), BlockKit.blocks().add(BlockKit.section(text)));
        if (responseUrl != null) {
            api.respond(responseUrl, Replies.ephemeral(message).put("replace_original", false));
        } else {
            api.postEphemeral(channel, userId, null, message);
        }
    }

    private static String bullets(java.util.List<String> lines) {
        StringBuilder out = new StringBuilder();
        lines.forEach(l -> out.append("• ").append(l).append('\n'));
        return out.toString().strip();
    }

    private static String escape(String userText) {
        return userText.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("*", "");
    }

    private static String plain(String mrkdwn) {
        return mrkdwn.replaceAll("[*_]", "").replaceAll(":[a-z_]+: ", "");
    }

    private static String channelOf(BlockActionPayload p) {
        return p.getChannel() != null ? p.getChannel().getId() : p.getContainer().getChannelId();
    }

    private static String value(BlockActionPayload p) {
        return p.getActions() == null || p.getActions().isEmpty() ? "" : p.getActions().get(0).getValue();
    }
}
