package io.attest.slack.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import io.attest.knowledge.Intent;
import io.attest.knowledge.KnowledgeBase;
import io.attest.knowledge.Match;
import io.attest.slack.AfterAck;
import io.attest.slack.Asker;
import io.attest.slack.BlockKit;
import io.attest.slack.Job;
import io.attest.slack.JobKind;
import io.attest.slack.Payloads;
import io.attest.slack.SlackWebApi;
import io.attest.slack.Texts;
import io.attest.slack.Texts.Text;
import io.attest.store.Escalation;
import io.attest.store.Escalations;
import io.attest.store.Gap;
import io.attest.store.GapQueue;
import io.attest.store.StoreUnavailable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code /soc gaps} for content owners: the top open gaps, each to be marked resolved (with the intent that answers it
 * now) or dismissed, and a draft to make or see where the compliance team answered it. Everything reads the database
 * after the ack; the list is posted, and refreshed in place, through the command's response_url.
 */
public final class GapsListener {

    static final int SHOWN = 10;

    private final GapQueue gaps;
    private final Escalations escalations;
    private final Owners owners;
    private final OwnerActions ownerActions;
    private final SlackWebApi api;
    private final AfterAck afterAck;
    private final FeedbackMessages messages;
    private final Texts texts;
    private final Supplier<KnowledgeBase> kb;
    private final Clock clock;

    public GapsListener(GapQueue gaps, Escalations escalations, Owners owners, SlackWebApi api, AfterAck afterAck,
                        FeedbackMessages messages, Texts texts, Supplier<KnowledgeBase> kb, Clock clock) {
        this.gaps = gaps;
        this.escalations = escalations;
        this.owners = owners;
        this.api = api;
        this.afterAck = afterAck;
        this.messages = messages;
        this.texts = texts;
        this.kb = kb;
        this.clock = clock;
        this.ownerActions = new OwnerActions(owners, afterAck, texts);
    }

    public boolean isOwner(String user) {
        return owners.include(user);
    }

    /**
     * Shows the gap queue to an owner, after the ack (the ack itself says nothing).
     *
     * @return false when the work could not be taken on (the caller tells the person)
     */
    public boolean show(String user, String channel, String responseUrl) {
        Asker asker = Asker.viaResponseUrl(user, channel, responseUrl);
        return afterAck.submit(JobKind.SHOWING_THE_GAP_QUEUE, null, asker, job -> list(job, asker, false)).accepted();
    }

    /** "Resolved…": asks which intent answers the gap now, suggesting the closest. */
    public Response resolveClicked(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        return ownerActions.clicked(req, ctx, JobKind.CLOSING_A_GAP, (job, asker, owner, gapId) -> {
            Optional<Gap> gap = gaps.find(gapId);
            if (gap.isPresent()) {
                ObjectNode metadata = BlockKit.JSON.createObjectNode().put("g", gapId).put("u", p.getResponseUrl())
                        .put("c", Payloads.channel(p));
                api.openView(job, p.getTriggerId(), messages.resolveModal(gap.get(), closest(gap.get().question()), metadata.toString()));
            }
        });
    }

    /** The intent entered must answer questions; otherwise the modal stays open and says so. */
    public Response resolveSubmitted(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
        ViewSubmissionPayload p = req.getPayload();
        String user = p.getUser() == null ? null : p.getUser().getId();
        JsonNode metadata = FeedbackListener.metadata(p);
        long gapId = metadata.path("g").asLong(-1);
        String entered = FeedbackListener.textValue(p, FeedbackActions.INTENT_BLOCK, FeedbackActions.INTENT_INPUT);
        String intentId = entered == null ? "" : entered.strip();
        if (user == null || gapId < 0) {
            return ctx.ack();
        }
        if (kb.get().answer(intentId).isEmpty()) {
            ObjectNode errors = BlockKit.JSON.createObjectNode().put("response_action", "errors");
            errors.putObject("errors").put(FeedbackActions.INTENT_BLOCK, texts.get(Text.GAPS_UNKNOWN_INTENT));
            return Response.builder().statusCode(200).contentType(Response.CONTENT_TYPE_APPLICATION_JSON_UTF8)
                    .body(errors.toString()).build();
        }
        String responseUrl = metadata.path("u").asText(null);
        Asker asker = responseUrl != null ? Asker.viaResponseUrl(user, metadata.path("c").asText(null), responseUrl)
                : Asker.inChannel(user, metadata.path("c").asText(null), null);
        ownerActions.afterTheAck(JobKind.CLOSING_A_GAP, asker, user, gapId, (job, a, owner, id) -> {
            gaps.resolve(id, intentId, owner);
            list(job, a, true);
        });
        return ctx.ack();
    }

    public Response dismissClicked(BlockActionRequest req, ActionContext ctx) {
        return ownerActions.clicked(req, ctx, JobKind.CLOSING_A_GAP, (job, asker, owner, gapId) -> {
            gaps.dismiss(gapId, owner);
            list(job, asker, true);
        });
    }

    /** The list, posted privately, or put in place of the one the owner is looking at. */
    private void list(Job job, Asker asker, boolean replace) throws InterruptedException {
        List<FeedbackMessages.Listed> listed = new ArrayList<>();
        try {
            for (Gap gap : gaps.open(SHOWN)) {
                boolean draftable = false;
                if (gap.escalationId() != null && gap.draftId() == null) {
                    draftable = escalations.find(gap.escalationId()).map(Escalation::reply).isPresent();
                }
                listed.add(new FeedbackMessages.Listed(gap, draftable));
            }
        } catch (StoreUnavailable e) {
            afterAck.tellPrivately(job, asker, texts.get(Text.STORE_UNAVAILABLE));
            return;
        }
        ObjectNode body = messages.gaps(listed, clock.instant()).toEphemeralJson().put("replace_original", replace);
        if (asker.responseUrl() != null) {
            api.respond(job, asker.responseUrl(), body);
        } else {
            afterAck.tellPrivately(job, asker, messages.gaps(listed, clock.instant()));
        }
    }

    /** The answering intent the matcher finds closest to the gap's question, as a first guess. */
    private String closest(String question) {
        if (question == null) {
            return null;
        }
        return kb.get().rank(question, 5).stream().map(Match::intent).filter(Intent::isAnswer).map(Intent::id)
                .findFirst().orElse(null);
    }
}
