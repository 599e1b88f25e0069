package io.attest.slack.answers;

/** Starts a guided triage thread; called after the ack. */
@FunctionalInterface
public interface TriageStarter {

    /**
     * @param responseUrl where to tell the starter privately if the bot cannot post (null when there is none)
     */
    void start(String channel, String userId, String forWhom, String responseUrl) throws Exception;
}
