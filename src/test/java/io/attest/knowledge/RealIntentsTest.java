package io.attest.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The intents folder that ships: every problem is listed with its file and id. */
class RealIntentsTest {

    @Test
    void theShippedIntentsHaveNoProblems() throws IOException {
        List<Problem> problems = KnowledgeBase.validate(Fixtures.realIntents());
        assertEquals("", problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
    }

    @Test
    void everyTopicInTheIssueIsCovered() throws Exception {
        KnowledgeBase kb = KnowledgeBase.load(Fixtures.realIntents());
        for (String topic : kb.language().topics().keySet()) {
            assertTrue(kb.answers().stream().anyMatch(i -> i.topic().equals(topic)), "no answer for topic " + topic);
        }
    }

    /**
     * Facts a reviewer fixed once and a rep would repeat to a buyer: every answer that touches one of them states it
     * right. Each rule applies to a whole answer or to each of its sentences; every breach is listed with file and id.
     */
    @Test
    void everyAnswerThatTouchesAFixedFactStatesItRight() throws Exception {
        KnowledgeBase kb = KnowledgeBase.load(Fixtures.realIntents());
        List<String> problems = new ArrayList<>();
        for (Intent intent : kb.answers()) {
            String answer = intent.answer();
            String where = intent.file() + ": " + intent.id() + ": ";
            if (find(answer, "\\bopinions?\\b") && !find(answer, "qualified|adverse|disclaimer|exceptions?\\b")) {
                problems.add(where + "speaks of the opinion without saying it can be qualified, adverse or a disclaimer"
                        + " (or that a Type 2 lists exceptions)");
            }
            for (String text : List.of(answer, intent.repNote() == null ? "" : intent.repNote())) {
                forbid(problems, where, text, "says there is no pass or fail at all",
                        "\\bno pass(/| or |-or-)fail\\b|\\bthere is no pass\\b|\\bcan(not|'t) (be )?fail(ed)?\\b");
                forbid(problems, where, text, "calls a SOC report a certification",
                        "\\bSOC ?[123] (type ?(1|2|i|ii) )?(report |audit )?is a certification|(?<!(not|avoid) \")\\b(we are|we're) SOC ?[123] certified");
                forbid(problems, where, text, "has the AICPA issue reports",
                        "\\bAICPA (issues|grants|certifies)\\b|\\b(issued|certified) by the AICPA\\b");
                forbid(problems, where, text, "calls the Trust Services Criteria a control list",
                        "\\b(Trust Services Criteria|TSC) (is|are) (a |the )?(list|checklist|catalogue|set) of controls");
            }
            for (String sentence : sentences(answer)) {
                String quote = " ('" + sentence + "')";
                if (find(sentence, "\\bSOC ?[12]\\b") && find(sentence, "\\bpublic(ly)?\\b(?!\\s+(accountants?|compan))|\\bpublish\\w*|\\bgeneral[- ]use\\b")
                        && !find(sentence, "\\bSOC ?3\\b|\\bnot?\\b|\\bnever\\b|\\brestrict\\w*|\\brather than\\b|\\binstead\\b")) {
                    problems.add(where + "says a SOC 1 or SOC 2 report is public; it is restricted-use, the SOC 3 is the public one" + quote);
                }
                if (find(sentence, "\\b320\\b") && !(find(answer, "\\b105\\b") && find(answer, "\\b205\\b"))) {
                    problems.add(where + "names AT-C 320 without AT-C 105 and 205, which apply to SOC 1 too" + quote);
                }
                if (find(sentence, "control objectives?") && find(sentence, "with (your|the|their) auditor|you and (your|the) auditor")) {
                    problems.add(where + "has control objectives set with the auditor; management sets them and the auditor judges them" + quote);
                }
                if (find(sentence, "24/7|24x7|around[- ]the[- ]clock|round[- ]the[- ]clock")
                        && !find(sentence, "\\bnot?\\b|n't\\b|\\bnever\\b")) {
                    problems.add(where + "says SOC 2 expects 24/7 monitoring; it expects ongoing monitoring" + quote);
                }
                if (find(sentence, "\\bPrivacy\\b") && find(sentence, "personal (information|data)")
                        && find(sentence, "\\b(add|adds|added|include|includes|in scope|points? to|calls? for|belongs)\\b")
                        && !find(sentence, "commit")) {
                    problems.add(where + "scopes Privacy by handling personal information; it follows commitments about it" + quote);
                }
                if (find(sentence, "\\bCUECs?\\b|complementary user entity") && find(sentence, "\\bSOC ?1\\b")
                        && find(sentence, "\\blist") && !find(sentence, "\\bSOC ?2\\b")) {
                    problems.add(where + "has only SOC 1 reports list CUECs; SOC 2 reports list them too" + quote);
                }
                if (find(sentence, "\\bType ?1\\b") && find(sentence, "\\brel(y|ies|iance)\\b") && !find(sentence, "\\bType ?2\\b")) {
                    problems.add(where + "lets a user auditor rely on a Type 1; only a Type 2 gives evidence that controls operated" + quote);
                }
            }
        }
        assertEquals("", String.join("\n", problems));
    }

    private static void forbid(List<String> problems, String where, String text, String what, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.CASE_INSENSITIVE).matcher(text);
        if (m.find()) {
            problems.add(where + what + " ('" + m.group() + "')");
        }
    }

    private static boolean find(String text, String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE).matcher(text).find();
    }

    /** Sentences and bullets of an answer, without Slack markup. */
    private static List<String> sentences(String answer) {
        List<String> out = new ArrayList<>();
        for (String part : answer.replaceAll("[*_`]", "").split("\\n|•|(?<=[.;!?])\\s+")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }
}
