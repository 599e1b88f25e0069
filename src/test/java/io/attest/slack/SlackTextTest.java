package io.attest.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlackTextTest {

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
            "<@UBOT> is soc 2 a certification? => is soc 2 a certification?",
            "<@UBOT|attest> type 1 vs type 2 => type 1 vs type 2",
            "see <https://example.com|the doc> &amp; tell me => see the doc & tell me",
            "what about <https://example.com> => what about https://example.com",
            "is a &lt;script&gt; ok => is a <script> ok",
            "<!here> help => help"})
    void slackMarkupBecomesWhatThePersonTyped(String slack, String typed) {
        assertEquals(typed, SlackText.typed(slack));
    }
}
