package io.attest.slack.feedback;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.attest.slack.BlockKit;
import io.attest.slack.BlockKitLimits;
import io.attest.slack.SlackMessage;
import io.attest.slack.SlackText;
import io.attest.slack.Texts;
import io.attest.slack.Texts.Text;
import io.attest.store.Draft;
import io.attest.store.Gap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The Block Kit of feedback, the gap queue, the compliance team's threads and drafts. */
public final class FeedbackMessages {

    private static final int QUOTE_MAX = 1_500;

    private final Texts texts;

    public FeedbackMessages(Texts texts) {
        this.texts = texts;
    }

    /** The Helpful / Not helpful buttons under an answer. */
    public ObjectNode feedbackButtons(String ref) {
        ObjectNode actions = BlockKit.actions("answer_feedback");
        ArrayNode buttons = (ArrayNode) actions.get("elements");
        buttons.add(BlockKit.button(texts.get(Text.HELPFUL_BUTTON), FeedbackActions.HELPFUL, ref));
        buttons.add(BlockKit.button(texts.get(Text.NOT_HELPFUL_BUTTON), FeedbackActions.NOT_HELPFUL, ref));
        return actions;
    }

    /** "Ask the compliance team", for the question with this id. */
    public ObjectNode askExpertsButton(String questionId) {
        return BlockKit.button(texts.get(Text.ASK_EXPERTS_BUTTON), FeedbackActions.ASK_EXPERTS, questionId);
    }

    /** "What was missing?", opened by Not helpful; the checkbox only where a compliance team is set up. */
    ObjectNode missingModal(String metadata, boolean experts) {
        ArrayNode blocks = BlockKit.blocks();
        blocks.add(BlockKit.section(texts.get(Text.FEEDBACK_MODAL_INTRO)));
        blocks.add(BlockKit.input(FeedbackActions.MISSING_BLOCK, texts.get(Text.FEEDBACK_MODAL_LABEL),
                BlockKit.textInput(FeedbackActions.MISSING_INPUT, true, 2_000, null), true, null));
        if (experts) {
            blocks.add(BlockKit.input(FeedbackActions.EXPERTS_BLOCK, texts.get(Text.ASK_EXPERTS_BUTTON),
                    BlockKit.checkboxes(FeedbackActions.EXPERTS_INPUT, "yes", texts.get(Text.FEEDBACK_MODAL_EXPERTS)), true, null));
        }
        return BlockKit.modal(FeedbackActions.MISSING_MODAL, texts.get(Text.FEEDBACK_MODAL_TITLE),
                texts.get(Text.FEEDBACK_MODAL_SUBMIT), texts.get(Text.FEEDBACK_MODAL_CLOSE), blocks, metadata);
    }

    /** A one-line message, with buttons under it if any. */
    SlackMessage notice(String mrkdwn, ObjectNode... buttons) {
        ArrayNode blocks = BlockKit.blocks().add(BlockKit.section(mrkdwn));
        if (buttons.length > 0) {
            ObjectNode actions = BlockKit.actions("notice_actions");
            for (ObjectNode b : buttons) {
                ((ArrayNode) actions.get("elements")).add(b);
            }
            blocks.add(actions);
        }
        return new SlackMessage(plain(mrkdwn), blocks);
    }

    /** The question, as posted to the compliance team. */
    SlackMessage expertsPost(String asker, String question, String attestSaid, String comment) {
        String quoted = quote(question);
        ArrayNode blocks = BlockKit.blocks();
        blocks.add(BlockKit.section(BlockKit.fit(texts.get(Text.EXPERTS_POST, "user", asker, "question", quoted),
                BlockKitLimits.MAX_SECTION_TEXT)));
        blocks.add(BlockKit.section(BlockKit.fit(attestSaid, BlockKitLimits.MAX_SECTION_TEXT)));
        if (comment != null && !comment.isBlank()) {
            blocks.add(BlockKit.section(BlockKit.fit(texts.get(Text.EXPERTS_COMMENT, "comment", escape(comment.strip())),
                    BlockKitLimits.MAX_SECTION_TEXT)));
        }
        blocks.add(BlockKit.context(texts.get(Text.EXPERTS_HINT, "user", asker)));
        return new SlackMessage(plain(texts.get(Text.EXPERTS_POST, "user", asker, "question", quoted)), blocks);
    }

    /** The compliance team's answer, for the person who asked. */
    SlackMessage relay(String question, String reply, String expert) {
        String text = texts.get(Text.EXPERTS_RELAY, "expert", expert, "question", BlockKit.fit(question == null ? "" : escape(question), 300),
                "reply", reply);
        return new SlackMessage(BlockKit.fit(plain(text), 150), BlockKit.blocks().add(BlockKit.section(BlockKit.fit(text,
                BlockKitLimits.MAX_SECTION_TEXT))));
    }

    /** In the experts' thread: it went back to the asker; an owner can make a draft of it. */
    SlackMessage relayed(String asker, long escalationId) {
        return notice(texts.get(Text.EXPERTS_RELAYED, "user", asker),
                BlockKit.button(texts.get(Text.DRAFT_BUTTON), FeedbackActions.MAKE_DRAFT, Long.toString(escalationId)));
    }

    /** A draft intent, for the owner who made or opened it. */
    SlackMessage draft(Draft draft) {
        String head = texts.get(Text.DRAFT_MADE, "id", draft.intentId());
        String code = "```" + draft.yaml().replace("```", "'''") + "```";
        ArrayNode blocks = BlockKit.blocks().add(BlockKit.section(head));
        if (code.length() <= BlockKitLimits.MAX_SECTION_TEXT) {
            blocks.add(BlockKit.section(code));
        } else {
            blocks.add(BlockKit.section(BlockKit.fit(draft.yaml(), BlockKitLimits.MAX_SECTION_TEXT - 10)
                    .replace("```", "'''") .transform(s -> "```" + s + "```")));
            blocks.add(BlockKit.context(texts.get(Text.DRAFT_CUT)));
        }
        return new SlackMessage(plain(head), blocks);
    }

    /** One gap as listed, with what an owner can do about it. */
    record Listed(Gap gap, boolean draftable) {
    }

    /** The top open gaps, for an owner. */
    SlackMessage gaps(List<Listed> gaps, Instant now) {
        ArrayNode blocks = BlockKit.blocks();
        blocks.add(BlockKit.header(texts.get(Text.GAPS_HEADER)));
        if (gaps.isEmpty()) {
            blocks.add(BlockKit.section(texts.get(Text.GAPS_EMPTY)));
            return new SlackMessage(texts.get(Text.GAPS_HEADER), blocks);
        }
        blocks.add(BlockKit.context(texts.get(Text.GAPS_INTRO)));
        int n = 0;
        for (Listed listed : gaps) {
            Gap gap = listed.gap();
            n++;
            String question = gap.question() == null ? texts.get(Text.GAPS_PURGED) : BlockKit.fit(escape(gap.question()), 500);
            StringBuilder text = new StringBuilder(texts.get(Text.GAPS_ITEM, "n", Integer.toString(n), "question", question,
                    "counts", counts(gap), "when", SlackText.date(gap.lastSeen(), now)));
            if (gap.recurred()) {
                text.append('\n').append(texts.get(Text.GAPS_RECURRED, "intent", String.valueOf(gap.resolvedIntent())));
            }
            blocks.add(BlockKit.section(text.toString()));
            ObjectNode actions = BlockKit.actions("gap:" + gap.id());
            ArrayNode buttons = (ArrayNode) actions.get("elements");
            String id = Long.toString(gap.id());
            buttons.add(BlockKit.primary(BlockKit.button(texts.get(Text.GAPS_RESOLVE_BUTTON), FeedbackActions.RESOLVE_GAP, id)));
            buttons.add(BlockKit.button(texts.get(Text.GAPS_DISMISS_BUTTON), FeedbackActions.DISMISS_GAP, id));
            if (gap.draftId() != null) {
                buttons.add(BlockKit.button(texts.get(Text.GAPS_DRAFT_BUTTON), FeedbackActions.SHOW_DRAFT, gap.draftId().toString()));
            } else if (listed.draftable()) {
                buttons.add(BlockKit.button(texts.get(Text.DRAFT_BUTTON), FeedbackActions.MAKE_DRAFT, gap.escalationId().toString()));
            }
            blocks.add(actions);
        }
        blocks.add(BlockKit.context(texts.get(Text.GAPS_FOOTER)));
        return new SlackMessage(texts.get(Text.GAPS_HEADER) + ": " + gaps.size(), blocks);
    }

    /** "Resolved…": which intent answers the gap now, filled in with the closest one. */
    ObjectNode resolveModal(Gap gap, String closestIntent, String metadata) {
        ArrayNode blocks = BlockKit.blocks();
        if (gap.question() != null) {
            blocks.add(BlockKit.section(">" + quote(gap.question())));
        }
        blocks.add(BlockKit.input(FeedbackActions.INTENT_BLOCK, texts.get(Text.GAPS_RESOLVE_LABEL),
                BlockKit.textInput(FeedbackActions.INTENT_INPUT, false, 200, closestIntent), false,
                texts.get(Text.GAPS_RESOLVE_HINT, "example", closestIntent == null ? "soc2_is_attestation" : closestIntent)));
        return BlockKit.modal(FeedbackActions.RESOLVE_MODAL, texts.get(Text.GAPS_RESOLVE_TITLE),
                texts.get(Text.GAPS_RESOLVE_SUBMIT), texts.get(Text.FEEDBACK_MODAL_CLOSE), blocks, metadata);
    }

    private String counts(Gap gap) {
        List<String> parts = new ArrayList<>();
        if (gap.declined() > 0) {
            parts.add(texts.get(Text.GAPS_DECLINED, "count", Integer.toString(gap.declined())));
        }
        if (gap.unclicked() > 0) {
            parts.add(texts.get(Text.GAPS_UNCLICKED, "count", Integer.toString(gap.unclicked())));
        }
        if (gap.notHelpful() > 0) {
            parts.add(texts.get(Text.GAPS_NOT_HELPFUL, "count", Integer.toString(gap.notHelpful())));
        }
        return String.join(" · ", parts);
    }

    /** Text a person typed, to follow a "&gt;": Slack's three special characters escaped, every line quoted. */
    static String quote(String text) {
        return BlockKit.fit(escape(text.strip()), QUOTE_MAX).replace("\n", "\n>");
    }

    static String escape(String userText) {
        return userText.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String plain(String mrkdwn) {
        return mrkdwn.replaceAll("[*_>]", "").replaceAll(":[a-z_]+: ?", "").replaceAll("\\s+", " ").trim();
    }
}
