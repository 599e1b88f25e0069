package io.attest.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads a slash command's form once, for Bolt. Bolt's own request parser reads a form three times to learn what it is
 * (is there a JSON {@code payload} field, is there a {@code command} field, then the fields themselves), each time
 * splitting it with regular expressions; on the /soc ack that was a quarter of the CPU. This reads the fields in one
 * pass, by the same rules (a field counts when it has exactly one value: {@code name=value}, trailing {@code =} ignored;
 * the name trimmed and its line breaks dropped; both URL-decoded), so Bolt gets the same payload it would have made.
 */
final class SlashCommandForm {

    private SlashCommandForm() {
    }

    /**
     * The slash command in a url-encoded form body, or null when the form is not one (it carries an interactivity
     * {@code payload}, or has no {@code command}): Bolt's parser then decides what it is. The body has already been
     * checked to be url-encoded ({@link PayloadShape#requireHttpBody}).
     */
    static SlashCommandPayload read(String body) {
        if (body.trim().startsWith("[")) {
            return null; // Bolt tries such a body as JSON first
        }
        SlashCommandPayload payload = new SlashCommandPayload();
        boolean command = false;
        for (int start = 0, end; start <= body.length(); start = end + 1) {
            end = body.indexOf('&', start);
            end = end < 0 ? body.length() : end;
            int eq = body.indexOf('=', start);
            if (eq < 0 || eq >= end) {
                continue;
            }
            int valueEnd = end;
            while (valueEnd > eq + 1 && body.charAt(valueEnd - 1) == '=') {
                valueEnd--;
            }
            if (valueEnd == eq + 1 || body.indexOf('=', eq + 1) < valueEnd && body.indexOf('=', eq + 1) >= 0) {
                continue; // no value, or more than one: Bolt skips the field
            }
            String name = name(body.substring(start, eq));
            if (name.equals("payload")) {
                return null;
            }
            command |= set(payload, name, decode(body.substring(eq + 1, valueEnd)));
        }
        return command ? payload : null;
    }

    private static String name(String raw) {
        String name = raw.trim().replace("\n", "");
        return name.isEmpty() ? name : decode(name);
    }

    private static String decode(String text) {
        return text.indexOf('%') < 0 && text.indexOf('+') < 0 ? text : URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** Sets the field; true when it was the command. Names Bolt does not know are ignored, as Bolt ignores them. */
    private static boolean set(SlashCommandPayload payload, String name, String value) {
        switch (name) {
            case "token" -> payload.setToken(value);
            case "team_id" -> payload.setTeamId(value);
            case "team_domain" -> payload.setTeamDomain(value);
            case "enterprise_id" -> payload.setEnterpriseId(value);
            case "enterprise_name" -> payload.setEnterpriseName(value);
            case "api_app_id" -> payload.setApiAppId(value);
            case "channel_id" -> payload.setChannelId(value);
            case "channel_name" -> payload.setChannelName(value);
            case "user_id" -> payload.setUserId(value);
            case "user_name" -> payload.setUserName(value);
            case "command" -> {
                payload.setCommand(value);
                return true;
            }
            case "text" -> payload.setText(value);
            case "response_url" -> payload.setResponseUrl(value);
            case "trigger_id" -> payload.setTriggerId(value);
            case "is_enterprise_install" -> payload.setEnterpriseInstall(value.trim().toLowerCase(Locale.ENGLISH).equals("true"));
            default -> {
            }
        }
        return false;
    }
}
