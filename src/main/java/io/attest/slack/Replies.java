package io.attest.slack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.bolt.response.Response;
import io.attest.knowledge.KnowledgeBase;
import java.util.function.Supplier;

/** Answers typed text the same way on every surface: help, topics, or the knowledge base's reply. */
final class Replies {

    private final Supplier<KnowledgeBase> kb;
    private final MessageRenderer renderer;

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

    /** A slash-command or response_url body visible only to the person who asked. */
    static ObjectNode ephemeral(SlackMessage message) {
        return message.toJson().put("response_type", "ephemeral");
    }

    static Response ackWith(ObjectNode body) {
        return Response.builder()
                .statusCode(200)
                .contentType(Response.CONTENT_TYPE_APPLICATION_JSON_UTF8)
                .body(body.toString())
                .build();
    }
}
