package io.attest.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TriageContentTest {
    private static final Path REAL_FILE = TestContent.INTENTS.resolve(TriageContent.FILE_NAME);

    @Test
    void theRealTriageFileHasEveryTextTheEngineNeeds() {
        TriageContent content = TriageContent.load(TestContent.INTENTS);

        for (String key : ContentKeys.REQUIRED.keySet()) {
            assertFalse(content.text(key).isBlank(), key);
        }
    }

    @Test
    void theRealTriageFileAsksTheEightQuestionsInTheirOrderWithTheirButtons() {
        List<TriageQuestion> questions = TestContent.content().questions();

        assertEquals(List.of("financial_impact", "customer_data", "requester", "first_audit_soon", "availability",
                "processing_integrity", "confidentiality", "privacy"),
                questions.stream().map(TriageQuestion::key).toList());
        assertEquals(List.of("yes", "no", "unsure"), values(questions.get(0)));
        assertEquals(List.of("yes", "no", "unsure"), values(questions.get(1)));
        assertEquals(List.of("auditor", "security", "both", "unknown"), values(questions.get(2)));
        for (TriageQuestion q : questions.subList(3, 8)) {
            assertEquals(List.of("yes", "no"), values(q), q.key());
        }
        assertEquals("Not sure", questions.get(0).labelFor("unsure"));
        assertEquals("Don't know", questions.get(2).labelFor("unknown"));
        questions.forEach(q -> assertFalse(q.help().isBlank(), q.key()));
    }

    @Test
    void theFirstAuditQuestionAsksAboutAFirstReportAndThePrivacyQuestionAboutCommitments() {
        TriageContent content = TestContent.content();
        String firstAudit = content.question("first_audit_soon").text().toLowerCase(Locale.ROOT);
        String privacy = content.question("privacy").text().toLowerCase(Locale.ROOT);

        assertTrue(firstAudit.contains("first") && !firstAudit.contains(" or "),
                "a renewal under deadline must not answer yes: " + firstAudit);
        assertTrue(privacy.contains("commitments") && privacy.contains("personal information"), privacy);
    }

    @Test
    void theRealTriageFileNeverCallsASocReportACertification() throws IOException {
        String text = Files.readString(REAL_FILE).toLowerCase(Locale.ROOT);

        assertFalse(text.contains("certified") || text.contains("certification"));
    }

    @Test
    void labelsAndHeadingsAreReadFromTheFile() {
        TriageContent content = TestContent.content();

        assertEquals("SOC 1 and SOC 2", content.reportsLabel(ReportSet.BOTH));
        assertEquals("Processing Integrity", content.categoryLabel(Soc2Category.PROCESSING_INTEGRITY));
        assertEquals("Security, Availability and Privacy", content.categoryList(
                List.of(Soc2Category.SECURITY, Soc2Category.AVAILABILITY, Soc2Category.PRIVACY)));
        assertEquals("Security", content.categoryList(List.of(Soc2Category.SECURITY)));
        assertEquals("What to tell the buyer", content.heading(TriageContent.Heading.BUYER_SUMMARY));
    }

    @Test
    void askingForAQuestionThatDoesNotExistFails() {
        assertThrows(IllegalArgumentException.class, () -> TestContent.content().question("security"));
    }

    private static List<String> values(TriageQuestion q) {
        return q.options().stream().map(TriageQuestion.Option::value).toList();
    }

    @Nested
    class LoadingFailures {
        private final YAMLMapper yaml = new YAMLMapper();

        @TempDir
        Path dir;

        /** Writes the real file, changed by {@code edit}, to the temp folder and loads it. */
        private TriageContentException loadEdited(Consumer<ObjectNode> edit) throws IOException {
            ObjectNode root = (ObjectNode) yaml.readTree(REAL_FILE.toFile());
            edit.accept((ObjectNode) root.get("triage"));
            yaml.writeValue(dir.resolve(TriageContent.FILE_NAME).toFile(), root);
            return assertThrows(TriageContentException.class, () -> TriageContent.load(dir));
        }

        private static ObjectNode question(ObjectNode triage, String key) {
            for (JsonNode q : triage.get("questions")) {
                if (q.get("key").asText().equals(key)) {
                    return (ObjectNode) q;
                }
            }
            throw new AssertionError(key);
        }

        @Test
        void problemsListsEveryProblemRelativeToTheFolderForValidate() throws IOException {
            loadEdited(t -> ((ObjectNode) t.get("rationale").get("requester")).remove("both"));

            assertEquals(List.of("triage.yml: triage.rationale.requester.both: missing text"),
                    TriageContent.problems(dir));
        }

        @Test
        void problemsIsEmptyForTheRealFile() {
            assertEquals(List.of(), TriageContent.problems(TestContent.INTENTS));
        }

        @Test
        void aMissingFileIsNamed() {
            var e = assertThrows(TriageContentException.class, () -> TriageContent.load(dir));

            assertTrue(e.getMessage().contains(dir.resolve("triage.yml").toString()), e.getMessage());
        }

        @Test
        void aMissingRationaleLineNamesTheFileAndTheKey() throws IOException {
            var e = loadEdited(t -> ((ObjectNode) t.get("rationale").get("customer_data")).remove("unsure"));

            assertEquals(List.of(dir.resolve("triage.yml") + ": triage.rationale.customer_data.unsure: missing text"),
                    e.problems());
        }

        @Test
        void aMissingNextStepNamesTheFileAndTheKey() throws IOException {
            var e = loadEdited(t -> ((ObjectNode) t.get("next_steps")).remove("cuecs"));

            assertTrue(e.getMessage().contains("triage.yml: triage.next_steps.cuecs: missing text"), e.getMessage());
        }

        @Test
        void everyProblemIsReportedNotJustTheFirst() throws IOException {
            var e = loadEdited(t -> {
                ((ObjectNode) t.get("next_steps")).remove("training");
                ((ObjectNode) t.get("buyer_summary")).remove("soc1");
            });

            assertEquals(2, e.problems().size(), e.getMessage());
        }

        @Test
        void anOptionValueTheInputDoesNotAllowIsRejected() throws IOException {
            var e = loadEdited(t -> ((ObjectNode) question(t, "customer_data").get("options").get(2))
                    .put("value", "maybe"));

            assertTrue(e.getMessage().contains("triage.yml: triage.questions[customer_data].options: 'maybe' is not "
                    + "a legal value of customer_data; allowed: yes, no, unsure"), e.getMessage());
        }

        @Test
        void aMissingQuestionIsReported() throws IOException {
            var e = loadEdited(t -> {
                ArrayNode questions = (ArrayNode) t.get("questions");
                questions.remove(questions.size() - 1);
            });

            assertTrue(e.getMessage().contains("triage.questions: no question for 'privacy'"), e.getMessage());
        }

        @Test
        void aQuestionForAnUnknownInputIsReported() throws IOException {
            var e = loadEdited(t -> question(t, "privacy").put("key", "pricing"));

            assertTrue(e.getMessage().contains("unknown input 'pricing'"), e.getMessage());
        }

        @Test
        void aButtonLabelTooLongForSlackIsReported() throws IOException {
            var e = loadEdited(t -> ((ObjectNode) question(t, "requester").get("options").get(0))
                    .put("label", "x".repeat(76)));

            assertTrue(e.getMessage().contains("triage.questions[requester].options[auditor].label"), e.getMessage());
        }

        @Test
        void anUnknownPlaceholderIsReported() throws IOException {
            var e = loadEdited(t -> ((ObjectNode) t.get("buyer_summary")).put("soc1", "We plan {kind}."));

            assertTrue(e.getMessage().contains("triage.buyer_summary.soc1: unknown placeholder {kind}; allowed: soc1_reason, type"),
                    e.getMessage());
        }

        @Test
        void aBuyerParagraphNamingTheBotIsReported() throws IOException {
            var e = loadEdited(t -> ((ObjectNode) t.get("buyer_summary"))
                    .put("soc2", "Attest says we are pursuing a SOC 2 covering {categories}: {type}."));

            assertEquals(List.of(dir.resolve("triage.yml") + ": triage.buyer_summary.soc2: names the bot ('Attest'); "
                    + "it is pasted to buyers as it is"), e.problems());
        }

        @Test
        void aBuyerParagraphNamingASlashCommandIsReported() throws IOException {
            var e = loadEdited(t -> ((ObjectNode) t.get("buyer_summary"))
                    .put("undetermined", "Could you tell us who will read it? We will run /soc triage again."));

            assertTrue(e.getMessage().contains("triage.buyer_summary.undetermined: names a /soc command ('/soc')"),
                    e.getMessage());
        }

        @Test
        void aBuyerParagraphSpeakingToTheVendorIsReported() throws IOException {
            var e = loadEdited(t -> ((ObjectNode) t.get("buyer_summary")).put("both",
                    "Your customers' auditors need a SOC 1 and a SOC 2 covering {categories}: {type}."));

            assertTrue(e.getMessage().contains("triage.buyer_summary.both: speaks to the vendor, not to the buyer who "
                    + "receives it ('Your customers')"), e.getMessage());
        }

        @Test
        void aBuyerReasonTalkingAboutSourcesIsReported() throws IOException {
            var e = loadEdited(t -> ((ObjectNode) t.get("buyer_summary").get("reasons").get("soc1"))
                    .put("financial_impact", "the sources say our service feeds into your books"));

            assertTrue(e.getMessage().contains("triage.buyer_summary.reasons.soc1.financial_impact: speaks of its "
                    + "sources ('the sources')"), e.getMessage());
        }

        @Test
        void everyUnsafeBuyerTextIsReportedAndInternalWordingIsNotHeldToIt() throws IOException {
            var e = loadEdited(t -> {
                ((ObjectNode) t.get("buyer_summary").get("type")).put("type2", "a Type 2 report, as Attest recommends");
                ((ObjectNode) t.get("buyer_summary")).put("undetermined", "Who reads it? See /soc help.");
                ((ObjectNode) t.get("rationale").get("requester")).put("auditor", "Your customers' auditors want a SOC 1.");
            });

            assertEquals(2, e.problems().size(), e.getMessage());
            assertTrue(e.getMessage().contains("triage.buyer_summary.type.type2: names the bot"), e.getMessage());
            assertFalse(e.getMessage().contains("triage.rationale"), "the rationale is for the rep: " + e.getMessage());
        }

        @Test
        void aMisspelledTextKeyIsReported() throws IOException {
            var e = loadEdited(t -> ((ObjectNode) t.get("next_steps")).put("trainig", "Train people."));

            assertTrue(e.getMessage().contains("triage.next_steps.trainig: unknown key"), e.getMessage());
        }

        @Test
        void anUnquotedYesReadAsABooleanIsReportedForTextsButAcceptedAsAnOptionValue() throws IOException {
            var e = loadEdited(t -> {
                ((ObjectNode) question(t, "privacy").get("options").get(0)).set("value", BooleanNode.TRUE);
                ((ObjectNode) t.get("labels").get("categories")).set("privacy", BooleanNode.TRUE);
            });

            assertEquals(List.of(dir.resolve("triage.yml") + ": triage.labels.categories.privacy: must be text "
                    + "(put yes, no, true or false in quotes)"), e.problems());
        }

        @Test
        void aFileWithoutTheTriageKeyIsRejected() throws IOException {
            Files.writeString(dir.resolve("triage.yml"), "questions: []\n");

            var e = assertThrows(TriageContentException.class, () -> TriageContent.load(dir));

            assertTrue(e.getMessage().endsWith("triage.yml: triage: missing top-level key"), e.getMessage());
        }

        @Test
        void aFileThatIsNotYamlIsRejected() throws IOException {
            Files.writeString(dir.resolve("triage.yml"), "triage: [unclosed\n");

            var e = assertThrows(TriageContentException.class, () -> TriageContent.load(dir));

            assertTrue(e.getMessage().contains("triage.yml: not valid YAML"), e.getMessage());
        }
    }
}
