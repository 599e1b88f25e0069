package io.attest.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessageReaderTest {

    private static final MessageReader READER = reader();

    private static MessageReader reader() {
        try {
            return new MessageReader(KnowledgeBase.load(Fixtures.realIntents()).language().offTaskMarkers());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "\"{0}\": question={1}, off task={2}")
    @CsvSource(delimiter = '|', textBlock = """
            is soc 2 a certification?                                  | true  | false
            Does a Type 2 include the test results                     | true  | false
            so which one do we need                                    | true  | false
            I need to know whether pen tests are required              | true  | false
            not sure if the bank will take a soc 2                     | true  | false
            Our renewal is in three months.                            | false | false
            The AE is panicking                                        | false | false
            write a poem about auditors                                | false | true
            can you write me a limerick about SOC 2 Type 2?            | true  | true
            translate SOC 2 Type 2 into German                         | false | true
            summarise this email about our SOC 1                       | false | true
            tell me a joke about compliance                            | true  | true
            summarise the difference between soc 1 and soc 2           | false | false
            can we write our own control objectives?                   | true  | false
            """)
    void classifiesEachSentence(String sentence, boolean question, boolean offTask) {
        List<MessageReader.Part> parts = READER.parts(sentence);
        assertEquals(1, parts.size(), parts.toString());
        assertEquals(question, parts.get(0).question(), "question");
        assertEquals(offTask, parts.get(0).offTask(), "off task");
    }

    @Test
    void splitsAMessageIntoSentencesInOrder() {
        List<MessageReader.Part> parts = READER.parts(
                "Quick one from the deal desk. The bank sent a 200-line questionnaire!\nDo they need a SOC 1 or a SOC 2?And is a Type 1 enough");
        assertEquals(List.of("Quick one from the deal desk.", "The bank sent a 200-line questionnaire!",
                "Do they need a SOC 1 or a SOC 2?", "And is a Type 1 enough"), parts.stream().map(MessageReader.Part::text).toList());
        assertEquals(List.of(false, false, true, true), parts.stream().map(MessageReader.Part::question).toList());
    }

    @Test
    void punctuationAloneIsNotASentence() {
        assertEquals(List.of("is soc 2 a certification?"), READER.parts("is soc 2 a certification? ??? ...").stream()
                .map(MessageReader.Part::text).toList());
    }

    @Test
    void countsWords() {
        assertEquals(0, MessageReader.words("  "));
        assertEquals(3, MessageReader.words(" one two\nthree "));
    }
}
