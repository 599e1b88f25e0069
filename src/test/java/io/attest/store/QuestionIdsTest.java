package io.attest.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class QuestionIdsTest {

    @Test
    void anIdIsAVersion7UuidThatCarriesItsMillisecond() {
        long at = 1_795_000_000_123L;
        UUID id = UUID.fromString(QuestionIds.at(at));

        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(at, id.getMostSignificantBits() >>> 16);
    }

    @Test
    void idsFromLaterMillisecondsSortAfterEarlierOnesAsText() {
        // The database orders the key as text: a later question must land at the end of the index.
        String earlier = QuestionIds.at(1_795_000_000_123L);
        String later = QuestionIds.at(1_795_000_000_124L);
        String muchLater = QuestionIds.at(1_895_000_000_000L);

        assertTrue(earlier.compareTo(later) < 0, earlier + " sorts before " + later);
        assertTrue(later.compareTo(muchLater) < 0, later + " sorts before " + muchLater);
    }

    @Test
    void idsMadeInTheSameMillisecondStillDiffer() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(QuestionIds.at(1_795_000_000_123L));
        }
        assertEquals(10_000, ids.size());
    }

    @Test
    void theIdOfANewQuestionIsStampedWithTheCurrentTime() {
        long before = System.currentTimeMillis();
        long stamped = UUID.fromString(QuestionIds.next()).getMostSignificantBits() >>> 16;
        long after = System.currentTimeMillis();

        assertTrue(stamped >= before && stamped <= after, stamped + " within " + before + ".." + after);
    }
}
