package io.attest.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.slack.api.app_backend.slash_commands.SlashCommandPayloadDetector;
import com.slack.api.app_backend.slash_commands.SlashCommandPayloadParser;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.util.JsonPayloadExtractor;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One pass over a slash command's form gives Bolt exactly the payload its own three passes would. */
class SlashCommandFormTest {

    private static final String SLASH = "token=tok&team_id=T0&team_domain=acme&channel_id=C0&channel_name=deals"
            + "&user_id=U0&user_name=alice&command=%2Fsoc&text=is+soc+2+a+certification%3F&api_app_id=A0"
            + "&is_enterprise_install=false&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT0%2F1%2Fx"
            + "&trigger_id=1.2.abc";

    @Test
    void aSlashCommandReadsAsEveryFieldDecoded() {
        SlashCommandPayload p = SlashCommandForm.read(SLASH);

        assertNotNull(p);
        assertEquals("/soc", p.getCommand());
        assertEquals("is soc 2 a certification?", p.getText());
        assertEquals("https://hooks.slack.com/commands/T0/1/x", p.getResponseUrl());
        assertEquals("U0", p.getUserId());
        assertEquals(boltsReading(SLASH), p);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        SLASH,
        "command=%2Fsoc&text=",                                   // empty text: Bolt leaves it unset
        "command=%2Fsoc&text=a%3Db",                              // an encoded = in a value
        "command=%2Fsoc&text=a=b",                                // a raw = : two values, Bolt skips the field
        "command=%2Fsoc&text=ab==",                               // trailing = are dropped
        "command=%2Fsoc&text==ab",
        "command=%2Fsoc&=x&text=y",                               // a field without a name
        "command=%2Fsoc&&text=y&",                                // empty fields
        "  command=%2Fsoc&text=y  ",                              // whitespace around the body
        "command=%2Fsoc&%0Atext=y",                               // an encoded line break in a name
        "command=%2Fsoc&te%78t=encoded+name",                     // an encoded letter in a name
        "command=%2Fsoc&+text=y",                                 // a name that decodes with a space in front
        "command=%2Fsoc&text=%E2%80%94+%F0%9F%98%80+%C3%A9",      // UTF-8: a dash, an emoji, an accent
        "command=%2Fsoc&is_enterprise_install=TRUE",
        "command=%2Fsoc&is_enterprise_install=+true+",
        "command=%2Fsoc&enterprise_id=E0&enterprise_name=Big+Co",
        "command=%2Fsoc&command=%2Fother",                        // the last one wins, as in Bolt
        "text=no+command",                                        // not a command
        "command=&text=x",                                        // a command without a value is no command
        "payload=%7B%22type%22%3A%22block_actions%22%7D&command=%2Fsoc", // interactivity wins
        "payload=&command=%2Fsoc",                                // an empty payload is not one
        "[command=%2Fsoc]",                                       // Bolt tries a [ body as JSON first
        "",
    })
    void readsEveryFormAsBoltDoes(String body) {
        assertEquals(boltsReading(body), SlashCommandForm.read(body), body);
    }

    @Test
    void readsGeneratedFormsAsBoltDoes() {
        Random random = new Random(20261129);
        List<String> names = List.of("token", "team_id", "channel_id", "user_id", "user_name", "command", "text",
                "response_url", "trigger_id", "api_app_id", "is_enterprise_install", "enterprise_id", "payload", "other",
                " text", "te%78t", "%0Atext", "", "com+mand");
        String pieces = "ab =&+%é😀\n?/";
        for (int n = 0; n < 5_000; n++) {
            StringBuilder body = new StringBuilder();
            int fields = random.nextInt(8);
            for (int f = 0; f < fields; f++) {
                if (f > 0 || random.nextInt(10) == 0) {
                    body.append('&');
                }
                body.append(names.get(random.nextInt(names.size())));
                int equals = random.nextInt(10) == 0 ? random.nextInt(3) : 1;
                body.append("=".repeat(equals));
                StringBuilder value = new StringBuilder();
                for (int c = random.nextInt(6); c > 0; c--) {
                    value.appendCodePoint(pieces.codePointAt(pieces.offsetByCodePoints(0, random.nextInt(pieces.codePointCount(0, pieces.length())))));
                }
                String v = value.toString();
                body.append(random.nextBoolean() ? URLEncoder.encode(v, StandardCharsets.UTF_8) : v.replace("%", "%25"));
            }
            String form = body.toString();
            assertEquals(boltsReading(form), SlashCommandForm.read(form), form);
        }
    }

    @Test
    void anUnknownFieldIsIgnored() {
        SlashCommandPayload p = SlashCommandForm.read("command=%2Fsoc&channel_type=im&text=hi");

        assertNotNull(p);
        assertEquals("hi", p.getText());
    }

    @Test
    void aFormWithoutACommandIsLeftToBolt() {
        assertNull(SlashCommandForm.read("token=x&text=hello"));
    }

    /** What Bolt's own parser makes of a form: a slash command only when there is no JSON payload and a command. */
    private static SlashCommandPayload boltsReading(String body) {
        if (new JsonPayloadExtractor().extractIfExists(body) != null || body.trim().startsWith("[")) {
            return null;
        }
        return new SlashCommandPayloadDetector().isCommand(body) ? new SlashCommandPayloadParser().parse(body) : null;
    }
}
