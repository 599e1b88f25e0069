package io.attest.profile;

/**
 * Who answers questions about our reports.
 *
 * @param name    how answers name them ("the compliance team")
 * @param slackId a Slack user id (U…, W…) or user group id (S…)
 */
public record Contact(String name, String slackId) {

    /** True for a user group (a Slack subteam id). */
    public boolean group() {
        return slackId.startsWith("S");
    }

    /** The name and a Slack mention, which Slack shows as the person's or the group's handle. */
    public String mention() {
        return name + " (" + (group() ? "<!subteam^" + slackId + ">" : "<@" + slackId + ">") + ")";
    }
}
