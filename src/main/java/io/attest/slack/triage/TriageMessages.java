package io.attest.slack.triage;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.attest.profile.CoverageText;
import io.attest.slack.BlockKit;
import io.attest.slack.BlockKitLimits;
import io.attest.slack.SlackMessage;
import io.attest.slack.Texts;
import io.attest.slack.Texts.Text;
import io.attest.triage.Recommendation;
import io.attest.triage.TriageContent;
import io.attest.triage.TriageContent.Heading;
import io.attest.triage.TriageEngine;
import io.attest.triage.TriageQuestion;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/** The Block Kit of a triage thread: its root, its questions as asked and as answered, and the recommendation card. */
final class TriageMessages {

    private final Supplier<TriageEngine> engines;
    private final Texts texts;
    private final Function<Recommendation, Optional<CoverageText>> whatWeHold;

    TriageMessages(Supplier<TriageEngine> engines, Texts texts, Function<Recommendation, Optional<CoverageText>> whatWeHold) {
        this.engines = engines;
        this.texts = texts;
        this.whatWeHold = whatWeHold;
    }

    /** Read per message, so new wording (local mode reloads content) applies to the next message. */
    private TriageContent content() {
        return engines.get().content();
    }

    ObjectNode startButton() {
        return BlockKit.button(texts.get(Text.START_TRIAGE_BUTTON), TriageActions.START, "start");
    }

    SlackMessage root(TriageState state, Recommendation outcome) {
        String title = state.forWhom().isEmpty() ? texts.get(Text.TRIAGE_ROOT, "user", state.startedBy())
                : texts.get(Text.TRIAGE_ROOT_FOR, "who", escape(state.forWhom()), "user", state.startedBy());
        ArrayNode blocks = BlockKit.blocks();
        blocks.add(BlockKit.section(title));
        if (outcome == null) {
            blocks.add(BlockKit.context(texts.get(Text.TRIAGE_HINT)));
        } else {
            blocks.add(BlockKit.section(texts.get(Text.TRIAGE_OUTCOME, "heading", content().heading(Heading.RECOMMENDATION),
                    "summary", summary(outcome))));
        }
        return new SlackMessage(plain(title), blocks);
    }

    SlackMessage question(TriageQuestion q, TriageState state) {
        ArrayNode blocks = BlockKit.blocks();
        int number = state.answers().size() + 1;
        blocks.add(BlockKit.section("*" + number + ". " + q.text() + "*\n_" + q.help() + "_"));
        ObjectNode actions = BlockKit.actions(TriageActions.QUESTION_BLOCK + q.key());
        ArrayNode buttons = (ArrayNode) actions.get("elements");
        String value = state.encode();
        for (TriageQuestion.Option option : q.options()) {
            buttons.add(BlockKit.button(option.label(), TriageActions.answer(q.key(), option.value()), value));
        }
        blocks.add(actions);
        return new SlackMessage(number + ". " + q.text(), blocks);
    }

    SlackMessage answered(TriageQuestion q, String answer, String userId, TriageState before) {
        ArrayNode blocks = BlockKit.blocks();
        int number = before.answers().size() + 1;
        blocks.add(BlockKit.section("*" + number + ". " + q.text() + "*\n"
                + texts.get(Text.TRIAGE_ANSWERED, "answer", q.labelFor(answer), "user", userId)));
        ObjectNode actions = BlockKit.actions(TriageActions.ANSWERED_BLOCK + q.key());
        ((ArrayNode) actions.get("elements")).add(BlockKit.button(texts.get(Text.CHANGE_BUTTON), TriageActions.CHANGE,
                before.encode()));
        blocks.add(actions);
        return new SlackMessage(number + ". " + q.text() + " " + q.labelFor(answer), blocks);
    }

    SlackMessage recommendation(Recommendation r, TriageState state) {
        TriageContent content = content();
        ArrayNode blocks = BlockKit.blocks();
        String heading = content.heading(Heading.RECOMMENDATION);
        blocks.add(BlockKit.header(BlockKit.fit(state.forWhom().isEmpty() ? heading
                : texts.get(Text.RECOMMENDATION_FOR, "heading", heading, "who", state.forWhom()), BlockKitLimits.MAX_HEADER_TEXT)));
        blocks.add(BlockKit.section("*" + summary(r) + "*"));
        // What we already hold goes right under the recommendation: it changes what the team does next.
        Optional<CoverageText> held = whatWeHold.apply(r);
        held.ifPresent(h -> blocks.add(BlockKit.section(BlockKit.fit("*" + h.heading() + "*\n" + bullets(h.lines()),
                BlockKitLimits.MAX_SECTION_TEXT))));
        blocks.add(BlockKit.section(BlockKit.fit("*" + content.heading(Heading.RATIONALE) + "*\n" + bullets(r.rationale()),
                BlockKitLimits.MAX_SECTION_TEXT)));
        blocks.add(BlockKit.section(BlockKit.fit("*" + content.heading(Heading.NEXT_STEPS) + "*\n" + bullets(r.nextSteps()),
                BlockKitLimits.MAX_SECTION_TEXT)));
        blocks.add(BlockKit.divider());
        String buyer = held.map(CoverageText::buyerSummary).orElse(r.buyerSummary());
        blocks.add(BlockKit.section(BlockKit.fit("*" + content.heading(Heading.BUYER_SUMMARY) + "*\n" + buyer,
                BlockKitLimits.MAX_SECTION_TEXT)));
        ObjectNode actions = BlockKit.actions("triage_end");
        ((ArrayNode) actions.get("elements")).add(BlockKit.button(texts.get(Text.START_OVER_BUTTON), TriageActions.RESTART,
                new TriageState(state.forWhom(), state.startedBy(), state.rootTs(), Map.of(), 0).encode()));
        blocks.add(actions);
        return new SlackMessage(content.heading(Heading.RECOMMENDATION) + ": " + plain(summary(r)), blocks);
    }

    /** A line only the starter sees, when the thread cannot be started. */
    SlackMessage notice(String mrkdwn) {
        return new SlackMessage(plain(mrkdwn), BlockKit.blocks().add(BlockKit.section(mrkdwn)));
    }

    /** Where the bot is not a member: how to invite it, and the command to run again. */
    String invite(TriageState state) {
        return texts.get(Text.TRIAGE_INVITE, "who", state.forWhom().isEmpty() ? "" : " " + state.forWhom());
    }



    private String summary(Recommendation r) {
        TriageContent content = content();
        StringBuilder s = new StringBuilder(content.reportsLabel(r.reports()));
        if (r.reports().includesSoc1() || r.reports().includesSoc2()) {
            s.append(", ").append(content.typeLabel(r.type()));
        }
        if (r.soc2Categories() != null) {
            s.append(" — ").append(content.heading(Heading.SOC2_CATEGORIES)).append(": ")
                    .append(content.categoryList(r.soc2Categories()));
        }
        return s.toString();
    }

    private static String bullets(List<String> lines) {
        StringBuilder out = new StringBuilder();
        lines.forEach(l -> out.append("• ").append(l).append('\n'));
        return out.toString().strip();
    }

    static String escape(String userText) {
        return userText.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("*", "");
    }

    private static String plain(String mrkdwn) {
        return mrkdwn.replaceAll("[*_]", "").replaceAll(":[a-z_]+: ", "");
    }
}
