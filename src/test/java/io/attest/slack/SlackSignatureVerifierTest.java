package io.attest.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.attest.slack.SlackSignatureVerifier.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlackSignatureVerifierTest {

    private static final long NOW = 1_700_000_000L;
    private final SlackSignatureVerifier verifier =
            new SlackSignatureVerifier("8f742231b10e8888abcd99yyyzzz85a5", Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));
    private final byte[] body = "token=x&text=hello".getBytes(StandardCharsets.UTF_8);

    @Test
    void slacksPublishedExampleSignatureIsReproduced() {
        // The worked example from Slack's "Verifying requests from Slack" guide.
        SlackSignatureVerifier slackExample = new SlackSignatureVerifier("8f742231b10e8888abcd99yyyzzz85a5",
                Clock.fixed(Instant.ofEpochSecond(1531420618L), ZoneOffset.UTC));
        String example = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
                + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
                + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
                + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
        assertEquals("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503",
                slackExample.sign("1531420618", example.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aCorrectSignatureIsValid() {
        assertEquals(Verdict.VALID, verifier.verify(Long.toString(NOW), verifier.sign(Long.toString(NOW), body), body));
    }

    @Test
    void aSignatureOverOtherBytesIsWrong() {
        String signature = verifier.sign(Long.toString(NOW), body);
        assertEquals(Verdict.WRONG_SIGNATURE, verifier.verify(Long.toString(NOW), signature, "token=x&text=hellO".getBytes()));
    }

    @ParameterizedTest
    @CsvSource({"-300, VALID", "-301, TOO_OLD", "300, VALID", "301, FROM_THE_FUTURE", "-86400, TOO_OLD", "86400, FROM_THE_FUTURE"})
    void theTimestampMustBeWithinFiveMinutesEitherWay(long skew, Verdict expected) {
        String ts = Long.toString(NOW + skew);
        assertEquals(expected, verifier.verify(ts, verifier.sign(ts, body), body));
    }

    @Test
    void missingOrGarbledHeadersAreRejected() {
        assertEquals(Verdict.MISSING_HEADERS, verifier.verify(null, "v0=abc", body));
        assertEquals(Verdict.MISSING_HEADERS, verifier.verify(Long.toString(NOW), null, body));
        assertEquals(Verdict.BAD_TIMESTAMP, verifier.verify("yesterday", "v0=abc", body));
        assertEquals(Verdict.WRONG_SIGNATURE, verifier.verify(Long.toString(NOW), "v0=short", body));
    }
}
