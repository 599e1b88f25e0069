package io.attest.slack;

import com.slack.api.Slack;
import com.slack.api.bolt.AppConfig;
import io.attest.knowledge.Fixtures;
import io.attest.knowledge.KnowledgeBase;
import java.time.Clock;

/** The Slack surfaces over the fixture knowledge base, for tests that need no server. */
final class TestSurfaces {

    private TestSurfaces() {
    }

    static SlackSurfaces build(KnowledgeBase kb, TriageSurface triage) {
        Slack slack = Slack.getInstance();
        AppConfig config = AppConfig.builder().signingSecret("s").slack(slack).requestVerificationEnabled(false).build();
        return new SlackSurfaces(config, new SlackSurfaces.Dependencies(
                () -> kb, new SlackWebApi(slack, "xoxb-unused"), new Work(1), Clock.systemUTC(), triage));
    }

    static SlackSurfaces build() {
        return build(Fixtures.fixtureKnowledgeBase(), null);
    }
}
