package io.attest.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What text a rep may paste to a buyer must never contain: the one home of these rules, used by the knowledge base's
 * validator for answers and by the triage wording for its "what to tell the buyer" paragraphs. JDK only.
 */
public final class PasteSafety {

    /** Each rule, with what it means when the text breaks it. */
    private static final Map<Pattern, String> RULES = rules();

    private PasteSafety() {
    }

    private static Map<Pattern, String> rules() {
        Map<Pattern, String> rules = new LinkedHashMap<>();
        rules.put(Pattern.compile("\\battest\\b", Pattern.CASE_INSENSITIVE), "names the bot");
        rules.put(Pattern.compile("(^|[\\s(`])/soc\\b", Pattern.CASE_INSENSITIVE), "names a /soc command");
        rules.put(Pattern.compile("\\b(the|our|these|my|its) sources\\b|\\bsource documents?\\b|\\bknowledge base\\b",
                Pattern.CASE_INSENSITIVE), "speaks of its sources");
        rules.put(Pattern.compile("\\byour (customers|clients|buyers|prospects|user entities)\\b", Pattern.CASE_INSENSITIVE),
                "speaks to the vendor, not to the buyer who receives it");
        return rules;
    }

    /**
     * Every rule {@code text} breaks, each as "names the bot ('Attest')": what is wrong and the words that break it.
     * Empty when the text is safe to paste.
     */
    public static List<String> problems(String text) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<Pattern, String> rule : RULES.entrySet()) {
            Matcher found = rule.getKey().matcher(text);
            if (found.find()) {
                problems.add(rule.getValue() + " ('" + found.group().strip() + "')");
            }
        }
        return problems;
    }
}
