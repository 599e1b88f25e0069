package io.attest.slack.triage;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.attest.slack.BlockKit;
import io.attest.slack.BlockKitLimits;
import io.attest.slack.SlackMessage;
import io.attest.triage.Recommendation;
import io.attest.triage.TriageContent;
import io.attest.triage.TriageContent.Heading;
import io.attest.triage.TriageEngine;
import io.attest.triage.TriageQuestion;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The Block Kit of a triage thread: its root, its questions as asked and as answered, and the recommendation card. */
final class TriageMessages {

    private final Supplier<TriageEngine> engines;

    TriageMessages(Supplier<TriageEngine> engines) {
        this.engines = engines;
    }

    /** Read per message, so new wording (local mode reloads content) applies to the next message. */
    private TriageContent content() {
        return engines.get().content();
    }

    ObjectNode startButton() {
        return BlockKit.button("Start triage", TriageActions.START, "start");
    }

    SlackMessage root(TriageState state, Recommendation outcome) {
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
        blocks.add(BlockKit.section("*" + number + ". " + q.text() + "*\n:white_check_mark: *" + q.labelFor(answer)
                + "* — answered by <@" + userId + ">"));
        ObjectNode actions = BlockKit.actions(TriageActions.ANSWERED_BLOCK + q.key());
        ((ArrayNode) actions.get("elements")).add(BlockKit.button("Change", TriageActions.CHANGE, before.encode()));
        blocks.add(actions);
        return new SlackMessage(number + ". " + q.text() + " " + q.labelFor(answer), blocks);
    }

    SlackMessage recommendation(Recommendation r, TriageState state) {
        TriageContent content = content();
        ArrayNode blocks = BlockKit.blocks();
        blocks.add(BlockKit.header(BlockKit.fit(content.heading(Heading.RECOMMENDATION)
                + (state.forWhom().isEmpty() ? "" : " for " + state.forWhom()), BlockKitLimits.MAX_HEADER_TEXT)));
        blocks.add(BlockKit.section("*" + summary(r) + "*"));
        blocks.add(BlockKit.section(BlockKit.fit("*" + content.heading(Heading.RATIONALE) + "*\n" + bullets(r.rationale()),
                BlockKitLimits.MAX_SECTION_TEXT)));
        blocks.add(BlockKit.section(BlockKit.fit("*" + content.heading(Heading.NEXT_STEPS) + "*\n" + bullets(r.nextSteps()),
                BlockKitLimits.MAX_SECTION_TEXT)));
        blocks.add(BlockKit.divider());
        blocks.add(BlockKit.section(BlockKit.fit("*" + content.heading(Heading.BUYER_SUMMARY) + "*\n" + r.buyerSummary(),
                BlockKitLimits.MAX_SECTION_TEXT)));
        ObjectNode actions = BlockKit.actions("triage_end");
        ((ArrayNode) actions.get("elements")).add(BlockKit.button("Start over", TriageActions.RESTART,
                new TriageState(state.forWhom(), state.startedBy(), state.rootTs(), Map.of(), 0).encode()));
        blocks.add(actions);
        return new SlackMessage(content.heading(Heading.RECOMMENDATION) + ": " + plain(summary(r)), blocks);
    }

    /** A line only the starter sees, when the thread cannot be started. */
    SlackMessage notice(String mrkdwn) {
        return new SlackMessage(plain(mrkdwn), BlockKit.blocks().add(BlockKit.section(mrkdwn)));
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
