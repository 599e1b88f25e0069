package io.attest.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** manifest.yml and the registered listeners must describe the same app. */
class ManifestTest {

    private final JsonNode manifest = read();
    private final SlackSurfaces surfaces = TestSurfaces.build();

    @Test
    void everyCommandInTheManifestHasAListenerAndViceVersa() {
        Set<String> declared = new LinkedHashSet<>();
        manifest.path("features").path("slash_commands").forEach(c -> declared.add(c.path("command").asText()));
        assertEquals(declared, surfaces.commands());
    }

    @Test
    void everyBotEventInTheManifestHasAListenerAndViceVersa() {
        Set<String> declared = new LinkedHashSet<>();
        manifest.path("settings").path("event_subscriptions").path("bot_events").forEach(e -> declared.add(e.asText()));
        assertEquals(declared, surfaces.events());
    }

    @Test
    void interactivityIsOnBecauseThereAreButtonListeners() {
        assertTrue(manifest.path("settings").path("interactivity").path("is_enabled").asBoolean());
        assertTrue(!surfaces.actions().isEmpty());
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
        assertEquals(Set.of("commands", "chat:write", "app_mentions:read", "im:history", "im:write"), scopes);
    }

    @Test
    void theSlashCommandHasAUsageHint() {
        assertTrue(manifest.path("features").path("slash_commands").get(0).path("usage_hint").asText().contains("triage"));
    }

    private static JsonNode read() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(Path.of("manifest.yml").toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
