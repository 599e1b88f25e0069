package io.attest.slack.answers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.bolt.response.Response;
import io.attest.knowledge.KnowledgeBase;
import io.attest.knowledge.Reply;
import io.attest.knowledge.ReplyKind;
import io.attest.slack.BlockKit;
import io.attest.slack.SlackMessage;
import io.attest.slack.Telemetry;
import io.attest.slack.Texts.Text;
import io.attest.slack.feedback.AnswerRef;
import io.attest.slack.feedback.Asked;
import io.attest.slack.feedback.Recorder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Answers typed text the same way on every surface: help, topics, or the knowledge base's reply. A question is given an
 * id, carried by the buttons under its reply, and recorded after the ack.
 */
public final class Replies {

    /** Stands for an answer's feedback reference in a cached /soc body; replaced per question. */
    private static final String REF = "@attest-answer-ref@";

    private final Supplier<KnowledgeBase> kb;
    private final MessageRenderer renderer;
    private final Recorder recorder;
    private final Telemetry telemetry;
    /**
     * The private /soc body of each answer, rendered once: an answer is fixed text, so re-rendering and
     * re-serialising it on every ack would be work the ack path does not need. Cleared when content reloads. What our
     * report profile adds is written for the day it is asked, so those bodies are keyed by that text too: a new day
     * (or a new profile) renders anew instead of serving yesterday's dates.
     */
    private final Map<String, AckBody> answerAcks = new ConcurrentHashMap<>();
    private volatile KnowledgeBase renderedFrom;
    /** Bodies kept at most; days pass, and bodies keyed by a day's text are never asked for again. */
    static final int MAX_RENDERED = 2_000;

    public Replies(Supplier<KnowledgeBase> kb, MessageRenderer renderer, Recorder recorder, Telemetry telemetry) {
        this.kb = kb;
        this.renderer = renderer;
        this.recorder = recorder;
        this.telemetry = telemetry;
    }

    SlackMessage to(Ask ask, Audience audience, Text usage, Asked asked) {
        return switch (ask.kind()) {
            case HELP -> renderer.help(usage);
            case TOPICS -> renderer.topics();
            case QUESTION, TRIAGE, GAPS -> answer(ask.text(), audience, asked);
        };
    }

    /** The knowledge base's reply to {@code text}, counted and recorded, with buttons that carry the question's id. */
    SlackMessage answer(String text, Audience audience, Asked asked) {
        Reply reply = asked(kb.get(), text);
        String id = Recorder.newId();
        recorder.question(id, asked, text, reply);
        return renderer.reply(reply, audience, id, ref(id, asked, reply));
    }

    /** The knowledge base's reply to a question, counted. */
    private Reply asked(KnowledgeBase current, String text) {
        Reply reply = current.ask(text);
        telemetry.replied(reply);
        return reply;
    }

    /** The ack of a /soc request: its reply, visible only to the person who asked. */
    Response privateAck(Ask ask, Asked asked) {
        if (ask.kind() != Ask.Kind.QUESTION) {
            return ackWith(to(ask, Audience.ASKER_ONLY, Text.USAGE_SLASH, asked).toEphemeralJson());
        }
        KnowledgeBase current = kb.get();
        if (current != renderedFrom) {
            answerAcks.clear();
            renderedFrom = current;
        }
        Reply reply = asked(current, ask.text());
        String id = Recorder.newId();
        // Recording is handed to a queue: nothing here waits for the database.
        recorder.question(id, asked, ask.text(), reply);
        if (reply.kind() != ReplyKind.ANSWER) {
            return ackWith(renderer.reply(reply, Audience.ASKER_ONLY, id, null).toEphemeralJson());
        }
        if (answerAcks.size() >= MAX_RENDERED) {
            answerAcks.clear();
        }
        return ackWith(answerAcks.computeIfAbsent(renderKey(reply),
                k -> AckBody.around(REF, renderer.reply(reply, Audience.ASKER_ONLY, null, REF).toEphemeralJson()))
                .with(ref(id, asked, reply)));
    }

    /**
     * A rendered body cut where each question's reference goes, so an ack only joins the pieces. Written in ASCII
     * (JSON escapes the rest by code point): Java keeps such a string one byte a character, and joining it and
     * encoding it as UTF-8 are then plain copies, where answers with a dash or an ellipsis would take the slow path.
     */
    record AckBody(String[] pieces) {

        static AckBody around(String placeholder, ObjectNode body) {
            return new AckBody(ascii(body).split(Pattern.quote(placeholder), -1));
        }

        /** The body with {@code ref} in place: String.join sizes and fills the string once, with no builder to copy. */
        String with(String ref) {
            return String.join(ref, pieces);
        }
    }

    /** What an answer's Helpful / Not helpful buttons carry; null for replies that are not answers. */
    private static String ref(String id, Asked asked, Reply reply) {
        return reply.kind() != ReplyKind.ANSWER ? null
                : new AnswerRef(id, asked.surface(), asked.channelType(), reply.intentId(), reply.confidence()).encode();
    }

    /**
     * Everything a private answer's body depends on: the intent, the share key and the second question (the same
     * answer can come with a different "you also asked"), and, where our report profile wrote part of it, that part.
     */
    static String renderKey(Reply reply) {
        String key = reply.intentId() + "|" + reply.shareKey() + "+" + (reply.alsoAsked() == null ? "" : reply.alsoAsked().intent());
        boolean fromProfile = reply.forUs() != null || !reply.forReps().isEmpty() || !reply.text().equals(reply.intent().answer());
        return fromProfile ? key + "\n" + reply.text() + "\n" + reply.forUs() + "\n" + String.join("\n", reply.forReps()) : key;
    }

    /** An ack whose body is one line only the asker sees. */
    Response privateNotice(String mrkdwn) {
        return ackWith(renderer.notice(mrkdwn, mrkdwn).toEphemeralJson());
    }

    private static Response ackWith(ObjectNode body) {
        return ackWith(ascii(body));
    }

    private static final ObjectWriter ASCII = BlockKit.JSON.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII);

    static String ascii(ObjectNode body) {
        try {
            return ASCII.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a Block Kit tree always serialises", e);
        }
    }

    private static Response ackWith(String json) {
        return Response.builder()
                .statusCode(200)
                .contentType(Response.CONTENT_TYPE_APPLICATION_JSON_UTF8)
                .body(json)
                .build();
    }
}
