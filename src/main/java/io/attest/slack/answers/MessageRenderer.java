package io.attest.slack.answers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.attest.knowledge.Intent;
import io.attest.knowledge.KnowledgeBase;
import io.attest.knowledge.Reply;
import io.attest.knowledge.Suggestion;
import io.attest.slack.BlockKit;
import io.attest.slack.BlockKitLimits;
import io.attest.slack.SlackMessage;
import io.attest.slack.Texts;
import io.attest.slack.Texts.Text;
import io.attest.slack.feedback.FeedbackMessages;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Turns core results into Block Kit, in one place for every surface, so a /soc reply, a thread answer and a
 * DM look alike. Every message it builds keeps Block Kit's limits.
 */
public final class MessageRenderer {

    private static final int NOTIFICATION_CHARS = 150;

    private final Supplier<KnowledgeBase> source;
    private final Texts texts;
    private final List<ObjectNode> triageEntry;
    private final FeedbackMessages feedback;
    private final boolean experts;

    /**
     * @param extraHelpButtons buttons other features add to help and declines (the triage start button)
     * @param feedback         the Helpful / Not helpful and "Ask the compliance team" buttons
     * @param experts          true where a compliance team is set up to take questions
     */
    public MessageRenderer(Supplier<KnowledgeBase> source, Texts texts, List<ObjectNode> extraHelpButtons,
                           FeedbackMessages feedback, boolean experts) {
        this.source = source;
        this.texts = texts;
        this.triageEntry = List.copyOf(extraHelpButtons);
        this.feedback = feedback;
        this.experts = experts;
    }

    /** A reply without feedback buttons (a copy, or one whose question is not recorded). */
    SlackMessage reply(Reply reply, Audience audience) {
        return reply(reply, audience, null, null);
    }

    /**
     * @param questionId  the recorded question's id, for "Ask the compliance team"; null for none
     * @param feedbackRef what an answer's Helpful / Not helpful buttons carry; null for none
     */
    SlackMessage reply(Reply reply, Audience audience, String questionId, String feedbackRef) {
        return switch (reply.kind()) {
            case ANSWER -> answer(reply, audience, null, feedbackRef);
            case DID_YOU_MEAN -> didYouMean(reply, questionId);
            case DECLINE -> withHelpButtons(reply.text(), questionId);
            case GREETING, EMPTY -> withHelpButtons(reply.text(), null);
        };
    }

    /** An answer someone shared into the channel from their private /soc reply. */
    SlackMessage shared(Reply reply, String userId) {
        return answer(reply, Audience.CHANNEL, userId, null);
    }

    /** @param usage how to use Attest on the surface the person is on */
    SlackMessage help(Text usage) {
        KnowledgeBase kb = source.get();
        ArrayNode blocks = BlockKit.blocks();
        blocks.add(BlockKit.section(BlockKit.fit(kb.language().response("help"), BlockKitLimits.MAX_SECTION_TEXT)));
        blocks.add(BlockKit.context(texts.get(usage)));
        blocks.add(helpActions(null));
        return new SlackMessage(notification(kb.language().response("help")), blocks);
    }

    /** Everything Attest can answer, grouped by topic. */
    SlackMessage topics() {
        KnowledgeBase kb = source.get();
        Map<String, StringBuilder> byTopic = new LinkedHashMap<>();
        for (Intent intent : kb.answers()) {
            byTopic.computeIfAbsent(intent.topic(), t -> new StringBuilder())
                    .append("• ").append(intent.title()).append('\n');
        }
        ArrayNode blocks = BlockKit.blocks();
        blocks.add(BlockKit.header(texts.get(Text.TOPICS_HEADER)));
        // Leave room for the header and the closing context line.
        int room = BlockKitLimits.MAX_BLOCKS - 2;
        for (Map.Entry<String, StringBuilder> topic : byTopic.entrySet()) {
            if (room-- == 0) {
                break;
            }
            String text = "*" + kb.language().topicTitle(topic.getKey()) + "*\n" + topic.getValue().toString().strip();
            blocks.add(BlockKit.section(BlockKit.fit(text, BlockKitLimits.MAX_SECTION_TEXT)));
        }
        blocks.add(BlockKit.context(texts.get(Text.TOPICS_FOOTER)));
        return new SlackMessage(texts.get(Text.TOPICS_SUMMARY, "count", Integer.toString(kb.answers().size())), blocks);
    }

    private SlackMessage answer(Reply reply, Audience audience, String sharedBy, String feedbackRef) {
        ArrayNode blocks = BlockKit.blocks();
        blocks.add(BlockKit.section(BlockKit.fit(reply.text(), BlockKitLimits.MAX_SECTION_TEXT)));
        if (reply.forUs() != null) {
            // Facts about us from our report profile: part of the answer, so a shared copy keeps them.
            blocks.add(BlockKit.section(BlockKit.fit(reply.forUs(), BlockKitLimits.MAX_SECTION_TEXT)));
        }
        if (reply.repNote() != null && audience != Audience.CHANNEL) {
            blocks.add(BlockKit.context(BlockKit.fit(texts.get(Text.REP_NOTE, "note", reply.repNote()),
                    BlockKitLimits.MAX_SECTION_TEXT)));
        }
        if (!reply.forReps().isEmpty() && audience != Audience.CHANNEL) {
            blocks.add(BlockKit.context(BlockKit.fit(texts.get(Text.OUR_REPORTS_NOTE, "note", String.join(" ", reply.forReps())),
                    BlockKitLimits.MAX_SECTION_TEXT)));
        }
        if (sharedBy != null) {
            blocks.add(BlockKit.context(texts.get(Text.SHARED_BY, "user", sharedBy)));
        } else if (reply.intent() != null && !reply.intent().sources().isEmpty()) {
            // Where the facts come from, quietly, for whoever asked; a copy shared with the channel leaves it out.
            blocks.add(BlockKit.context(BlockKit.fit(texts.get(Text.SOURCES, "sources", String.join(" · ", reply.intent().sources())),
                    BlockKitLimits.MAX_SECTION_TEXT)));
        }
        if (audience == Audience.ASKER_ONLY && reply.shareKey() != null) {
            // The share key gives the same answer again when clicked, written for that day.
            ObjectNode share = BlockKit.actions("answer_share");
            ((ArrayNode) share.get("elements")).add(
                    BlockKit.primary(BlockKit.button(texts.get(Text.SHARE_BUTTON), ActionIds.SHARE_ANSWER, reply.shareKey())));
            blocks.add(share);
        }
        List<Suggestion> related = reply.suggestions();
        if (reply.alsoAsked() != null) {
            // A second question in the same message: one click answers it too.
            blocks.add(BlockKit.context(texts.get(Text.ALSO_ASKED)));
            ObjectNode also = BlockKit.actions("answer_also_asked");
            addAnswerButtons((ArrayNode) also.get("elements"), List.of(reply.alsoAsked()), 0);
            blocks.add(also);
            related = related.stream().filter(s -> !s.equals(reply.alsoAsked())).toList();
        }
        if (!related.isEmpty()) {
            blocks.add(BlockKit.context(texts.get(Text.RELATED_TOPICS)));
            ObjectNode buttons = BlockKit.actions("answer_related");
            addAnswerButtons((ArrayNode) buttons.get("elements"), related, 1);
            blocks.add(buttons);
        }
        if (feedbackRef != null) {
            blocks.add(feedback.feedbackButtons(feedbackRef));
        }
        return new SlackMessage(notification(reply.text()), blocks);
    }

    /** Its block_id names the question, so a click on a suggestion tells the gap queue it was followed up. */
    private SlackMessage didYouMean(Reply reply, String questionId) {
        ArrayNode blocks = BlockKit.blocks();
        blocks.add(BlockKit.section(source.get().language().response("did_you_mean")));
        ObjectNode actions = BlockKit.actions(questionId == null ? ActionIds.DID_YOU_MEAN_BLOCK
                : ActionIds.DID_YOU_MEAN_BLOCK + ":" + questionId);
        addAnswerButtons((ArrayNode) actions.get("elements"), reply.suggestions(), 0);
        blocks.add(actions);
        blocks.add(BlockKit.context(texts.get(Text.DID_YOU_MEAN_FOOTER)));
        if (experts && questionId != null) {
            ObjectNode ask = BlockKit.actions("ask_experts");
            ((ArrayNode) ask.get("elements")).add(feedback.askExpertsButton(questionId));
            blocks.add(ask);
        }
        return new SlackMessage(notification(reply.text()), blocks);
    }

    private SlackMessage withHelpButtons(String text, String questionId) {
        ArrayNode blocks = BlockKit.blocks();
        blocks.add(BlockKit.section(BlockKit.fit(text, BlockKitLimits.MAX_SECTION_TEXT)));
        blocks.add(helpActions(questionId));
        return new SlackMessage(notification(text), blocks);
    }

    /** @param questionId a declined question to offer to the compliance team, or null */
    private ObjectNode helpActions(String questionId) {
        ObjectNode actions = BlockKit.actions("help_actions");
        ArrayNode buttons = (ArrayNode) actions.get("elements");
        buttons.add(BlockKit.button(texts.get(Text.SHOW_TOPICS_BUTTON), ActionIds.SHOW_TOPICS, "topics"));
        triageEntry.forEach(b -> buttons.add(b.deepCopy()));
        if (experts && questionId != null) {
            buttons.add(feedback.askExpertsButton(questionId));
        }
        return actions;
    }

    /** The private note saying an answer could not be found any more. */
    SlackMessage gone() {
        return new SlackMessage(texts.get(Text.TOPIC_GONE_SUMMARY), BlockKit.blocks().add(BlockKit.section(texts.get(Text.TOPIC_GONE))));
    }

    /** The message with a context line on top, saying why it comes this way. */
    SlackMessage withNote(SlackMessage message, String mrkdwn) {
        ArrayNode blocks = BlockKit.blocks().add(BlockKit.context(mrkdwn));
        message.blocks().forEach(blocks::add);
        return new SlackMessage(message.text(), blocks);
    }

    /** A one-line notice, in a message of its own. */
    SlackMessage notice(String summary, String mrkdwn) {
        return new SlackMessage(summary, BlockKit.blocks().add(BlockKit.section(mrkdwn)));
    }

    /** @param firstIndex keeps action_ids unique across the blocks of one message */
    private static void addAnswerButtons(ArrayNode buttons, List<Suggestion> suggestions, int firstIndex) {
        int index = firstIndex;
        for (Suggestion s : suggestions) {
            buttons.add(BlockKit.button(BlockKit.fit(s.title(), BlockKitLimits.MAX_BUTTON_TEXT),
                    ActionIds.showAnswer(index++), s.intent()));
        }
    }

    /** Slack shows this plain text in notifications and where blocks cannot be shown. */
    private static String notification(String mrkdwn) {
        String plain = mrkdwn.replaceAll("[*_~`]", "").replaceAll("\\s+", " ").trim();
        return BlockKit.fit(plain, NOTIFICATION_CHARS);
    }
}
