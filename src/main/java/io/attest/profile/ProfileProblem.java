package io.attest.profile;

/**
 * One thing wrong with the profile, located by file and field ({@code reports[2].period_end}, counted from 1).
 */
public record ProfileProblem(String file, String field, String message) {

    @Override
    public String toString() {
        return file + (field == null ? "" : ": " + field) + ": " + message;
    }
}
