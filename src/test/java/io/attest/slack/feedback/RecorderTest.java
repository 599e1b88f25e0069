package io.attest.slack.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.attest.knowledge.Fixtures;
import io.attest.knowledge.KnowledgeBase;
import io.attest.knowledge.Reply;
import io.attest.knowledge.ReplyKind;
import io.attest.slack.Telemetry;
import io.attest.slack.WorkQueue;
import io.attest.store.ChannelType;
import io.attest.store.GapQueue;
import io.attest.store.Questions;
import io.attest.store.Similarity;
import io.attest.store.Store;
import io.attest.store.StoreSettings;
import io.attest.store.Surface;
import io.attest.store.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Questions are recorded after the ack, in batches, one batch at a time, and none is left behind. */
class RecorderTest {

    private static final KnowledgeBase KB = Fixtures.fixtureKnowledgeBase();
    private static final Similarity SAME_TEXT = new Similarity() {
        @Override
        public double of(String a, String b) {
            return a.equals(b) ? 1 : 0;
        }

        @Override
        public double sameAt() {
            return 1;
        }
    };

    @Test
    void questionsArrivingFromManyThreadsWhileBatchesAreWrittenAreAllRecorded() throws Exception {
        int threads = 4;
        int each = 400; // 1,600 in all: more than three batches, so later batches start from a flush's own end
        try (Store store = TestDatabases.open(TestDatabases.fresh(StoreSettings.Engine.H2), Clock.systemUTC())) {
            WorkQueue records = new WorkQueue("records", 2, 2_000, Duration.ofSeconds(30), Clock.systemUTC(), Telemetry.NONE);
            Questions questions = new Questions(store);
            Recorder recorder = new Recorder(records, store, questions, new GapQueue(store, SAME_TEXT), () -> KB,
                    Clock.systemUTC());
            Reply answer = KB.ask("is soc 2 a certification?");
            assertEquals(ReplyKind.ANSWER, answer.kind());

            ExecutorService askers = Executors.newFixedThreadPool(threads);
            for (int t = 0; t < threads; t++) {
                askers.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        recorder.question(Recorder.newId(), new Asked("U1", Surface.SLASH, ChannelType.PUBLIC, "C1", null),
                                "is soc 2 a certification?", answer);
                    }
                });
            }
            askers.shutdown();
            assertTrue(askers.awaitTermination(30, TimeUnit.SECONDS));
            records.finish(Instant.now().plusSeconds(30), () -> { });

            assertEquals(threads * each, questions.rates(Instant.EPOCH).total());
            assertEquals(0, store.status().unrecorded());
            records.close();
        }
    }
}
