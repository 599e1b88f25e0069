package io.attest.slack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.bolt.response.Response;
import io.attest.knowledge.KnowledgeBase;
import io.attest.knowledge.Reply;
import io.attest.knowledge.ReplyKind;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** Answers typed text the same way on every surface: help, topics, or the knowledge base's reply. */
final class Replies {

    private final Supplier<KnowledgeBase> kb;
    private final MessageRenderer renderer;
    /**
     * The private /soc body of each answer, rendered once: an answer is fixed text, so re-rendering and
     * re-serialising it on every ack would be work the ack path does not need. Cleared when content reloads.
     */
    private final Map<String, String> answerAcks = new ConcurrentHashMap<>();
    private volatile KnowledgeBase renderedFrom;

    Replies(Supplier<KnowledgeBase> kb, MessageRenderer renderer) {
        this.kb = kb;
        this.renderer = renderer;
    }

    SlackMessage to(Request request, Audience audience, String usage) {
        return switch (request.kind()) {
            case HELP -> renderer.help(usage);
            case TOPICS -> renderer.topics();
            case QUESTION, TRIAGE -> renderer.reply(kb.get().ask(request.text()), audience);
        };
    }

    /** The ack of a /soc request: its reply, visible only to the person who asked. */
    Response privateAck(Request request) {
        if (request.kind() != Request.Kind.QUESTION) {
            return ackWith(ephemeral(to(request, Audience.ASKER_ONLY, Usage.SLASH)));
        }
        KnowledgeBase current = kb.get();
        if (current != renderedFrom) {
            answerAcks.clear();
            renderedFrom = current;
        }
        Reply reply = current.ask(request.text());
        if (reply.kind() != ReplyKind.ANSWER) {
            return ackWith(ephemeral(renderer.reply(reply, Audience.ASKER_ONLY)));
        }
        return ackWith(answerAcks.computeIfAbsent(reply.intentId(),
                id -> ephemeral(renderer.reply(reply, Audience.ASKER_ONLY)).toString()));
    }

    /** A slash-command or response_url body visible only to the person who asked. */
    static ObjectNode ephemeral(SlackMessage message) {
        return message.toJson().put("response_type", "ephemeral");
    }

    static Response ackWith(ObjectNode body) {
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
