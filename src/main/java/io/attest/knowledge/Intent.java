package io.attest.knowledge;

import io.attest.profile.ProfileView;
import java.util.List;

/**
 * One question people ask, with the ways they ask it and the answer, as written in {@code intents/*.yml}.
 *
 * @param file    the file it came from, so problems can name it
 * @param repNote wording guidance for sales reps; shown to the asker, never shared in a channel (may be null)
 * @param about   the explicit subjects its answer speaks to (subject ids from language.yml, e.g. soc1, type2)
 * @param sources where its facts come from: source documents by title, or named public standards
 * @param fromProfile for an answer written from our report profile ({@code from_profile:}): which facts it gives,
 *                    ahead of its general {@code answer}; null for every other intent
 * @param forUs   for a general answer our profile bears on ({@code for_us:}): which facts its "For us" line gives; null
 *                when none
 */
public record Intent(
        String id,
        String title,
        String topic,
        IntentKind kind,
        List<String> examples,
        String answer,
        String repNote,
        List<String> related,
        List<String> about,
        List<String> sources,
        ProfileView fromProfile,
        ProfileView forUs,
        String file) {

    public Intent {
        examples = List.copyOf(examples);
        related = List.copyOf(related);
        about = List.copyOf(about);
        sources = List.copyOf(sources);
    }

    public boolean isAnswer() {
        return kind == IntentKind.ANSWER;
    }
}
