package io.attest.knowledge;

import io.attest.profile.CompanyProfile;
import io.attest.profile.Coverage;
import io.attest.profile.CoverageText;
import io.attest.profile.ProfileProblem;
import io.attest.profile.ProfileReader;
import io.attest.profile.ProfileWording;
import io.attest.triage.Recommendation;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Our report profile with its wording and the clock answers are written by: what the knowledge base answers from, and
 * what triage compares a recommendation with. Immutable; the day is read from the clock at each use.
 */
public final class OurReports {

    private final CompanyProfile profile;
    private final ProfileWording wording;
    private final Clock clock;

    OurReports(CompanyProfile profile, ProfileWording wording, Clock clock) {
        this.profile = profile;
        this.wording = wording;
        this.clock = clock;
    }

    /**
     * Only the profile ({@code company.yml}) and its wording ({@code language.yml}), both checked, without the intents:
     * for the triage command, which answers no question.
     */
    public static OurReports load(Path dir, Clock clock) throws IOException, InvalidKnowledgeBaseException {
        KnowledgeBaseLoader.Loaded language = KnowledgeBaseLoader.loadLanguage(dir);
        List<Problem> problems = new ArrayList<>(language.problems());
        if (language.language() != null) {
            for (String p : ProfileWording.problems(language.language().ourReports())) {
                problems.add(new Problem(KnowledgeBaseLoader.LANGUAGE_FILE, "our_reports", p));
            }
        }
        ProfileReader.Result read = ProfileReader.load(dir, LocalDate.now(clock));
        for (ProfileProblem p : read.problems()) {
            problems.add(new Problem(p.file(), p.field(), p.message()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidKnowledgeBaseException(problems);
        }
        return new OurReports(read.profile().orElse(null), new ProfileWording(language.language().ourReports()), clock);
    }

    /** The profile, when the compliance team has filled one in. */
    public Optional<CompanyProfile> profile() {
        return Optional.ofNullable(profile);
    }

    /** Today, by the clock answers are written for. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    ProfileWording wording() {
        return wording;
    }

    /** How the reports we hold meet a triage recommendation, today, in the profile's wording; empty without a profile. */
    public Optional<CoverageText> whatWeHold(Recommendation rec) {
        if (profile == null) {
            return Optional.empty();
        }
        return Coverage.of(rec, profile, today()).map(c -> CoverageText.of(c, rec, wording));
    }
}
