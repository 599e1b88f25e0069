package io.attest.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeBaseValidatorTest {

    @TempDir
    Path dir;

    @Test
    void theFixtureKnowledgeBaseHasNoProblems() throws IOException {
        assertEquals(List.of(), KnowledgeBase.validate(Fixtures.fixtureIntents()));
    }

    @Nested
    class ProblemsAreReportedWithFileAndId {

        @Test
        void aDuplicateIdIsReported() throws IOException {
            write("dup.yml", intent("soc1_what", "a brand new question about duplicates"));
            assertProblem("dup.yml: soc1_what: duplicate id (also in answers.yml)");
        }

        @Test
        void theSameExampleUnderTwoIntentsIsReported() throws IOException {
            write("extra.yml", intent("another_one", "Is SOC 2 a  certification?"));
            assertProblem("extra.yml: another_one: example 'Is SOC 2 a  certification?' is also an example of soc2_attestation (answers.yml)");
        }

        @Test
        void anEmptyAnswerIsReported() throws IOException {
            write("empty.yml", intent("empty_answer", "a question with no answer").replace("answer: \"An answer.\"", "answer: \"\""));
            assertProblem("empty.yml: empty_answer: has an empty answer");
        }

        @Test
        void aBrokenRelatedLinkIsReported() throws IOException {
            write("broken.yml", intent("broken_link", "a question with a broken link").replace("related: []", "related: [nowhere]"));
            assertProblem("broken.yml: broken_link: related 'nowhere' does not exist");
        }

        @Test
        void anAnswerOverTheBlockKitSectionLimitIsReported() throws IOException {
            write("long.yml", intent("too_long", "a question with a long answer")
                    .replace("answer: \"An answer.\"", "answer: \"" + "x".repeat(3001) + "\""));
            assertProblem("long.yml: too_long: answer is 3001 characters; a Slack section holds at most 3000");
        }

        @Test
        void tooFewExamplesAreReported() throws IOException {
            write("few.yml", """
                    intents:
                      - id: few_examples
                        title: Few
                        topic: basics
                        examples: [only one question here]
                        answer: "An answer."
                    """);
            assertProblem("few.yml: few_examples: has 1 example(s); at least 8 varied questions are needed to match it reliably");
        }

        @Test
        void brokenYamlIsReportedWithItsFile() throws IOException {
            write("broken.yml", "intents:\n  - id: [unclosed\n");
            List<Problem> problems = KnowledgeBase.validate(dir);
            assertTrue(problems.stream().anyMatch(p -> p.toString().startsWith("broken.yml: is not valid YAML")), problems.toString());
        }

        @Test
        void everyProblemIsListedNotJustTheFirst() throws IOException {
            write("many.yml", intent("first_bad", "first unique question").replace("related: []", "related: [gone]")
                    + intent("second_bad", "second unique question").replace("intents:\n", "").replace("answer: \"An answer.\"", "answer: \"\""));
            List<Problem> problems = KnowledgeBase.validate(dir);
            assertTrue(problems.stream().anyMatch(p -> p.id() != null && p.id().equals("first_bad")), problems.toString());
            assertTrue(problems.stream().anyMatch(p -> p.id() != null && p.id().equals("second_bad")), problems.toString());
        }

        @Test
        void anUnknownTopicIsReported() throws IOException {
            write("topic.yml", intent("odd_topic", "a question in an odd topic").replace("topic: basics", "topic: nowhere"));
            assertProblem("topic.yml: odd_topic: topic 'nowhere' is not listed under language.topics");
        }

        @Test
        void anUnknownSubjectInAboutIsReported() throws IOException {
            write("about.yml", intent("odd_subject", "a question about an odd subject").replace("related: []", "related: []\n    about: [soc9]"));
            assertProblem("about.yml: odd_subject: about 'soc9' is not a subject listed under language.subjects");
        }

        @Test
        void aSubjectTheAnswerNeverNamesIsReported() throws IOException {
            write("about.yml", intent("silent_subject", "a question about a silent subject")
                    .replace("answer: \"An answer.\"", "answer: \"Only SOC 1 is named here.\"")
                    .replace("related: []", "related: []\n    about: [soc1, type2]"));
            List<String> problems = KnowledgeBase.validate(dir).stream().map(Problem::toString).toList();
            assertTrue(problems.contains("about.yml: silent_subject: about 'type2', but neither its title nor its answer names it"),
                    problems.toString());
            assertTrue(problems.stream().noneMatch(p -> p.contains("about 'soc1'")), problems.toString());
        }

        @Test
        void aSubjectListedTwiceIsReported() throws IOException {
            write("about.yml", intent("twice_subject", "a question about soc 1 twice")
                    .replace("answer: \"An answer.\"", "answer: \"SOC 1.\"").replace("related: []", "related: []\n    about: [soc1, soc1]"));
            assertProblem("about.yml: twice_subject: about lists 'soc1' twice");
        }

        @Test
        void aSourceMissingFromTheCatalogueIsReported() throws IOException {
            write("sources.yml", intent("odd_source", "a question with an odd source")
                    .replace("related: []", "related: []\n    sources: [Fixture guide, A blog I once read]"));
            List<String> problems = KnowledgeBase.validate(dir).stream().map(Problem::toString).toList();
            assertTrue(problems.contains("sources.yml: odd_source: source 'A blog I once read' is not listed under language.sources"),
                    problems.toString());
            assertTrue(problems.stream().noneMatch(p -> p.contains("'Fixture guide'")), problems.toString());
        }

        @Test
        void aBrokenSubjectPatternIsReported() throws IOException {
            Fixtures.copyOfFixture(dir);
            Path language = dir.resolve("language.yml");
            Files.writeString(language, Files.readString(language).replace("\"\\\\btype ?2\\\\b\"", "\"type (2\""));
            assertProblem("language.yml: subjects: 'type2' in group 'type' is not a valid pattern");
        }

        @Test
        void aSubjectInTwoGroupsIsReported() throws IOException {
            Fixtures.copyOfFixture(dir);
            Path language = dir.resolve("language.yml");
            Files.writeString(language, Files.readString(language).replace("type1: ", "soc1: "));
            assertProblem("language.yml: subjects: 'soc1' is listed in more than one group");
        }

        @Test
        void anAnswerWithoutAboutIsReported() throws IOException {
            write("about.yml", intent("no_about", "a question whose answer says nothing about its subjects"));
            assertProblem("about.yml: no_about: has no 'about': list the subjects its answer speaks to, or [] when it is general");
        }

        @Test
        void anAnswerWithAnEmptyAboutIsGeneralAndFine() throws IOException {
            write("about.yml", safe(intent("general_answer", "a general question for every report")));
            List<String> problems = KnowledgeBase.validate(dir).stream().map(Problem::toString).toList();
            assertTrue(problems.stream().noneMatch(p -> p.contains("general_answer")), problems.toString());
        }

        @Test
        void anAnswerWithoutSourcesIsReported() throws IOException {
            write("sources.yml", intent("no_sources", "a question answered from nowhere").replace("related: []", "related: []\n    about: []"));
            assertProblem("sources.yml: no_sources: has no sources: name the source documents or public standards its facts come from");
        }

        @Test
        void anAnswerNamingTheBotIsReported() throws IOException {
            write("paste.yml", safe(intent("names_bot", "a question about the bot")).replace("answer: \"An answer.\"",
                    "answer: \"Attest says SOC 2 is an attestation.\""));
            assertProblem("paste.yml: names_bot: answer names the bot ('Attest'); it is pasted to buyers as it is");
        }

        @Test
        void anAnswerNamingASlashCommandIsReported() throws IOException {
            write("paste.yml", safe(intent("names_command", "a question about commands")).replace("answer: \"An answer.\"",
                    "answer: \"Run /soc triage to decide.\""));
            assertProblem("paste.yml: names_command: answer names a /soc command ('/soc'); it is pasted to buyers as it is");
        }

        @Test
        void anAnswerTalkingAboutItsSourcesIsReported() throws IOException {
            write("paste.yml", safe(intent("names_sources", "a question about sources")).replace("answer: \"An answer.\"",
                    "answer: \"The sources give no figure.\""));
            assertProblem("paste.yml: names_sources: answer speaks of its sources ('The sources'); it is pasted to buyers as it is");
        }

        @Test
        void anAnswerSpeakingToTheVendorIsReported() throws IOException {
            write("paste.yml", safe(intent("to_vendor", "a question about customers")).replace("answer: \"An answer.\"",
                    "answer: \"A SOC 1 covers your customers' financial reporting.\""));
            assertProblem("paste.yml: to_vendor: answer speaks to the vendor, not to the buyer who receives it ('your customers'); "
                    + "it is pasted to buyers as it is");
        }

        @Test
        void aHeadlineOverThirtyWordsIsReported() throws IOException {
            String headline = "word ".repeat(31).strip();
            write("long.yml", safe(intent("long_headline", "a question with a long headline")).replace("answer: \"An answer.\"",
                    "answer: |\n      " + headline + "\n      A short second line."));
            assertProblem("long.yml: long_headline: headline is 31 words; at most 30");
        }

        @Test
        void aHeadlineOfThirtyWordsIsFine() throws IOException {
            write("long.yml", safe(intent("fine_headline", "a question with a headline at the limit")).replace("answer: \"An answer.\"",
                    "answer: \"" + "word ".repeat(30).strip() + "\""));
            List<String> problems = KnowledgeBase.validate(dir).stream().map(Problem::toString).toList();
            assertTrue(problems.stream().noneMatch(p -> p.contains("fine_headline")), problems.toString());
        }

        @Test
        void anAnswerOverOneHundredFiftyWordsIsReported() throws IOException {
            String body = ("• " + "word ".repeat(10).strip() + "\n      ").repeat(15);
            write("long.yml", safe(intent("long_answer", "a question with a long answer")).replace("answer: \"An answer.\"",
                    "answer: |\n      *Short headline.*\n      " + body.strip()));
            assertProblem("long.yml: long_answer: answer is 152 words; at most 150");
        }

        @Test
        void anUnknownProfileViewIsReported() throws IOException {
            write("ours.yml", safe(intent("our_thing", "do we have the thing")).replace("topic: basics", "topic: basics\n    from_profile: everything"));
            assertProblem("ours.yml: our_thing: from_profile 'everything' is not one of: reports, sharing, period, currency, "
                    + "bridge_letter, next_audit, contact, opinion");
        }

        @Test
        void anAnswerWithBothFromProfileAndForUsIsReported() throws IOException {
            write("ours.yml", safe(intent("our_thing", "do we have the thing"))
                    .replace("topic: basics", "topic: basics\n    from_profile: reports\n    for_us: sharing"));
            assertProblem("ours.yml: our_thing: has both from_profile and for_us; an answer from the profile needs no \"For us\" line");
        }

        @Test
        void aDeclineSpeakingOfTheProfileIsReported() throws IOException {
            write("ours.yml", intent("our_decline", "not our thing").replace("topic: basics", "topic: basics\n    kind: decline\n    for_us: reports")
                    .replace("    related: []\n", ""));
            assertProblem("ours.yml: our_decline: only answers may speak of our report profile (from_profile, for_us)");
        }

        @Test
        void missingOrUnsafeProfileWordingIsReported() throws IOException {
            write("answers.yml", Files.readString(Fixtures.fixtureIntents().resolve("answers.yml")));
            String language = Files.readString(dir.resolve("language.yml"))
                    .replace("      contact: \"Ask {contact} about our SOC reports.\"\n", "")
                    .replace("{offers} A SOC report", "{offers} {price} Attest says a SOC report");
            Files.writeString(dir.resolve("language.yml"), language);
            assertProblem("language.yml: our_reports: facts.contact: is missing");
            assertProblem("language.yml: our_reports: triage.buyer_met: unknown placeholder {price}; allowed: offers");
            assertProblem("language.yml: our_reports: triage.buyer_met: names the bot ('Attest'); it reaches buyers as it is");
        }

        @Test
        void aBrokenProfileIsReportedWithFileAndField() throws IOException {
            write("company.yml", "company:\n  contact: {name: compliance, slack: S0COMPLY01}\n  reports:\n    - kind: SOC 2\n      type: Type 9\n");
            assertProblem("company.yml: reports[1].type: 'Type 9' is not a report type; use Type 1 or Type 2");
        }

        @Test
        void theExampleProfileIsNeverReadAsContent() throws IOException {
            write("company.example.yml", "company:\n  nothing: [valid here]\nintents: not a list\n");
            assertEquals(List.of(), KnowledgeBase.validate(dir));
        }

        private void assertProblem(String expected) throws IOException {
            List<String> problems = KnowledgeBase.validate(dir).stream().map(Problem::toString).toList();
            assertTrue(problems.contains(expected), "expected <" + expected + "> in " + problems);
        }

        private void write(String name, String yaml) throws IOException {
            if (!Files.exists(dir.resolve("language.yml"))) {
                Fixtures.copyOfFixture(dir);
            }
            Files.writeString(dir.resolve(name), yaml);
        }

        /** {@code yaml} with the about and sources every answer needs, so only the problem under test remains. */
        private String safe(String yaml) {
            return yaml.replace("related: []", "related: []\n    about: []\n    sources: [Fixture guide]");
        }

        private String intent(String id, String firstExample) {
            StringBuilder examples = new StringBuilder("      - \"" + firstExample + "\"\n");
            for (int i = 1; i < 8; i++) {
                examples.append("      - \"").append(id).append(" variant question ").append(i).append("\"\n");
            }
            return "intents:\n  - id: " + id + "\n    title: A title\n    topic: basics\n    examples:\n" + examples
                    + "    answer: \"An answer.\"\n    related: []\n";
        }
    }
}
