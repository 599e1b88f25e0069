package io.attest.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which readings of a message are matched: each question alone first, then with the sentence before it. */
class ReadingsTest {

    private final KnowledgeBase kb = Fixtures.fixtureKnowledgeBase();

    @Test
    void aShortMessageIsReadWhole() {
        assertEquals(List.of(List.of("is soc 2 a certification?")), kb.questionsIn("is soc 2 a certification?"));
    }

    @Test
    void aQuestionAfterAStoryIsReadAloneAndThenWithTheSentenceBeforeIt() {
        String story = "Our SOC 2 report covered April through September of last year. The AE is panicking because"
                + " this deal has to close before the end of the quarter and procurement keeps adding steps. What do we"
                + " send for the months since then?";
        assertEquals(List.of(List.of("What do we send for the months since then?",
                "The AE is panicking because this deal has to close before the end of the quarter and procurement keeps"
                        + " adding steps. What do we send for the months since then?")), kb.questionsIn(story));
    }

    @Test
    void aQuestionThatOpensALongMessageIsReadAlone() {
        String message = "Does a Type 2 need pen tests? Asking because the prospect's security team wants to see one."
                + " They also mentioned a questionnaire with more than two hundred lines that is due next week.";
        assertEquals(List.of(List.of("Does a Type 2 need pen tests?")), kb.questionsIn(message));
    }

    @Test
    void eachQuestionOfAMessageIsReadOnItsOwn() {
        String message = "We are a payroll company and a bank is onboarding us as a vendor this quarter. Do they need a"
                + " SOC 1 or a SOC 2? And does it have to be a Type 2?";
        assertEquals(List.of(
                List.of("Do they need a SOC 1 or a SOC 2?",
                        "We are a payroll company and a bank is onboarding us as a vendor this quarter. Do they need a SOC 1 or a SOC 2?"),
                List.of("And does it have to be a Type 2?", "Do they need a SOC 1 or a SOC 2? And does it have to be a Type 2?")),
                kb.questionsIn(message));
    }
}
