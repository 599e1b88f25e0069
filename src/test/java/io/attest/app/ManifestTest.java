package io.attest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.attest.knowledge.Fixtures;
import io.attest.slack.SlackRoutes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** manifest.yml and the listeners the composition root registers must describe the same app. */
class ManifestTest {

    private final JsonNode manifest = read("manifest.yml");
    /** Nothing listens on port 9 of 127.0.0.1: no test here reaches the Web API. */
    private final Wiring.Parts parts = parts();
    private final SlackRoutes routes = Wiring.slackApp(parts, "UBOT");

    @AfterEach
    void stop() {
        Wiring.close(parts);
    }

    private static Wiring.Parts parts() {
        try {
            return Wiring.parts(Config.fromEnvironment(Map.of("ATTEST_DATA", TestConfigs.dataFolder(),
                            "ATTEST_EXPERTS_CHANNEL", "C0EXPERTS")), ManifestTest::fixture,
                    "http://127.0.0.1:9/api/", "xoxb-unused");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyCommandInTheManifestHasAListenerAndViceVersa() {
        Set<String> declared = new LinkedHashSet<>();
        manifest.path("features").path("slash_commands").forEach(c -> declared.add(c.path("command").asText()));
        assertEquals(declared, routes.commands());
    }

    @Test
    void everyBotEventInTheManifestHasAListenerAndViceVersa() {
        Set<String> declared = new LinkedHashSet<>();
        manifest.path("settings").path("event_subscriptions").path("bot_events").forEach(e -> declared.add(e.asText()));
        assertEquals(declared, routes.events());
    }

    @Test
    void interactivityIsOnBecauseThereAreButtonShortcutAndModalListeners() {
        assertTrue(manifest.path("settings").path("interactivity").path("is_enabled").asBoolean());
        assertFalse(routes.actions().isEmpty());
        assertFalse(routes.modals().isEmpty());
    }

    @Test
    void everyShortcutInTheManifestHasAListenerAndViceVersa() {
        Set<String> declared = new LinkedHashSet<>();
        manifest.path("features").path("shortcuts").forEach(s -> {
            assertEquals("message", s.path("type").asText(), "Attest's shortcuts act on a message");
            assertTrue(s.path("name").asText().length() <= 24 && s.path("description").asText().length() <= 80,
                    "Slack's limits for a shortcut's name and description");
            declared.add(s.path("callback_id").asText());
        });
        assertEquals(declared, routes.shortcuts());
    }

    @Test
    void theHomeTabIsOnExactlyWhenAppHomeOpenedHasAListener() {
        assertEquals(routes.events().contains("app_home_opened"),
                manifest.path("features").path("app_home").path("home_tab_enabled").asBoolean());
        assertTrue(routes.events().contains("app_home_opened"));
    }

    @Test
    void everyModalAttestOpensHasASubmissionListener() throws Exception {
        // The modals carry their callback_id; each must be one a listener is registered for.
        for (String callbackId : List.of(io.attest.slack.feedback.FeedbackActions.MISSING_MODAL,
                io.attest.slack.feedback.FeedbackActions.RESOLVE_MODAL)) {
            assertTrue(routes.modals().contains(callbackId), callbackId);
        }
    }

    @Test
    void everyButtonAttestRendersHasAListener() throws Exception {
        List<String> actionIds = new ArrayList<>();
        for (String text : List.of("is soc 2 a certification?", "what's 17 * 23", "help", "topics")) {
            JsonNode ack = new ObjectMapper().readTree(routes.app().run(slashCommand(text)).getBody());
            ack.findValues("action_id").forEach(v -> actionIds.add(v.asText()));
        }
        assertTrue(actionIds.containsAll(List.of("share_answer", "show_topics", "start_triage", "feedback_helpful",
                "feedback_not_helpful", "ask_experts")), actionIds.toString());
        for (String id : actionIds) {
            assertTrue(routes.actions().stream().map(Pattern::pattern).anyMatch(id::matches), id + " has no listener");
        }
    }

    @Test
    void everyUrlPointsAtTheOneSlackRoute() {
        List<String> urls = new ArrayList<>();
        manifest.path("features").path("slash_commands").forEach(c -> urls.add(c.path("url").asText()));
        urls.add(manifest.path("settings").path("event_subscriptions").path("request_url").asText());
        urls.add(manifest.path("settings").path("interactivity").path("request_url").asText());
        urls.forEach(url -> assertEquals("https://YOUR-HOST/slack/events", url));
    }

    @Test
    void theBotHasExactlyTheScopesItsSurfacesNeed() {
        Set<String> scopes = new LinkedHashSet<>();
        manifest.path("oauth_config").path("scopes").path("bot").forEach(s -> scopes.add(s.asText()));
        // history in every kind of conversation: the Web API client looks for a post that may have arrived before
        // sending it again (conversations.history and .replies).
        assertEquals(Set.of("commands", "chat:write", "app_mentions:read", "im:history", "im:write",
                "channels:history", "groups:history", "mpim:history"), scopes);
    }

    @Test
    void theSocketModeVariantIsTheSameAppWithoutUrlsAndWithSocketModeOn() {
        JsonNode socket = read("manifest-socket-mode.yml");
        assertTrue(socket.path("settings").path("socket_mode_enabled").asBoolean());
        assertFalse(manifest.path("settings").path("socket_mode_enabled").asBoolean());
        assertFalse(socket.toString().contains("YOUR-HOST"), "Socket Mode needs no public URL");
        ObjectNode http = manifest.deepCopy();
        ObjectNode settings = (ObjectNode) http.get("settings");
        settings.put("socket_mode_enabled", true);
        ((ObjectNode) settings.get("event_subscriptions")).remove("request_url");
        ((ObjectNode) settings.get("interactivity")).remove("request_url");
        http.path("features").path("slash_commands").forEach(c -> ((ObjectNode) c).remove("url"));
        assertEquals(http, socket, "everything else (commands, scopes, events, interactivity) is the same in both");
    }

    @Test
    void theSlashCommandHasAUsageHint() {
        assertTrue(manifest.path("features").path("slash_commands").get(0).path("usage_hint").asText().contains("triage"));
    }

    private static com.slack.api.bolt.request.builtin.SlashCommandRequest slashCommand(String text) {
        String body = "team_id=T1&channel_id=C1&user_id=U1&command=%2Fsoc&text="
                + java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8) + "&response_url=http%3A%2F%2F127.0.0.1%3A1%2Fr";
        return new com.slack.api.bolt.request.builtin.SlashCommandRequest(body,
                new com.slack.api.bolt.request.RequestHeaders(java.util.Map.of()));
    }

    private static Content fixture() {
        return FIXTURE;
    }

    private static final Content FIXTURE = load();

    private static Content load() {
        try {
            return Content.load(Fixtures.fixtureIntents());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String file) {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(Path.of(file).toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
