package io.attest.app;

import io.attest.knowledge.Fixtures;
import io.attest.local.LocalSlack;
import io.attest.store.TestDatabases;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Configurations for tests, read through {@link Config#fromEnvironment} as Attest reads its real environment. */
final class TestConfigs {

    static final String SECRET = "test-signing-secret";
    static final String TOKEN = "xoxb-test-token-123";

    private TestConfigs() {
    }

    /**
     * Talking to {@code slack} with the fixture intents on a free port and an embedded database of its own;
     * {@code env} adds or overrides variables.
     */
    static Config forSlack(LocalSlack slack, String... env) {
        Map<String, String> vars = new HashMap<>(Map.of("SLACK_SIGNING_SECRET", SECRET, "SLACK_BOT_TOKEN", TOKEN,
                "PORT", "0", "SLACK_API_URL", slack.apiUrl(), "ATTEST_INTENTS", Fixtures.fixtureIntents().toString()));
        return with(vars, env);
    }

    /** Local mode on a free port, reading intents from {@code intents}. */
    static Config local(Path intents, String... env) {
        return with(new HashMap<>(Map.of("PORT", "0", "ATTEST_INTENTS", intents.toString())), env);
    }

    /** A fresh data folder for the embedded database. */
    static String dataFolder() {
        return TestDatabases.folder("data").toString();
    }

    private static Config with(Map<String, String> vars, String... env) {
        vars.put("ATTEST_DATA", dataFolder());
        for (int i = 0; i + 1 < env.length; i += 2) {
            vars.put(env[i], env[i + 1]);
        }
        return Config.fromEnvironment(vars);
    }
}
