package io.attest.slack.answers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.bolt.response.Response;
import io.attest.knowledge.KnowledgeBase;
import io.attest.knowledge.Reply;
import io.attest.knowledge.ReplyKind;
import io.attest.slack.SlackMessage;
import io.attest.slack.Telemetry;
import io.attest.slack.Texts.Text;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** Answers typed text the same way on every surface: help, topics, or the knowledge base's reply. */
public final class Replies {

    private final Supplier<KnowledgeBase> kb;
    private final MessageRenderer renderer;
    /**
     * The private /soc body of each answer, rendered once: an answer is fixed text, so re-rendering and
     * re-serialising it on every ack would be work the ack path does not need. Cleared when content reloads.
     */
    private final Map<String, String> answerAcks = new ConcurrentHashMap<>();
    private volatile KnowledgeBase renderedFrom;
    private final Telemetry telemetry;

    public Replies(Supplier<KnowledgeBase> kb, MessageRenderer renderer, Telemetry telemetry) {
        this.kb = kb;
        this.renderer = renderer;
        this.telemetry = telemetry;
    }

    SlackMessage to(Ask ask, Audience audience, Text usage) {
        return switch (ask.kind()) {
            case HELP -> renderer.help(usage);
            case TOPICS -> renderer.topics();
            case QUESTION, TRIAGE -> renderer.reply(asked(kb.get(), ask), audience);
        };
    }

    /** The knowledge base's reply to a question, counted. */
    private Reply asked(KnowledgeBase current, Ask ask) {
        Reply reply = current.ask(ask.text());
        telemetry.replied(reply);
        return reply;
    }

    /** The ack of a /soc request: its reply, visible only to the person who asked. */
    Response privateAck(Ask ask) {
        if (ask.kind() != Ask.Kind.QUESTION) {
            return ackWith(to(ask, Audience.ASKER_ONLY, Text.USAGE_SLASH).toEphemeralJson());
        }
        KnowledgeBase current = kb.get();
        if (current != renderedFrom) {
            answerAcks.clear();
            renderedFrom = current;
        }
        Reply reply = asked(current, ask);
        if (reply.kind() != ReplyKind.ANSWER) {
            return ackWith(renderer.reply(reply, Audience.ASKER_ONLY).toEphemeralJson());
        }
        // One rendering per answer and second question: the same answer can come with a different "you also asked".
        String key = reply.alsoAsked() == null ? reply.intentId() : reply.intentId() + "+" + reply.alsoAsked().intent();
        return ackWith(answerAcks.computeIfAbsent(key,
                id -> renderer.reply(reply, Audience.ASKER_ONLY).toEphemeralJson().toString()));
    }

    /** An ack whose body is one line only the asker sees. */
    Response privateNotice(String mrkdwn) {
        return ackWith(renderer.notice(mrkdwn, mrkdwn).toEphemeralJson());
    }

    private static Response ackWith(ObjectNode body) {
        return ackWith(body.toString());
    }

    private static Response ackWith(String json) {
        return Response.builder()
                .statusCode(200)
                .contentType(Response.CONTENT_TYPE_APPLICATION_JSON_UTF8)
                .body(json)
                .build();
    }
}
