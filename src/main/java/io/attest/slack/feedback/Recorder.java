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
import io.attest.store.QuestionIds;
import io.attest.store.Questions;
import io.attest.store.Store;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
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
    /** Questions not yet written; bounded, like the queue that writes them. */
    private final BlockingQueue<Pending> pending = new ArrayBlockingQueue<>(PENDING);
    private final AtomicBoolean flushQueued = new AtomicBoolean();
    static final int PENDING = 5_000;
    static final int MAX_BATCH = 500;

    public Recorder(WorkQueue records, Store store, Questions questions, GapQueue gaps, Supplier<KnowledgeBase> kb,
                    Clock clock) {
        this.records = records;
        this.store = store;
        this.questions = questions;
        this.gaps = gaps;
        this.kb = kb;
        this.clock = clock;
    }

    /** A new question's id: made at the ack, carried by the buttons under its answer (see {@link QuestionIds}). */
    public static String newId() {
        return QuestionIds.next();
    }

    /** Records a question; returns at once. Questions wait in a buffer and are written in batches. */
    public void question(String id, Asked asked, String text, Reply reply) {
        List<String> suggestions = reply.suggestions().stream().map(Suggestion::intent).toList();
        String intent = reply.intentId() != null ? reply.intentId() : suggestions.isEmpty() ? null : suggestions.get(0);
        AskedQuestion q = new AskedQuestion(id, clock.instant(), asked.user(), asked.surface(), asked.channelType(),
                asked.channel(), asked.threadTs(), text, reply.kind(), intent, reply.confidence(), suggestions, null);
        if (!pending.offer(new Pending(q, reply))) {
            store.countUnrecorded();
            return;
        }
        if (flushQueued.compareAndSet(false, true)) {
            scheduleFlush();
        }
    }

    private void scheduleFlush() {
        WorkQueue.Admission admission = records.submit(JobKind.RECORDING_A_QUESTION, "questions", job -> flush());
        if (!admission.accepted()) {
            // Left in the buffer: the next question schedules another flush (or, shutting down, they are lost and counted).
            flushQueued.set(false);
            List<Pending> dropped = new ArrayList<>();
            pending.drainTo(dropped);
            dropped.forEach(p -> store.countUnrecorded());
        }
    }

    /**
     * Writes what waits, batch after batch until nothing does, and files the declines that still look answerable as
     * gaps. One writer at a time: questions arriving meanwhile join its next batch instead of starting a second writer,
     * which on a small machine only contends with the first for the same table. Looping, rather than queueing a job per
     * batch, also lets a shutdown's last flush write everything accepted before it.
     */
    private void flush() {
        try {
            List<Pending> batch = new ArrayList<>();
            while (pending.drainTo(batch, MAX_BATCH) > 0) {
                write(batch);
                batch.clear();
            }
        } finally {
            flushQueued.set(false);
            // A question that came after the last drain but saw the flag still set has scheduled nothing.
            if (!pending.isEmpty() && flushQueued.compareAndSet(false, true)) {
                scheduleFlush();
            }
        }
    }

    private void write(List<Pending> batch) {
        if (!questions.recordAll(batch.stream().map(Pending::question).toList())) {
            return;
        }
        for (Pending p : batch) {
            if (looksLikeAGap(p.reply(), p.question().text())) {
                gaps.record(p.question().text(), Gap.Kind.DECLINED, p.question().id())
                        .ifPresent(gap -> questions.linkGap(p.question().id(), gap));
            }
        }
    }

    private record Pending(AskedQuestion question, Reply reply) {
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
