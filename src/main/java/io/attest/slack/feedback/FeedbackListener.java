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
import com.slack.api.model.view.ViewState;
import io.attest.slack.AfterAck;
import io.attest.slack.Asker;
import io.attest.slack.BlockKit;
import io.attest.slack.Delivery;
import io.attest.slack.Job;
import io.attest.slack.JobKind;
import io.attest.slack.Payloads;
import io.attest.slack.SlackWebApi;
import io.attest.slack.Texts;
import io.attest.slack.Texts.Text;
import io.attest.store.Gap;
import io.attest.store.GapQueue;
import io.attest.store.Questions;
import io.attest.store.Store;
import io.attest.store.StoreUnavailable;
import io.attest.store.Vote;
import io.attest.store.Votes;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Helpful / Not helpful under every answer. A vote is one per person per answer (clicking again changes it) and is
 * stored with what the answer was. Not helpful opens a modal asking what was missing, and counts the answer in the gap
 * queue; where a compliance team is set up, the modal offers to ask it too.
 */
public final class FeedbackListener {

    private final Votes votes;
    private final Questions questions;
    private final GapQueue gaps;
    private final Store store;
    private final SlackWebApi api;
    private final AfterAck afterAck;
    private final FeedbackMessages messages;
    private final Texts texts;
    private final Experts experts;
    private final Clock clock;

    /** @param experts the compliance team, or null where none is set up */
    public FeedbackListener(Votes votes, Questions questions, GapQueue gaps, Store store, SlackWebApi api, AfterAck afterAck,
                            FeedbackMessages messages, Texts texts, Experts experts, Clock clock) {
        this.votes = votes;
        this.questions = questions;
        this.gaps = gaps;
        this.store = store;
        this.api = api;
        this.afterAck = afterAck;
        this.messages = messages;
        this.texts = texts;
        this.experts = experts;
        this.clock = clock;
    }

    public Response helpful(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        Optional<AnswerRef> ref = AnswerRef.decode(Payloads.value(p));
        String user = Payloads.user(p);
        if (ref.isEmpty() || user == null || p.getResponseUrl() == null) {
            return ctx.ack();
        }
        Asker asker = Asker.viaResponseUrl(user, Payloads.channel(p), p.getResponseUrl());
        afterAck.submit(JobKind.RECORDING_FEEDBACK, null, asker, job -> {
            vote(ref.get(), user, true);
            afterAck.tellPrivately(job, asker, texts.get(Text.FEEDBACK_THANKS));
        });
        return ctx.ack();
    }

    /** Opens "What was missing?" first (its trigger lasts three seconds), then records the vote. */
    public Response notHelpful(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        Optional<AnswerRef> ref = AnswerRef.decode(Payloads.value(p));
        String user = Payloads.user(p);
        String channel = Payloads.channel(p);
        if (ref.isEmpty() || user == null || p.getResponseUrl() == null) {
            return ctx.ack();
        }
        Asker asker = Asker.viaResponseUrl(user, channel, p.getResponseUrl());
        String thread = threadOf(p);
        ObjectNode metadata = BlockKit.JSON.createObjectNode().put("r", ref.get().encode()).put("c", channel)
                .put("t", thread).put("u", p.getResponseUrl()).put("e", Payloads.inEphemeralMessage(p));
        String triggerId = p.getTriggerId();
        afterAck.submit(JobKind.RECORDING_FEEDBACK, null, asker, job -> {
            Delivery opened = api.openView(job, triggerId, messages.missingModal(metadata.toString(), experts != null));
            if (vote(ref.get(), user, false)) {
                countGap(job, ref.get(), user);
            }
            if (!opened.delivered()) {
                // No modal: the person still hears that the vote counted, and can still ask the compliance team.
                afterAck.tellPrivately(job, asker, experts == null ? messages.notice(texts.get(Text.FEEDBACK_NOTED))
                        : messages.notice(texts.get(Text.FEEDBACK_NOTED), messages.askExpertsButton(ref.get().questionId())));
            }
        });
        return ctx.ack();
    }

    /** "What was missing?" submitted: the modal closes at once; the comment is stored, and the experts asked if wished. */
    public Response missingSubmitted(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
        ViewSubmissionPayload p = req.getPayload();
        String user = p.getUser() == null ? null : p.getUser().getId();
        JsonNode metadata = metadata(p);
        Optional<AnswerRef> ref = AnswerRef.decode(metadata.path("r").asText(null));
        if (user == null || ref.isEmpty()) {
            return ctx.ack();
        }
        String comment = textValue(p, FeedbackActions.MISSING_BLOCK, FeedbackActions.MISSING_INPUT);
        boolean askExperts = experts != null && checked(p, FeedbackActions.EXPERTS_BLOCK, FeedbackActions.EXPERTS_INPUT);
        String channel = metadata.path("c").asText(null);
        String responseUrl = metadata.path("u").asText(null);
        Asker asker = responseUrl != null ? Asker.viaResponseUrl(user, channel, responseUrl) : Asker.inChannel(user, channel, null);
        afterAck.submit(JobKind.RECORDING_FEEDBACK, null, asker, job -> {
            // The form may come back before the click's own job stored the vote: whichever stores it first counts it.
            if (vote(ref.get(), user, false)) {
                countGap(job, ref.get(), user);
            }
            if (comment != null && !comment.isBlank()) {
                votes.comment(ref.get().questionId(), user, comment.strip());
            }
            if (askExperts) {
                experts.escalate(job, ref.get().questionId(), asker, metadata.path("t").asText(null),
                        metadata.path("e").asBoolean(false), comment);
            } else {
                afterAck.tellPrivately(job, asker, texts.get(Text.FEEDBACK_NOTED));
            }
        });
        return ctx.ack();
    }

    /** @return true when this vote is new or changed to not helpful, and so counts */
    private boolean vote(AnswerRef ref, String user, boolean helpful) {
        return votes.record(new Vote(ref.questionId(), user, helpful, ref.intentId(), ref.confidence(), ref.surface(),
                ref.channelType(), clock.instant())).map(change -> change != Votes.Change.SAME).orElse(false);
    }

    /** A not-helpful answer joins the gap of its question (the question as asked, or the answer's own title). */
    private void countGap(Job job, AnswerRef ref, String user) {
        String question;
        try {
            question = votes.question(ref.questionId(), user).or(() -> Optional.ofNullable(find(ref.questionId()))).orElse(null);
        } catch (StoreUnavailable e) {
            question = null;
        }
        if (question != null) {
            gaps.record(question, Gap.Kind.NOT_HELPFUL, ref.questionId()).ifPresent(gap -> linkVote(ref, user, gap));
        }
    }

    private void linkVote(AnswerRef ref, String user, long gap) {
        try {
            votes.linkGap(ref.questionId(), user, gap);
        } catch (StoreUnavailable e) {
            // The gap is counted; only its link to the vote is missing, which nothing depends on.
        }
    }

    private String find(String questionId) {
        try {
            return questions.find(questionId).map(q -> q.text()).orElse(null);
        } catch (StoreUnavailable e) {
            return null;
        }
    }

    static String threadOf(BlockActionPayload p) {
        if (p.getContainer() != null && p.getContainer().getThreadTs() != null) {
            return p.getContainer().getThreadTs();
        }
        return p.getMessage() == null ? null : p.getMessage().getThreadTs();
    }

    static JsonNode metadata(ViewSubmissionPayload p) {
        String raw = p.getView() == null ? null : p.getView().getPrivateMetadata();
        try {
            JsonNode node = raw == null || raw.isBlank() ? null : BlockKit.JSON.readTree(raw);
            return node != null && node.isObject() ? node : BlockKit.JSON.createObjectNode();
        } catch (IOException e) {
            return BlockKit.JSON.createObjectNode();
        }
    }

    /** The text entered in a modal's input, or null. */
    static String textValue(ViewSubmissionPayload p, String blockId, String actionId) {
        ViewState.Value value = value(p, blockId, actionId);
        return value == null ? null : value.getValue();
    }

    private static boolean checked(ViewSubmissionPayload p, String blockId, String actionId) {
        ViewState.Value value = value(p, blockId, actionId);
        List<ViewState.SelectedOption> selected = value == null ? null : value.getSelectedOptions();
        return selected != null && !selected.isEmpty();
    }

    private static ViewState.Value value(ViewSubmissionPayload p, String blockId, String actionId) {
        if (p.getView() == null || p.getView().getState() == null || p.getView().getState().getValues() == null) {
            return null;
        }
        Map<String, ViewState.Value> block = p.getView().getState().getValues().get(blockId);
        return block == null ? null : block.get(actionId);
    }
}
