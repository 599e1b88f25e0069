package io.attest.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.attest.knowledge.Fixtures;
import io.attest.knowledge.KnowledgeBase;
import io.attest.knowledge.Language;
import io.attest.slack.Texts.Text;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What Attest says on Slack lives in language.yml, and stays there. */
class TextsTest {

    /** Two words of prose side by side: what a person reads, as opposed to an id, a key or a content type. */
    private static final Pattern PROSE = Pattern.compile("[A-Za-z]+'?[a-z]* [A-Za-z]{2,}");

    @Test
    void everyTextIsInTheShippedLanguageFileAndTheFixture() throws Exception {
        assertEquals(List.of(), Texts.missing(KnowledgeBase.load(Fixtures.realIntents()).language()));
        assertEquals(List.of(), Texts.missing(Fixtures.fixtureKnowledgeBase().language()));
    }

    @Test
    void placeholdersAreFilledByName() {
        Language language = new Language(List.of(), List.of(), List.of(), List.of(),
                Map.of(Text.SHARED_BY.key(), "Shared by <@{user}> from Attest"), Map.of(), Map.of(), List.of());
        assertEquals("Shared by <@U1> from Attest", new Texts(() -> language).get(Text.SHARED_BY, "user", "U1"));
    }

    @Test
    void aMissingTextIsNamed() {
        Language language = new Language(List.of(), List.of(), List.of(), List.of(), Map.of(), Map.of(), Map.of(), List.of());
        assertEquals(Text.values().length, Texts.missing(language).size());
        assertEquals(Text.USAGE_SLASH.key(), Texts.missing(language).get(0));
    }

    /**
     * Prose in a string literal under slack/ would reach Slack users without passing through language.yml. Log lines
     * and exception messages are for operators, the limit checker's findings for developers, and JSON bodies for
     * Slack itself; they may stay.
     */
    @Test
    void noUserVisibleProseIsHardCodedInTheSlackCode() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/attest/slack"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("BlockKitLimits.java")).sorted().toList()) {
                for (Literal literal : literals(Files.readString(file))) {
                    boolean forOperators = literal.statement().contains("LOG.") || literal.statement().contains("Exception(");
                    boolean forSlack = literal.text().startsWith("{");
                    if (!forOperators && !forSlack && PROSE.matcher(literal.text()).find()) {
                        found.add(file.getFileName() + ": \"" + literal.text() + "\"");
                    }
                }
            }
        }
        assertEquals(List.of(), found, "move these into language.yml (language.responses) and read them through Texts");
    }

    @Test
    void theScannerFindsProseAndPassesLogLines() {
        List<Literal> literals = literals("""
                class X { // "a comment, not code"
                    void f() { LOG.info("Sent the answer {}", x); show("Share in channel"); put("response_type", "in_channel"); }
                }
                """);
        assertEquals(List.of("Sent the answer {}", "Share in channel", "response_type", "in_channel"),
                literals.stream().map(Literal::text).toList());
        assertEquals(true, literals.get(0).statement().contains("LOG."));
        assertEquals(false, literals.get(1).statement().contains("LOG."));
    }

    /** A string literal and the statement it is part of. */
    private record Literal(String text, String statement) {
    }

    /** The string literals of Java source, outside comments, each with its whole statement. */
    private static List<Literal> literals(String source) {
        List<Literal> literals = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        StringBuilder statement = new StringBuilder();
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                i = source.indexOf('\n', i) < 0 ? source.length() : source.indexOf('\n', i);
            } else if (source.startsWith("/*", i)) {
                i = source.indexOf("*/", i) + 2;
            } else if (c == '\'') {
                int end = source.charAt(i + 1) == '\\' ? source.indexOf('\'', i + 3) : i + 2;
                i = end + 1;
            } else if (c == '"') {
                StringBuilder text = new StringBuilder();
                i++;
                while (source.charAt(i) != '"') {
                    if (source.charAt(i) == '\\') {
                        text.append(source.charAt(i + 1));
                        i += 2;
                    } else {
                        text.append(source.charAt(i++));
                    }
                }
                i++;
                pending.add(text.toString());
                statement.append("\"\"");
            } else {
                statement.append(c);
                if (c == ';' || c == '{' || c == '}') {
                    String whole = statement.toString();
                    pending.forEach(text -> literals.add(new Literal(text, whole)));
                    pending.clear();
                    statement.setLength(0);
                }
                i++;
            }
        }
        return literals;
    }
}
