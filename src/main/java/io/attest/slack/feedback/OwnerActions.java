package io.attest.slack.feedback;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.attest.slack.AfterAck;
import io.attest.slack.Asker;
import io.attest.slack.Job;
import io.attest.slack.JobKind;
import io.attest.slack.Payloads;
import io.attest.slack.Texts;
import io.attest.slack.Texts.Text;
import io.attest.store.StoreUnavailable;

/**
 * What every owners' button and form shares (resolve, dismiss, make or show a draft): the ack says nothing; after it,
 * someone who is not a content owner is told so privately, and so is an owner when the database cannot answer.
 */
final class OwnerActions {

    /** An owner's work after the ack; {@code id} is the number the button carries (a gap's, escalation's or draft's). */
    @FunctionalInterface
    interface Work {
        void run(Job job, Asker asker, String owner, long id) throws StoreUnavailable, InterruptedException;
    }

    private final Owners owners;
    private final AfterAck afterAck;
    private final Texts texts;

    OwnerActions(Owners owners, AfterAck afterAck, Texts texts) {
        this.owners = owners;
        this.afterAck = afterAck;
        this.texts = texts;
    }

    /** A click on a button whose value is a number; a click without a person, a response_url or a number is only acked. */
    Response clicked(BlockActionRequest req, ActionContext ctx, JobKind kind, Work work) {
        BlockActionPayload p = req.getPayload();
        String user = Payloads.user(p);
        long id = number(Payloads.value(p));
        if (user == null || p.getResponseUrl() == null || id < 0) {
            return ctx.ack();
        }
        Asker asker = Asker.viaResponseUrl(user, Payloads.channel(p), p.getResponseUrl());
        afterAck.submit(kind, null, asker, job -> run(job, asker, user, id, work));
        return ctx.ack();
    }

    /** Runs {@code work} after the ack, for an owner only. */
    void afterTheAck(JobKind kind, Asker asker, String user, long id, Work work) {
        afterAck.submit(kind, null, asker, job -> run(job, asker, user, id, work));
    }

    private void run(Job job, Asker asker, String user, long id, Work work) throws InterruptedException {
        if (!owners.include(user)) {
            afterAck.tellPrivately(job, asker, texts.get(Text.OWNERS_ONLY));
            return;
        }
        try {
            work.run(job, asker, user, id);
        } catch (StoreUnavailable e) {
            afterAck.tellPrivately(job, asker, texts.get(Text.STORE_UNAVAILABLE));
        }
    }

    static long number(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
