package io.attest.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.attest.knowledge.ReplyKind;
import io.attest.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The gap queue on both engines: grouping, counts, resolution and recurrence, unclicked suggestions, retention. */
class GapQueueTest {

    /** Shared words, so these tests are about the queue and not the matcher (QuestionSimilarityTest covers that). */
    private static final Similarity WORDS = new Similarity() {
        @Override
        public double of(String a, String b) {
            Set<String> x = new HashSet<>(Arrays.asList(a.split(" ")));
            Set<String> y = new HashSet<>(Arrays.asList(b.split(" ")));
            Set<String> both = new HashSet<>(x);
            both.retainAll(y);
            x.addAll(y);
            return (double) both.size() / x.size();
        }

        @Override
        public double sameAt() {
            return 0.5;
        }
    };

    private final TestClock clock = new TestClock(Instant.parse("2026-05-01T10:00:00Z"));

    @ParameterizedTest
    @EnumSource(StoreSettings.Engine.class)
    void similarQuestionsShareAGapCountedByKindAndTheMostFrequentComeFirst(StoreSettings.Engine engine) throws Exception {
        try (Store store = TestDatabases.open(TestDatabases.fresh(engine), clock)) {
            GapQueue gaps = new GapQueue(store, WORDS);
            long cost = gaps.add("how much does a soc 2 audit cost", Gap.Kind.DECLINED);
            clock.advance(Duration.ofMinutes(5));
            assertEquals(cost, gaps.add("how much does a soc 2 audit cost in dollars", Gap.Kind.NOT_HELPFUL));
            long bridge = gaps.add("who signs the bridge letter", Gap.Kind.UNCLICKED);
            assertTrue(bridge != cost);

            List<Gap> open = gaps.open(10);
            assertEquals(List.of(cost, bridge), open.stream().map(Gap::id).toList());
            Gap top = open.get(0);
            assertEquals(1, top.declined());
            assertEquals(1, top.notHelpful());
            assertEquals(2, top.hits());
            assertEquals("how much does a soc 2 audit cost in dollars", top.question(), "the latest question of the group");
            assertEquals(clock.instant(), top.lastSeen());
            assertEquals(clock.instant().minus(Duration.ofMinutes(5)), top.firstSeen());
        }
    }

    @ParameterizedTest
    @EnumSource(StoreSettings.Engine.class)
    void aResolvedGapLeavesTheQueueAndComesBackFlaggedWhileADismissedOneStaysAway(StoreSettings.Engine engine) throws Exception {
        try (Store store = TestDatabases.open(TestDatabases.fresh(engine), clock)) {
            GapQueue gaps = new GapQueue(store, WORDS);
            long resolved = gaps.add("how much does a soc 2 audit cost", Gap.Kind.DECLINED);
            long dismissed = gaps.add("what is the weather like", Gap.Kind.DECLINED);
            assertTrue(gaps.resolve(resolved, "soc2_cost", "U0OWNER"));
            assertTrue(gaps.dismiss(dismissed, "U0OWNER"));
            assertEquals(List.of(), gaps.open(10));

            gaps.add("how much does a soc 2 audit cost in euros", Gap.Kind.DECLINED);
            gaps.add("what is the weather like today", Gap.Kind.DECLINED);
            List<Gap> open = gaps.open(10);
            assertEquals(1, open.size());
            assertEquals(resolved, open.get(0).id());
            assertTrue(open.get(0).recurred());
            assertEquals("soc2_cost", open.get(0).resolvedIntent());
            assertEquals(2, gaps.find(dismissed).orElseThrow().declined(), "a dismissed gap still counts");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreSettings.Engine.class)
    void aDidYouMeanCountsOnlyWhenNobodyClickedASuggestionInTime(StoreSettings.Engine engine) throws Exception {
        try (Store store = TestDatabases.open(TestDatabases.fresh(engine), clock)) {
            Questions questions = new Questions(store);
            GapQueue gaps = new GapQueue(store, WORDS);
            String clicked = question(questions, "does soc 2 cover vendors", ReplyKind.DID_YOU_MEAN);
            String ignored = question(questions, "who signs the bridge letter", ReplyKind.DID_YOU_MEAN);
            questions.followedUp(clicked);
            assertEquals(0, gaps.countUnclicked(questions, clock.instant().minus(Duration.ofMinutes(10))), "not yet");
            clock.advance(Duration.ofMinutes(11));
            assertEquals(1, gaps.countUnclicked(questions, clock.instant().minus(Duration.ofMinutes(10))));
            assertEquals(0, gaps.countUnclicked(questions, clock.instant().minus(Duration.ofMinutes(10))), "counted once");
            Gap gap = gaps.open(10).get(0);
            assertEquals(1, gap.unclicked());
            assertEquals("who signs the bridge letter", gap.question());
            assertEquals(gap.id(), questions.find(ignored).orElseThrow().gapId());
        }
    }

    @ParameterizedTest
    @EnumSource(StoreSettings.Engine.class)
    void questionTextIsPurgedAfterTheRetentionPeriodOncePerDay(StoreSettings.Engine engine) throws Exception {
        try (Store store = TestDatabases.open(TestDatabases.fresh(engine), clock)) {
            Questions questions = new Questions(store);
            GapQueue gaps = new GapQueue(store, WORDS);
            Votes votes = new Votes(store);
            String old = question(questions, "how much does a soc 2 audit cost", ReplyKind.ANSWER);
            gaps.add("how much does a soc 2 audit cost", Gap.Kind.NOT_HELPFUL);
            votes.vote(new Vote(old, "U1", false, "soc2_cost", 0.6, Surface.SLASH, ChannelType.PUBLIC, clock.instant()));
            votes.comment(old, "U1", "the price");
            clock.advance(Duration.ofDays(31));
            String recent = question(questions, "who signs the bridge letter", ReplyKind.ANSWER);

            Retention retention = new Retention(store, new Claims(store), 30);
            assertTrue(retention.daily());
            assertTrue(!retention.daily(), "once a day, whichever instance gets there first");
            assertTrue(questions.find(old).isEmpty(), "an old question is deleted");
            assertTrue(questions.find(recent).isPresent());
            assertNull(votes.question(old, "U1").orElse(null), "a vote keeps its count, not its text");
            assertNull(gaps.open(10).get(0).question(), "a gap not seen within the period loses its text");
            assertEquals(1, gaps.open(10).get(0).notHelpful());
        }
    }

    private String question(Questions questions, String text, ReplyKind outcome) {
        String id = UUID.randomUUID().toString();
        assertTrue(questions.record(new AskedQuestion(id, clock.instant(), "U1", Surface.SLASH, ChannelType.PUBLIC, "C1", null,
                text, outcome, "soc2_cost", 0.5, List.of("soc2_cost"), null)));
        return id;
    }
}
