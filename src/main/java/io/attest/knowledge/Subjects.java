package io.attest.knowledge;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The explicit subjects a text names (SOC 1, Type 2, Privacy, SSAE 16, …), from {@code language.subjects}.
 * Subjects come in groups whose members exclude each other as the topic of one answer: a question about a SOC 1
 * is not answered by an intent about a SOC 2, while an intent about both (a comparison) fits either.
 */
final class Subjects {

    private final Map<String, Pattern> patterns = new LinkedHashMap<>();
    private final Map<String, String> groupOf = new LinkedHashMap<>();

    Subjects(Map<String, Map<String, String>> groups) {
        groups.forEach((group, members) -> members.forEach((id, regex) -> {
            patterns.put(id, Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
            groupOf.put(id, group);
        }));
    }

    /** The subjects {@code text} names, in the order they are declared. */
    Set<String> named(String text) {
        Set<String> found = new LinkedHashSet<>();
        patterns.forEach((id, pattern) -> {
            if (pattern.matcher(text).find()) {
                found.add(id);
            }
        });
        return found;
    }

    /**
     * True when an intent about {@code about} contradicts a question naming {@code asked}: in some group both name
     * subjects, and none of them is shared. An intent silent on a group never contradicts it.
     */
    boolean contradicts(Set<String> asked, Collection<String> about) {
        for (Map.Entry<String, Set<String>> group : byGroup(asked).entrySet()) {
            Set<String> declared = inGroup(about, group.getKey());
            if (!declared.isEmpty() && declared.stream().noneMatch(group.getValue()::contains)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the question names two or more subjects of one group (a comparison) and the intent is about all of
     * them; such intents win over ones about only part of the comparison.
     */
    boolean coversComparison(Set<String> asked, Collection<String> about) {
        boolean comparison = false;
        for (Map.Entry<String, Set<String>> group : byGroup(asked).entrySet()) {
            if (group.getValue().size() > 1) {
                comparison = true;
                if (!inGroup(about, group.getKey()).containsAll(group.getValue())) {
                    return false;
                }
            }
        }
        return comparison;
    }

    /**
     * The subjects a sentence may take over from its message: in each group the sentence names nothing of, the one
     * subject the message names there (none when the message names two, which would be a guess).
     */
    Set<String> inheritable(Set<String> sentence, Set<String> message) {
        Map<String, Set<String>> own = byGroup(sentence);
        Set<String> inherited = new LinkedHashSet<>();
        byGroup(message).forEach((group, ids) -> {
            if (!own.containsKey(group) && ids.size() == 1) {
                inherited.addAll(ids);
            }
        });
        return inherited;
    }

    /** True when the question names two or more subjects of one group. */
    boolean isComparison(Set<String> asked) {
        return byGroup(asked).values().stream().anyMatch(s -> s.size() > 1);
    }

    boolean known(String id) {
        return patterns.containsKey(id);
    }

    /** True when {@code text} names subject {@code id}. */
    boolean names(String text, String id) {
        Pattern p = patterns.get(id);
        return p != null && p.matcher(text).find();
    }

    List<String> ids() {
        return List.copyOf(patterns.keySet());
    }

    private Map<String, Set<String>> byGroup(Collection<String> ids) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (String id : ids) {
            String group = groupOf.get(id);
            if (group != null) {
                out.computeIfAbsent(group, g -> new LinkedHashSet<>()).add(id);
            }
        }
        return out;
    }

    private Set<String> inGroup(Collection<String> ids, String group) {
        Set<String> out = new LinkedHashSet<>();
        for (String id : ids) {
            if (group.equals(groupOf.get(id))) {
                out.add(id);
            }
        }
        return out;
    }
}
