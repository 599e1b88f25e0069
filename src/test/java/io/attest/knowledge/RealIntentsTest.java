package io.attest.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The intents folder that ships: every problem is listed with its file and id. */
class RealIntentsTest {

    @Test
    void theShippedIntentsHaveNoProblems() throws IOException {
        List<Problem> problems = KnowledgeBase.validate(Fixtures.realIntents());
        assertEquals("", problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
    }

    @Test
    void everyTopicInTheIssueIsCovered() throws Exception {
        KnowledgeBase kb = KnowledgeBase.load(Fixtures.realIntents());
        for (String topic : kb.language().topics().keySet()) {
            assertTrue(kb.answers().stream().anyMatch(i -> i.topic().equals(topic)), "no answer for topic " + topic);
        }
    }

    @Test
    void noAnswerCallsSoc2ACertificationOrPassFail() throws Exception {
        KnowledgeBase kb = KnowledgeBase.load(Fixtures.realIntents());
        for (Intent intent : kb.intents()) {
            String text = (intent.answer() + " " + (intent.repNote() == null ? "" : intent.repNote())).toLowerCase();
            assertTrue(!text.matches("(?s).*soc ?2 (report )?is a certification.*"), intent.id());
            assertTrue(!text.matches("(?s).*soc ?2 (audit |report )?is a pass.*"), intent.id());
        }
    }
}
