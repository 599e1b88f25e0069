package io.attest.slack.answers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.attest.knowledge.Fixtures;
import io.attest.knowledge.Intent;
import io.attest.knowledge.KnowledgeBase;
import io.attest.knowledge.Reply;
import io.attest.knowledge.ReplyKind;
import io.attest.knowledge.Suggestion;
import io.attest.slack.BlockKit;
import io.attest.slack.BlockKitLimits;
import io.attest.slack.SlackMessage;
import io.attest.slack.Texts;
import io.attest.slack.Texts.Text;
import io.attest.slack.feedback.AnswerRef;
import io.attest.slack.feedback.FeedbackMessages;
import io.attest.store.ChannelType;
import io.attest.store.Surface;
import java.util.UUID;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Block Kit output compared as JSON trees against golden files in src/test/resources/golden. To accept a
 * deliberate change, run with -Dgolden.update=true and review the diff of the golden files.
 */
class MessageRendererTest {

    private final KnowledgeBase kb = Fixtures.fixtureKnowledgeBase();
    private final List<ObjectNode> triageButton = List.of(BlockKit.button("Start triage", "start_triage", "start"));
    private final MessageRenderer renderer = new MessageRenderer(() -> kb, new Texts(kb::language), triageButton,
            new FeedbackMessages(new Texts(kb::language)), true);

    /** A reply to a recorded question "Q1": answers carry feedback buttons, declines and "Did you mean…" an offer. */
    private SlackMessage recorded(Reply reply, Audience audience) {
        String ref = reply.kind() == ReplyKind.ANSWER
                ? new AnswerRef("Q1", Surface.SLASH, ChannelType.PUBLIC, reply.intentId(), 0.9).encode() : null;
        return renderer.reply(reply, audience, "Q1", ref);
    }

    @ParameterizedTest
    @CsvSource({
            "is soc 2 a certification?, ASKER_ONLY, answer-asker-only",
            "is soc 2 a certification?, CHANNEL, answer-channel",
            "is soc 2 a certification?, DIRECT, answer-direct",
            "what's 17 * 23, ASKER_ONLY, decline",
            "good morning, CHANNEL, greeting"})
    void repliesMatchTheirGoldenFiles(String question, Audience audience, String golden) throws IOException {
        assertGolden(golden, recorded(kb.ask(question), audience).toJson());
    }

    @Test
    void didYouMeanMatchesItsGoldenFile() throws IOException {
        Reply reply = new Reply(ReplyKind.DID_YOU_MEAN, null, 0.3, "x", null,
                List.of(new Suggestion("soc1_what", "What is SOC 1?"), new Suggestion("type1_vs_type2", "Type 1 vs Type 2")));
        assertGolden("did-you-mean", recorded(reply, Audience.ASKER_ONLY).toJson());
    }

    @Test
    void aSharedAnswerNamesWhoSharedItAndLeavesOutTheRepNoteAndTheSources() throws IOException {
        SlackMessage shared = renderer.shared(kb.answer("soc2_attestation").orElseThrow(), "U123");
        assertGolden("shared", shared.toJson());
        assertFalse(shared.toJson().toString().contains("For reps"));
        assertFalse(shared.toJson().toString().contains("Sources:"));
    }

    @Test
    void theForUsLineIsPartOfTheAnswerAndTheProfileNotesAreForTheRepOnly() throws IOException {
        Reply base = kb.answer("soc2_attestation").orElseThrow();
        Reply reply = new Reply(base.kind(), base.intent(), base.confidence(), base.text(), base.repNote(), base.suggestions(),
                null, "*For us:* We hold a SOC 2 Type 2 report for the period 1 October 2025 to 30 September 2026, issued by "
                + "Harbor & Finch LLP; request it via https://trust.northwind.example/soc2 (NDA required).",
                List.of("Our SOC 2 Type 2 report's period ended 14 months ago: a new report is due."), "soc2_attestation|soc2");
        assertGolden("answer-for-us-asker-only", renderer.reply(reply, Audience.ASKER_ONLY).toJson());
        SlackMessage shared = renderer.shared(reply, "U123");
        assertGolden("shared-for-us", shared.toJson());
        assertTrue(shared.toJson().toString().contains("*For us:*"), "the shared copy keeps the facts about us");
        assertFalse(shared.toJson().toString().contains("a new report is due"), "and leaves out the rep's notes");
        assertFalse(renderer.reply(reply, Audience.CHANNEL).toJson().toString().contains("a new report is due"));
    }

    @Test
    void aReplyWithoutAShareKeyIsNotOfferedForSharing() {
        Reply base = kb.answer("soc2_attestation").orElseThrow();
        Reply notice = new Reply(base.kind(), base.intent(), base.confidence(), "*Our report profile has not been filled in yet.*",
                null, base.suggestions(), null, null, List.of(), null);
        assertFalse(renderer.reply(notice, Audience.ASKER_ONLY).toJson().toString().contains("share_answer"));
    }

    @Test
    void aSecondQuestionInTheMessageGetsItsOwnButtonAboveTheRelatedTopics() throws IOException {
        Reply reply = kb.ask("We have a call with the finance team at the bank tomorrow and I want to be ready for "
                + "both of their usual questions. What is soc 1? And what is the difference between type 1 and type 2?");
        assertGolden("answer-also-asked", recorded(reply, Audience.ASKER_ONLY).toJson());
    }

    @Test
    void helpAndTopicsMatchTheirGoldenFiles() throws IOException {
        assertGolden("help-slash", renderer.help(Text.USAGE_SLASH).toJson());
        assertGolden("topics", renderer.topics().toJson());
    }

    @Test
    void everyMessageForEveryRealIntentKeepsBlockKitLimits() throws Exception {
        KnowledgeBase real = KnowledgeBase.load(Fixtures.realIntents());
        MessageRenderer realRenderer = new MessageRenderer(() -> real, new Texts(real::language), triageButton,
                new FeedbackMessages(new Texts(real::language)), true);
        List<String> problems = new ArrayList<>();
        for (Intent intent : real.answers()) {
            Reply reply = real.answer(intent.id()).orElseThrow();
            for (Audience audience : Audience.values()) {
                BlockKitLimits.violations(realRenderer.reply(reply, audience, "Q1", new AnswerRef(UUID.randomUUID().toString(),
                                Surface.SHORTCUT, ChannelType.GROUP_DIRECT, intent.id(), 1.0).encode()).blocks())
                        .forEach(v -> problems.add(intent.id() + " " + audience + ": " + v));
            }
            BlockKitLimits.violations(realRenderer.shared(reply, "U1").blocks()).forEach(v -> problems.add(intent.id() + " shared: " + v));
        }
        for (String question : List.of("", "hello", "pci dss", "soc", "what is the weather")) {
            BlockKitLimits.violations(realRenderer.reply(real.ask(question), Audience.ASKER_ONLY, UUID.randomUUID().toString(),
                    null).blocks())
                    .forEach(v -> problems.add("'" + question + "': " + v));
        }
        BlockKitLimits.violations(realRenderer.topics().blocks()).forEach(v -> problems.add("topics: " + v));
        BlockKitLimits.violations(realRenderer.help(Text.USAGE_SLASH).blocks()).forEach(v -> problems.add("help: " + v));
        assertEquals(List.of(), problems);
    }

    @Test
    void everyMessageKeepsBlockKitLimitsWithTheExampleProfileFilledIn(@TempDir Path dir) throws Exception {
        KnowledgeBase real = KnowledgeBase.load(Fixtures.realIntentsWithExampleProfile(dir));
        MessageRenderer realRenderer = new MessageRenderer(() -> real, new Texts(real::language), triageButton,
                new FeedbackMessages(new Texts(real::language)), true);
        List<String> problems = new ArrayList<>();
        for (Intent intent : real.answers()) {
            Reply reply = real.answer(intent.id()).orElseThrow();
            for (Audience audience : Audience.values()) {
                BlockKitLimits.violations(realRenderer.reply(reply, audience, UUID.randomUUID().toString(), null).blocks())
                        .forEach(v -> problems.add(intent.id() + " " + audience + ": " + v));
            }
            BlockKitLimits.violations(realRenderer.shared(reply, "U1").blocks()).forEach(v -> problems.add(intent.id() + " shared: " + v));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theLimitCheckerCatchesEachKindOfOverflow() {
        var blocks = BlockKit.blocks();
        blocks.add(BlockKit.section("x".repeat(3001)));
        ObjectNode actions = BlockKit.actions("a".repeat(256));
        ((com.fasterxml.jackson.databind.node.ArrayNode) actions.get("elements"))
                .add(BlockKit.button("b".repeat(76), "c", "v".repeat(2001)));
        blocks.add(actions);
        for (int i = 0; i < 49; i++) {
            blocks.add(BlockKit.divider());
        }
        List<String> violations = BlockKitLimits.violations(blocks);
        assertEquals(5, violations.size(), violations.toString());
    }

    private static void assertGolden(String name, JsonNode actual) throws IOException {
        Path file = Path.of("src/test/resources/golden", name + ".json");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(file, BlockKit.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(actual) + "\n");
        }
        assertTrue(Files.exists(file), file + " is missing; create it with -Dgolden.update=true and review it");
        assertEquals(BlockKit.JSON.readTree(file.toFile()), actual, "differs from " + file);
    }
}
