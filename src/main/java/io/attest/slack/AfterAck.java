package io.attest.slack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.attest.slack.Texts.Text;
import io.attest.slack.WorkQueue.Admission;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * Where listeners hand over the work that follows an ack, and how they tell the person privately when it cannot be
 * done. When the work queue refuses a job, the person is told on a small queue of its own that Attest is busy (or
 * restarting): a notice is one quick call, so it still gets through when answers are backed up behind a slow Slack.
 */
public final class AfterAck {

    private final WorkQueue work;
    private final WorkQueue notices;
    private final SlackWebApi api;
    private final Texts texts;
    private final Predicate<String> firstDelivery;

    /**
     * @param firstDelivery true the first time an event_id is seen by any instance (the store's claims); the
     *                      middleware already skips repeats this instance has seen
     */
    public AfterAck(WorkQueue work, WorkQueue notices, SlackWebApi api, Texts texts, Predicate<String> firstDelivery) {
        this.work = work;
        this.notices = notices;
        this.api = api;
        this.texts = texts;
        this.firstDelivery = firstDelivery;
    }

    /**
     * Runs the work of an event after the ack, once across every instance: an event Slack delivered again to another
     * instance (a retry after a slow ack) finds the first delivery's claim and does nothing. Claiming is the job's first
     * step, so the ack never waits for the database.
     */
    public Admission submitEvent(JobKind what, String eventId, Asker asker, WorkQueue.Task task) {
        return submit(what, eventId, asker, job -> {
            if (eventId == null || firstDelivery.test(eventId)) {
                task.run(job);
            }
        });
    }

    /**
     * Runs the task after the ack, or, when there is no room for it, tells the asker so.
     *
     * @param correlationId Slack's event_id when there is one; null for the id of the request being served (or a fresh one)
     * @param asker         who to tell about a refusal; null when the caller tells them itself (in its ack)
     */
    public Admission submit(JobKind what, String correlationId, Asker asker, WorkQueue.Task task) {
        String id = correlationId != null ? correlationId
                : LogContext.correlationId() != null ? LogContext.correlationId() : newCorrelationId();
        Admission admission = work.submit(what, id, task);
        if (!admission.accepted() && asker != null && asker.reachable()) {
            notices.submit(JobKind.TELLING_THE_ASKER_IT_WAS_REFUSED, id,
                    job -> tellPrivately(job, asker, refusal(admission)));
        }
        return admission;
    }

    /** The line for a person whose request was refused, for an ack body or a notice. */
    public String refusal(Admission admission) {
        return texts.get(admission == Admission.STOPPING ? Text.RESTARTING : Text.BUSY);
    }

    /**
     * Tells the asker, in one line, that what they asked for did not go through and why. Nothing is said when it
     * may have arrived (saying so could be wrong), nor when a refused token leaves no way to reach them.
     *
     * @param line a text with a {@code {reason}} placeholder
     */
    public void tellAboutFailure(Job job, Asker asker, Delivery failed, Text line) throws InterruptedException {
        String notice = failureNotice(asker, failed, line);
        if (notice != null) {
            tellPrivately(job, asker, notice);
        }
    }

    /** The line {@link #tellAboutFailure} would send, or null when there is nothing to say or no way to say it. */
    public String failureNotice(Asker asker, Delivery failed, Text line) {
        if (!failed.worthTelling() || failed.tokenRefused() && asker.responseUrl() == null || !asker.reachable()) {
            return null;
        }
        return texts.get(line, "reason", texts.reason(failed));
    }

    /** A one-line message only the asker sees. */
    public Delivery tellPrivately(Job job, Asker asker, String mrkdwn) throws InterruptedException {
        return tellPrivately(job, asker, new SlackMessage(mrkdwn, BlockKit.blocks().add(BlockKit.section(mrkdwn))));
    }

    /** A message only the asker sees: through the response_url when there is one, else ephemeral in the channel. */
    public Delivery tellPrivately(Job job, Asker asker, SlackMessage message) throws InterruptedException {
        if (asker.responseUrl() != null) {
            ObjectNode body = message.toEphemeralJson().put("replace_original", false);
            return api.respond(job, asker.responseUrl(), body);
        }
        return api.postEphemeral(job, asker.channel(), asker.user(), asker.threadTs(), message);
    }

    static String newCorrelationId() {
        return Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    }
}
