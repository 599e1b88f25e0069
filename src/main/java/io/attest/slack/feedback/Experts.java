package io.attest.slack.feedback;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.MessageEvent;
import io.attest.knowledge.Intent;
import io.attest.knowledge.KnowledgeBase;
import io.attest.knowledge.Match;
import io.attest.slack.AfterAck;
import io.attest.slack.Asker;
import io.attest.slack.Delivery;
import io.attest.slack.Job;
import io.attest.slack.JobKind;
import io.attest.slack.Payloads;
import io.attest.slack.SlackMessage;
import io.attest.slack.SlackText;
import io.attest.slack.SlackWebApi;
import io.attest.slack.Texts;
import io.attest.slack.Texts.Text;
import io.attest.store.AskedQuestion;
import io.attest.store.Claims;
import io.attest.store.Draft;
import io.attest.store.DraftIntent;
import io.attest.store.Drafts;
import io.attest.store.Escalation;
import io.attest.store.Escalations;
import io.attest.store.GapQueue;
import io.attest.store.Questions;
import io.attest.store.StoreUnavailable;
import io.attest.store.Surface;
import io.attest.store.Votes;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * "Ask the compliance team": the question, who asked and what Attest answered go to {@code ATTEST_EXPERTS_CHANNEL};
 * the first reply in that thread goes back to the person where they asked (in the thread, the DM, or privately in the
 * channel, else in a DM). An owner can then turn the exchange into a draft intent, linked to the question's gap.
 */
public final class Experts implements BoltEventHandler<MessageEvent> {

    private static final Duration ASKING = Duration.ofMinutes(2);
    private static final Duration ASKED = Duration.ofDays(30);

    private final String channel;
    private final Questions questions;
    private final Votes votes;
    private final GapQueue gaps;
    private final Escalations escalations;
    private final Drafts drafts;
    private final Claims claims;
    private final Owners owners;
    private final OwnerActions ownerActions;
    private final SlackWebApi api;
    private final AfterAck afterAck;
    private final FeedbackMessages messages;
    private final Texts texts;
    private final Supplier<KnowledgeBase> kb;
    private final Clock clock;

    /** @param channel the compliance team's channel id ({@code ATTEST_EXPERTS_CHANNEL}) */
    public Experts(String channel, Questions questions, Votes votes, GapQueue gaps, Escalations escalations, Drafts drafts,
                   Claims claims, Owners owners, SlackWebApi api, AfterAck afterAck, FeedbackMessages messages, Texts texts,
                   Supplier<KnowledgeBase> kb, Clock clock) {
        this.channel = channel;
        this.questions = questions;
        this.votes = votes;
        this.gaps = gaps;
        this.escalations = escalations;
        this.drafts = drafts;
        this.claims = claims;
        this.owners = owners;
        this.api = api;
        this.afterAck = afterAck;
        this.messages = messages;
        this.texts = texts;
        this.kb = kb;
        this.clock = clock;
        this.ownerActions = new OwnerActions(owners, afterAck, texts);
    }

    public String channel() {
        return channel;
    }

    /** "Ask the compliance team" under a decline, a "Did you mean…" or a Not helpful. */
    public Response askClicked(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        String questionId = Payloads.value(p);
        String user = Payloads.user(p);
        if (questionId.isEmpty() || user == null || p.getResponseUrl() == null) {
            return ctx.ack();
        }
        Asker asker = Asker.viaResponseUrl(user, Payloads.channel(p), p.getResponseUrl());
        String thread = FeedbackListener.threadOf(p);
        boolean privately = Payloads.inEphemeralMessage(p);
        afterAck.submit(JobKind.ASKING_THE_EXPERTS, null, asker,
                job -> escalate(job, questionId, asker, thread, privately, null));
        return ctx.ack();
    }

    /**
     * Takes a question to the compliance team, once per person and question, and tells the person.
     *
     * @param thread    the thread the person asked in, where the answer will go
     * @param privately they asked where only they saw the answer (/soc, the shortcut): the answer goes to them alone
     * @param comment   what they said was missing, or null
     */
    void escalate(Job job, String questionId, Asker asker, String thread, boolean privately, String comment)
            throws InterruptedException {
        Claims.Claim claim = claims.claim("escalate:" + questionId + ":" + asker.user(), ASKING);
        if (claim == null) {
            afterAck.tellPrivately(job, asker, texts.get(Text.EXPERTS_ALREADY_ASKED));
            return;
        }
        Optional<AskedQuestion> question;
        long id;
        Long gapId;
        try {
            question = questions.find(questionId);
            if (question.isEmpty() || question.get().text() == null) {
                claim.release();
                afterAck.tellPrivately(job, asker, texts.get(Text.EXPERTS_UNAVAILABLE));
                return;
            }
            gapId = question.get().gapId() != null ? question.get().gapId() : votes.gapOf(questionId, asker.user()).orElse(null);
            Surface surface = privately ? Surface.SLASH : asker.channel() != null && asker.channel().startsWith("D")
                    ? Surface.DIRECT : Surface.MENTION;
            id = escalations.open(new Escalation(0, questionId, gapId, asker.user(), surface, asker.channel(), thread,
                    question.get().text(), attestSaid(question.get()), channel, null, null, null, null, clock.instant()));
        } catch (StoreUnavailable e) {
            claim.release();
            afterAck.tellPrivately(job, asker, texts.get(Text.EXPERTS_UNAVAILABLE));
            return;
        }
        Delivery posted = api.postMessage(job, channel, null,
                messages.expertsPost(asker.user(), question.get().text(), attestSaid(question.get()), comment));
        if (!posted.delivered()) {
            claim.release();
            String notice = afterAck.failureNotice(asker, posted, Text.EXPERTS_FAILED);
            if (notice != null) {
                afterAck.tellPrivately(job, asker, notice);
            }
            return;
        }
        try {
            escalations.posted(id, posted.ts());
            if (gapId != null) {
                gaps.linkEscalation(gapId, id);
            }
        } catch (StoreUnavailable e) {
            // The post is out; without its ts, the reply cannot be matched: say so rather than promise.
            claim.release();
            afterAck.tellPrivately(job, asker, texts.get(Text.EXPERTS_UNAVAILABLE));
            return;
        }
        claim.done(ASKED);
        afterAck.tellPrivately(job, asker, texts.get(Text.EXPERTS_ASKED));
    }

    /** A message in a channel Attest is in: only the first reply in one of the compliance team's threads matters. */
    @Override
    public Response apply(EventsApiPayload<MessageEvent> payload, EventContext ctx) {
        MessageEvent event = payload.getEvent();
        if (event == null || !channel.equals(event.getChannel()) || event.getThreadTs() == null
                || event.getThreadTs().equals(event.getTs()) || event.getSubtype() != null || event.getUser() == null) {
            return ctx.ack();
        }
        String reply = SlackText.typed(event.getText());
        afterAck.submitEvent(JobKind.RELAYING_THE_EXPERTS_ANSWER, payload.getEventId(), null,
                job -> relay(job, event.getThreadTs(), event.getUser(), reply, event.getText()));
        return ctx.ack();
    }

    /** True for events no listener acts on: channel messages outside the compliance team's threads. */
    public boolean ofNoInterest(com.fasterxml.jackson.databind.JsonNode event) {
        String type = event.path("channel_type").asText("");
        return "message".equals(event.path("type").asText()) && (type.equals("channel") || type.equals("group"))
                && (!channel.equals(event.path("channel").asText()) || !event.hasNonNull("thread_ts"));
    }

    private void relay(Job job, String threadTs, String expert, String reply, String replyAsPosted) throws InterruptedException {
        Escalation e;
        try {
            Optional<Escalation> found = escalations.byThread(channel, threadTs);
            if (found.isEmpty() || !escalations.firstReply(found.get().id(), reply, expert, clock.instant())) {
                return;
            }
            e = found.get();
        } catch (StoreUnavailable unavailable) {
            return;
        }
        // The reply as the expert wrote it: their mentions, links and formatting carry over.
        SlackMessage relayed = messages.relay(e.question(), replyAsPosted, expert);
        Delivery sent = switch (e.surface()) {
            case MENTION, DIRECT, BUTTON -> api.postMessage(job, e.channelId(), e.threadTs(), relayed);
            default -> {
                Delivery privately = e.channelId() == null ? null
                        : api.postEphemeral(job, e.channelId(), e.askedBy(), e.threadTs(), relayed);
                // Where Attest cannot post privately (not in that channel), a DM reaches the person.
                yield privately != null && privately.delivered() ? privately : api.postMessage(job, e.askedBy(), null, relayed);
            }
        };
        api.postMessage(job, channel, threadTs, sent.delivered() ? messages.relayed(e.askedBy(), e.id())
                : messages.notice(texts.get(Text.EXPERTS_RELAY_FAILED, "user", e.askedBy(), "reason", texts.reason(sent))));
    }

    /** "Make a draft intent": owners only; one draft per escalation, shown to the owner. */
    public Response makeDraft(BlockActionRequest req, ActionContext ctx) {
        return ownerActions.clicked(req, ctx, JobKind.MAKING_A_DRAFT, (job, asker, owner, escalationId) -> {
            Optional<Escalation> e = escalations.find(escalationId);
            if (e.isEmpty() || e.get().reply() == null) {
                afterAck.tellPrivately(job, asker, texts.get(Text.DRAFT_NO_REPLY));
            } else {
                afterAck.tellPrivately(job, asker, messages.draft(draft(e.get(), owner)));
            }
        });
    }

    /** "Show draft" in the gap queue. */
    public Response showDraft(BlockActionRequest req, ActionContext ctx) {
        return ownerActions.clicked(req, ctx, JobKind.MAKING_A_DRAFT, (job, asker, owner, draftId) -> {
            Optional<Draft> draft = drafts.find(draftId);
            if (draft.isPresent()) {
                afterAck.tellPrivately(job, asker, messages.draft(draft.get()));
            }
        });
    }

    private Draft draft(Escalation e, String owner) throws StoreUnavailable {
        String question = e.question() == null ? "" : e.question();
        KnowledgeBase current = kb.get();
        List<Match> closest = question.isEmpty() ? List.of() : current.rank(question, 5);
        String topic = closest.stream().map(Match::intent).filter(Intent::isAnswer).map(Intent::topic).findFirst()
                .orElse(current.language().topics().keySet().stream().findFirst().orElse("basics"));
        return drafts.add(e.id(), e.gapId(), owner, clock.instant(), n -> {
            String id = DraftIntent.idFor(question, n);
            return new Drafts.DraftText(id, DraftIntent.yaml(id, question.isEmpty() ? id : question,
                    SlackText.typed(e.reply()), topic, owner, e.repliedBy(), clock.instant().atZone(ZoneOffset.UTC).toLocalDate()));
        });
    }

    /** What Attest answered, in a line for the compliance team. */
    private String attestSaid(AskedQuestion q) {
        KnowledgeBase current = kb.get();
        return switch (q.outcome()) {
            case ANSWER -> texts.get(Text.EXPERTS_SAID_ANSWER, "title",
                    current.intent(q.intentId()).map(Intent::title).orElse(String.valueOf(q.intentId())));
            case DID_YOU_MEAN -> texts.get(Text.EXPERTS_SAID_SUGGESTIONS, "titles", q.suggestions().stream()
                    .map(id -> current.intent(id).map(Intent::title).orElse(id)).collect(Collectors.joining(" · ")));
            default -> texts.get(Text.EXPERTS_SAID_DECLINE);
        };
    }
}
