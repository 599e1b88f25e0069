package io.attest.knowledge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Matching speed for docs/quality.md, run by {@code bench/matching} (pinned to one core). Not a test: nothing here
 * asserts a time, because the machines are shared and noisy.
 *
 * <p>Every distinct question of the repository's question sets is asked once of a fresh knowledge base (so nothing is
 * cached) after the same questions warmed the JIT up on another; then each is asked again (now from the reply cache).
 */
public final class MatchingBenchmark {

    private MatchingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        KnowledgeBase warm = KnowledgeBase.load(Path.of("intents"));
        long loadMs = (System.nanoTime() - t0) / 1_000_000;
        List<String> questions = questions();
        for (int round = 0; round < 3; round++) {
            KnowledgeBase again = round == 0 ? warm : KnowledgeBase.load(Path.of("intents"));
            questions.forEach(again::ask);
        }
        KnowledgeBase kb = KnowledgeBase.load(Path.of("intents"));
        long[] fresh = new long[questions.size()];
        for (int i = 0; i < fresh.length; i++) {
            long s = System.nanoTime();
            kb.ask(questions.get(i));
            fresh[i] = System.nanoTime() - s;
        }
        long[] cached = new long[questions.size()];
        for (int i = 0; i < cached.length; i++) {
            long s = System.nanoTime();
            kb.ask(questions.get(i));
            cached[i] = System.nanoTime() - s;
        }
        long[] longOnes = questions.stream().filter(q -> MessageReader.words(q) > MessageReader.SHORT_MESSAGE_WORDS)
                .mapToLong(q -> fresh[questions.indexOf(q)]).toArray();
        System.out.printf("machine: %d cores visible, %s %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"));
        System.out.printf("matching: %s%n", kb.matching());
        System.out.printf("knowledge base load: %d ms (first load in this JVM, model load included)%n", loadMs);
        System.out.printf("distinct questions, not cached (%d): p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                fresh.length, pct(fresh, 50), pct(fresh, 90), pct(fresh, 99), pct(fresh, 100));
        System.out.printf("  of which long messages (> %d words, %d): p50 %.2f ms, p99 %.2f ms%n",
                MessageReader.SHORT_MESSAGE_WORDS, longOnes.length, pct(longOnes, 50), pct(longOnes, 99));
        System.out.printf("repeated questions (reply cache): p50 %.1f µs, p99 %.1f µs%n", pct(cached, 50) * 1000, pct(cached, 99) * 1000);
        System.out.printf("resident memory after load and matching: %s%n", rss());
    }

    private static List<String> questions() throws Exception {
        Set<String> out = new LinkedHashSet<>();
        for (String file : List.of("src/test/resources/regression/calibration.jsonl", "src/test/resources/regression/questions.jsonl",
                "../shared/dev/questions.jsonl")) {
            Path p = Path.of(file);
            if (Files.exists(p)) {
                for (String line : Files.readAllLines(p)) {
                    if (!line.isBlank()) {
                        out.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(line).path("q").asText());
                    }
                }
            }
        }
        for (String line : Files.readAllLines(Path.of("src/test/resources/regression/intents.tsv"))) {
            out.add(line.split("\t")[0]);
        }
        return new ArrayList<>(out);
    }

    private static double pct(long[] nanos, int p) {
        if (nanos.length == 0) {
            return 0;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int i = Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }

    private static String rss() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS"))
                    .findFirst().map(l -> l.replaceAll("\\s+", " ")).orElse("unknown");
        } catch (Exception e) {
            return "unknown";
        }
    }
}
