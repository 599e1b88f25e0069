package io.attest.knowledge;

import io.attest.content.PasteSafety;
import io.attest.profile.ProfileWording;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Finds everything wrong with loaded content before it is ever used to answer. */
final class KnowledgeBaseValidator {

    /** An answer is shown in one Block Kit section, whose text Slack caps at 3,000 characters. */
    static final int MAX_ANSWER_CHARS = 3000;
    /** Titles become button labels, which Slack caps at 75 characters. */
    static final int MAX_TITLE_CHARS = 75;
    static final int MIN_ANSWER_EXAMPLES = 8;
    static final int MIN_OTHER_EXAMPLES = 3;
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");
    /** A rep reads the headline aloud or pastes it alone. */
    static final int MAX_HEADLINE_WORDS = 30;
    /** Longer than this and nobody pastes it into an email. */
    static final int MAX_ANSWER_WORDS = 150;
    private KnowledgeBaseValidator() {
    }

    static List<Problem> validate(List<Intent> intents, Language language) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Intent> byId = new HashMap<>();
        for (Intent intent : intents) {
            checkIntent(intent, problems);
            Intent earlier = byId.putIfAbsent(intent.id(), intent);
            if (earlier != null && !intent.id().isEmpty()) {
                problems.add(problem(intent, "duplicate id (also in " + earlier.file() + ")"));
            }
        }
        checkRelated(intents, byId, problems);
        checkExamplesAreUnique(intents, problems);
        if (language != null) {
            checkLanguage(language, problems);
            for (Intent intent : intents) {
                if (intent.isAnswer() && !intent.topic().isEmpty() && !language.topics().containsKey(intent.topic())) {
                    problems.add(problem(intent, "topic '" + intent.topic() + "' is not listed under language.topics"));
                }
            }
            checkSubjects(intents, language, problems);
            checkSources(intents, language, problems);
            for (String p : ProfileWording.problems(language.ourReports())) {
                problems.add(new Problem(KnowledgeBaseLoader.LANGUAGE_FILE, "our_reports", p));
            }
        }
        return problems;
    }

    /** {@code about:} names known subjects, each of which the intent's title or answer actually speaks of. */
    private static void checkSubjects(List<Intent> intents, Language language, List<Problem> problems) {
        Subjects subjects;
        try {
            subjects = new Subjects(language.subjects());
        } catch (PatternSyntaxException e) {
            return; // reported by checkLanguage
        }
        for (Intent intent : intents) {
            Set<String> seen = new HashSet<>();
            for (String id : intent.about()) {
                if (!seen.add(id)) {
                    problems.add(problem(intent, "about lists '" + id + "' twice"));
                } else if (!subjects.known(id)) {
                    problems.add(problem(intent, "about '" + id + "' is not a subject listed under language.subjects"));
                } else if (intent.isAnswer() && !subjects.names(intent.title() + "\n" + intent.answer(), id)) {
                    problems.add(problem(intent, "about '" + id + "', but neither its title nor its answer names it"));
                }
            }
        }
    }

    /**
     * Answers are pasted to buyers as they are: they name no bot, no sources and no command, speak to the buyer
     * rather than to the vendor, and stay short enough to paste.
     */
    private static void checkPasteSafety(Intent intent, List<Problem> problems) {
        String answer = intent.answer();
        if (answer.isEmpty()) {
            return;
        }
        for (String broken : PasteSafety.problems(answer)) {
            problems.add(problem(intent, "answer " + broken + "; it is pasted to buyers as it is"));
        }
        int headline = words(answer.lines().findFirst().orElse(""));
        if (headline > MAX_HEADLINE_WORDS) {
            problems.add(problem(intent, "headline is " + headline + " words; at most " + MAX_HEADLINE_WORDS));
        }
        int total = words(answer);
        if (total > MAX_ANSWER_WORDS) {
            problems.add(problem(intent, "answer is " + total + " words; at most " + MAX_ANSWER_WORDS));
        }
    }

    static int words(String mrkdwn) {
        String plain = mrkdwn.replaceAll("[*_~`•]", " ").strip();
        return plain.isEmpty() ? 0 : plain.split("\\s+").length;
    }

    /** Every source an intent cites is in the catalogue (language.sources), so one source has one name. */
    private static void checkSources(List<Intent> intents, Language language, List<Problem> problems) {
        Set<String> catalogue = new HashSet<>();
        for (String source : language.sources()) {
            if (!catalogue.add(source)) {
                problems.add(new Problem(KnowledgeBaseLoader.LANGUAGE_FILE, "sources", "'" + source + "' is listed twice"));
            }
        }
        for (Intent intent : intents) {
            if (intent.isAnswer() && intent.sources().isEmpty()) {
                problems.add(problem(intent, "has no sources: name the source documents or public standards its facts come from"));
            }
            Set<String> seen = new HashSet<>();
            for (String source : intent.sources()) {
                if (!seen.add(source)) {
                    problems.add(problem(intent, "sources lists '" + source + "' twice"));
                } else if (!catalogue.contains(source)) {
                    problems.add(problem(intent, "source '" + source + "' is not listed under language.sources"));
                }
            }
        }
    }

    private static void checkIntent(Intent intent, List<Problem> problems) {
        if (intent.id().isEmpty()) {
            problems.add(problem(intent, "has no id"));
        } else if (!ID.matcher(intent.id()).matches()) {
            problems.add(problem(intent, "id must be snake_case (a-z, 0-9, _)"));
        }
        if (intent.title().isEmpty()) {
            problems.add(problem(intent, "has no title"));
        } else if (intent.title().length() > MAX_TITLE_CHARS) {
            problems.add(problem(intent, "title is " + intent.title().length()
                    + " characters; a button label holds at most " + MAX_TITLE_CHARS));
        }
        if (intent.answer().isEmpty()) {
            problems.add(problem(intent, "has an empty answer"));
        } else if (intent.answer().length() > MAX_ANSWER_CHARS) {
            problems.add(problem(intent, "answer is " + intent.answer().length()
                    + " characters; a Slack section holds at most " + MAX_ANSWER_CHARS));
        }
        if (intent.repNote() != null && intent.repNote().length() > MAX_ANSWER_CHARS) {
            problems.add(problem(intent, "rep_note is longer than " + MAX_ANSWER_CHARS + " characters"));
        }
        int minimum = intent.isAnswer() ? MIN_ANSWER_EXAMPLES : MIN_OTHER_EXAMPLES;
        if (intent.examples().size() < minimum) {
            problems.add(problem(intent, "has " + intent.examples().size() + " example(s); at least " + minimum
                    + " varied questions are needed to match it reliably"));
        }
        if (intent.isAnswer() && intent.topic().isEmpty()) {
            problems.add(problem(intent, "has no topic"));
        }
        if (intent.isAnswer()) {
            checkPasteSafety(intent, problems);
        }
        if (!intent.isAnswer() && !intent.related().isEmpty()) {
            problems.add(problem(intent, "only answers may have related topics"));
        }
        if (!intent.isAnswer() && (intent.fromProfile() != null || intent.forUs() != null)) {
            problems.add(problem(intent, "only answers may speak of our report profile (from_profile, for_us)"));
        }
        if (intent.fromProfile() != null && intent.forUs() != null) {
            problems.add(problem(intent, "has both from_profile and for_us; an answer from the profile needs no \"For us\" line"));
        }
    }

    private static void checkRelated(List<Intent> intents, Map<String, Intent> byId, List<Problem> problems) {
        for (Intent intent : intents) {
            for (String related : intent.related()) {
                Intent target = byId.get(related);
                if (target == null) {
                    problems.add(problem(intent, "related '" + related + "' does not exist"));
                } else if (related.equals(intent.id())) {
                    problems.add(problem(intent, "is related to itself"));
                } else if (!target.isAnswer()) {
                    problems.add(problem(intent, "related '" + related + "' is not an answer"));
                }
            }
        }
    }

    private static void checkExamplesAreUnique(List<Intent> intents, List<Problem> problems) {
        Map<String, Intent> owner = new HashMap<>();
        for (Intent intent : intents) {
            Set<String> own = new HashSet<>();
            for (String example : intent.examples()) {
                String key = normalise(example);
                if (!own.add(key)) {
                    problems.add(problem(intent, "example '" + example + "' is listed twice"));
                    continue;
                }
                Intent other = owner.putIfAbsent(key, intent);
                if (other != null) {
                    problems.add(problem(intent, "example '" + example + "' is also an example of "
                            + other.id() + " (" + other.file() + ")"));
                }
            }
        }
    }

    private static void checkLanguage(Language language, List<Problem> problems) {
        String file = KnowledgeBaseLoader.LANGUAGE_FILE;
        for (String marker : language.steeringMarkers()) {
            try {
                Pattern.compile(marker);
            } catch (PatternSyntaxException e) {
                problems.add(new Problem(file, "steering_markers", "'" + marker + "' is not a valid pattern"));
            }
        }
        for (String marker : language.offTaskMarkers()) {
            try {
                Pattern.compile(marker);
            } catch (PatternSyntaxException e) {
                problems.add(new Problem(file, "off_task_markers", "'" + marker + "' is not a valid pattern"));
            }
        }
        Set<String> subjectIds = new HashSet<>();
        language.subjects().forEach((group, members) -> members.forEach((id, regex) -> {
            if (!subjectIds.add(id)) {
                problems.add(new Problem(file, "subjects", "'" + id + "' is listed in more than one group"));
            }
            try {
                Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                problems.add(new Problem(file, "subjects", "'" + id + "' in group '" + group + "' is not a valid pattern"));
            }
        }));
        for (String name : Language.REQUIRED_RESPONSES) {
            if (language.response(name).isBlank()) {
                problems.add(new Problem(file, "responses", "'" + name + "' is missing"));
            }
        }
        try {
            QuestionAnalyzer.synonymMap(language.synonyms());
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(file, "synonyms", e.getMessage()));
        }
    }

    /** Two examples are the same question if they differ only in case, spacing and punctuation. */
    static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }

    private static Problem problem(Intent intent, String message) {
        return new Problem(intent.file(), intent.id().isEmpty() ? null : intent.id(), message);
    }
}
