package io.attest.slack.answers;

import io.attest.slack.Asker;
import io.attest.slack.Job;

/** Starts a guided triage thread; called after the ack. */
@FunctionalInterface
public interface TriageStarter {

    /** @param asker how to tell the starter privately if the thread cannot be started */
    void start(Job job, String channel, String userId, String forWhom, Asker asker) throws Exception;
}
