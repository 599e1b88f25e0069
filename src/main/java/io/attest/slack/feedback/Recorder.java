package io.attest.slack.feedback;

import io.attest.knowledge.KnowledgeBase;
import io.attest.knowledge.Reply;
import io.attest.knowledge.ReplyKind;
import io.attest.knowledge.Suggestion;
import io.attest.slack.JobKind;
import io.attest.slack.WorkQueue;
import io.attest.store.AskedQuestion;
import io.attest.store.Gap;
import io.attest.store.GapQueue;
import io.attest.store.Questions;
import io.attest.store.Store;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Records each question and what Attest made of it, after the ack, on a queue of its own: answering never waits for the
 * database, and a record that cannot be written (queue full, database gone) is logged and counted, never an error. A
 * decline that still looks like something Attest should answer goes into the gap queue at once; a "Did you mean…"
 * only once nobody clicked a suggestion for a while (the maintenance schedule counts those).
 */
public final class Recorder {

    private final WorkQueue records;
    private final Store store;
    private final Questions questions;
    private final GapQueue gaps;
    private final Supplier<KnowledgeBase> kb;
    private final Clock clock;

    public Recorder(WorkQueue records, Store store, Questions questions, GapQueue gaps, Supplier<KnowledgeBase> kb,
                    Clock clock) {
        this.records = records;
        this.store = store;
        this.questions = questions;
        this.gaps = gaps;
        this.kb = kb;
        this.clock = clock;
    }

    /** A new question's id: made at the ack, carried by the buttons under its answer. */
    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** Records a question; returns at once. */
    public void question(String id, Asked asked, String text, Reply reply) {
        List<String> suggestions = reply.suggestions().stream().map(Suggestion::intent).toList();
        String intent = reply.intentId() != null ? reply.intentId() : suggestions.isEmpty() ? null : suggestions.get(0);
        AskedQuestion q = new AskedQuestion(id, clock.instant(), asked.user(), asked.surface(), asked.channelType(),
                asked.channel(), asked.threadTs(), text, reply.kind(), intent, reply.confidence(), suggestions, null);
        submit(JobKind.RECORDING_A_QUESTION, id, () -> {
            if (questions.record(q) && looksLikeAGap(reply, text)) {
                gaps.record(text, Gap.Kind.DECLINED, id).ifPresent(gap -> questions.linkGap(id, gap));
            }
        });
    }

    /** Someone clicked a suggestion of a "Did you mean…": that question is not a gap. */
    public void followedUp(String questionId) {
        submit(JobKind.RECORDING_A_QUESTION, questionId, () -> questions.followedUp(questionId));
    }

    /** A generic decline of a question that names what Attest covers, or came close to an answer. */
    private boolean looksLikeAGap(Reply reply, String text) {
        return reply.kind() == ReplyKind.DECLINE && reply.intent() == null && text != null && kb.get().looksAnswerable(text);
    }

    @FunctionalInterface
    private interface Write {
        void run();
    }

    private void submit(JobKind what, String id, Write write) {
        WorkQueue.Admission admission = records.submit(what, id, job -> write.run());
        if (!admission.accepted()) {
            store.countUnrecorded();
        }
    }
}
