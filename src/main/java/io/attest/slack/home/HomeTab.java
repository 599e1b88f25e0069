package io.attest.slack.home;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppHomeOpenedEvent;
import io.attest.knowledge.Intent;
import io.attest.knowledge.KnowledgeBase;
import io.attest.knowledge.ReplyKind;
import io.attest.slack.AfterAck;
import io.attest.slack.Asker;
import io.attest.slack.BlockKit;
import io.attest.slack.BlockKitLimits;
import io.attest.slack.JobKind;
import io.attest.slack.Payloads;
import io.attest.slack.SlackText;
import io.attest.slack.SlackWebApi;
import io.attest.slack.Texts;
import io.attest.slack.Texts.Text;
import io.attest.slack.answers.TriageStarter;
import io.attest.slack.feedback.Owners;
import io.attest.store.AskedQuestion;
import io.attest.store.Gap;
import io.attest.store.GapQueue;
import io.attest.store.Questions;
import io.attest.store.StoreUnavailable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Attest's App Home tab, published each time a person opens it: what Attest covers, Start triage (in their DM with
 * Attest) and their recent questions; for content owners also the top gaps, this week's rates and top questions.
 */
public final class HomeTab implements BoltEventHandler<AppHomeOpenedEvent> {

    public static final String START_TRIAGE = "home_start_triage";
    private static final int RECENT = 5;
    private static final int TOP = 5;
    private static final Duration WEEK = Duration.ofDays(7);

    private final Supplier<KnowledgeBase> kb;
    private final Questions questions;
    private final GapQueue gaps;
    private final Owners owners;
    private final SlackWebApi api;
    private final AfterAck afterAck;
    private final Texts texts;
    private final TriageStarter triage;
    private final Clock clock;

    public HomeTab(Supplier<KnowledgeBase> kb, Questions questions, GapQueue gaps, Owners owners, SlackWebApi api,
                   AfterAck afterAck, Texts texts, TriageStarter triage, Clock clock) {
        this.kb = kb;
        this.questions = questions;
        this.gaps = gaps;
        this.owners = owners;
        this.api = api;
        this.afterAck = afterAck;
        this.texts = texts;
        this.triage = triage;
        this.clock = clock;
    }

    @Override
    public Response apply(EventsApiPayload<AppHomeOpenedEvent> payload, EventContext ctx) {
        AppHomeOpenedEvent event = payload.getEvent();
        if (event == null || event.getUser() == null || !"home".equals(event.getTab())) {
            return ctx.ack();
        }
        String user = event.getUser();
        String dm = event.getChannel();
        afterAck.submit(JobKind.PUBLISHING_APP_HOME, payload.getEventId(), null,
                job -> api.publishHome(job, user, view(user, dm)));
        return ctx.ack();
    }

    /** "Start triage" on the Home tab: the thread goes in the person's DM with Attest. */
    public Response onStartTriage(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        String user = Payloads.user(p);
        String dm = Payloads.value(p);
        if (user == null || !dm.startsWith("D")) {
            return ctx.ack();
        }
        Asker asker = Asker.inChannel(user, dm, null);
        afterAck.submit(JobKind.STARTING_A_TRIAGE, null, asker, job -> triage.start(job, dm, user, "", asker));
        return ctx.ack();
    }

    ObjectNode view(String user, String dm) {
        KnowledgeBase current = kb.get();
        ArrayNode blocks = BlockKit.blocks();
        blocks.add(BlockKit.section(BlockKit.fit(current.language().response("help"), BlockKitLimits.MAX_SECTION_TEXT)));
        if (dm != null && dm.startsWith("D")) {
            ObjectNode actions = BlockKit.actions("home_actions");
            ((ArrayNode) actions.get("elements")).add(BlockKit.primary(BlockKit.button(texts.get(Text.START_TRIAGE_BUTTON),
                    START_TRIAGE, dm)));
            blocks.add(actions);
        }
        Set<String> topics = new LinkedHashSet<>();
        current.answers().forEach(i -> topics.add(current.language().topicTitle(i.topic())));
        blocks.add(BlockKit.section(BlockKit.fit(texts.get(Text.HOME_COVERS, "topics", String.join(" · ", topics)),
                BlockKitLimits.MAX_SECTION_TEXT)));
        blocks.add(BlockKit.divider());
        blocks.add(BlockKit.section(recent(user, current)));
        if (owners.include(user)) {
            blocks.add(BlockKit.divider());
            blocks.add(BlockKit.header(texts.get(Text.HOME_OWNERS)));
            blocks.add(BlockKit.section(topGaps()));
            blocks.add(BlockKit.section(week(current)));
        }
        return BlockKit.home(blocks);
    }

    private String recent(String user, KnowledgeBase current) {
        StringBuilder text = new StringBuilder(texts.get(Text.HOME_RECENT));
        try {
            List<AskedQuestion> asked = questions.recent(user, RECENT);
            if (asked.isEmpty()) {
                return text.append('\n').append(texts.get(Text.HOME_NO_RECENT)).toString();
            }
            for (AskedQuestion q : asked) {
                text.append('\n').append(texts.get(Text.HOME_RECENT_ITEM, "question", BlockKit.fit(escape(q.text()), 200),
                        "outcome", outcome(q, current), "when", SlackText.date(q.askedAt(), clock.instant())));
            }
        } catch (StoreUnavailable e) {
            text.append('\n').append(texts.get(Text.HOME_UNAVAILABLE));
        }
        return BlockKit.fit(text.toString(), BlockKitLimits.MAX_SECTION_TEXT);
    }

    private String topGaps() {
        StringBuilder text = new StringBuilder(texts.get(Text.HOME_GAPS));
        try {
            List<Gap> open = gaps.open(TOP);
            if (open.isEmpty()) {
                text.append('\n').append(texts.get(Text.GAPS_EMPTY));
            }
            for (Gap gap : open) {
                text.append('\n').append(texts.get(Text.HOME_TOP_ITEM, "title", "“" + BlockKit.fit(
                        gap.question() == null ? texts.get(Text.GAPS_PURGED) : escape(gap.question()), 200) + "”",
                        "count", Integer.toString(gap.hits())));
            }
        } catch (StoreUnavailable e) {
            text.append('\n').append(texts.get(Text.HOME_UNAVAILABLE));
        }
        return BlockKit.fit(text.toString(), BlockKitLimits.MAX_SECTION_TEXT);
    }

    private String week(KnowledgeBase current) {
        Instant since = clock.instant().minus(WEEK);
        try {
            Questions.Rates rates = questions.rates(since);
            int total = rates.total();
            StringBuilder text = new StringBuilder(texts.get(Text.HOME_WEEK, "total", Integer.toString(total),
                    "answered", percent(rates.count(ReplyKind.ANSWER), total),
                    "suggested", percent(rates.count(ReplyKind.DID_YOU_MEAN), total),
                    "declined", percent(rates.count(ReplyKind.DECLINE), total)));
            text.append("\n\n").append(texts.get(Text.HOME_TOP));
            for (Questions.Answered top : questions.topAnswers(since, TOP)) {
                text.append('\n').append(texts.get(Text.HOME_TOP_ITEM, "title",
                        current.intent(top.intentId()).map(Intent::title).orElse(top.intentId()),
                        "count", Integer.toString(top.count())));
            }
            return BlockKit.fit(text.toString(), BlockKitLimits.MAX_SECTION_TEXT);
        } catch (StoreUnavailable e) {
            return texts.get(Text.HOME_UNAVAILABLE);
        }
    }

    private String outcome(AskedQuestion q, KnowledgeBase current) {
        return switch (q.outcome()) {
            case ANSWER -> texts.get(Text.HOME_OUTCOME_ANSWER, "title",
                    current.intent(q.intentId()).map(Intent::title).orElse(String.valueOf(q.intentId())));
            case DID_YOU_MEAN -> texts.get(Text.HOME_OUTCOME_DID_YOU_MEAN);
            case DECLINE -> texts.get(Text.HOME_OUTCOME_DECLINE);
            default -> texts.get(Text.HOME_OUTCOME_OTHER);
        };
    }

    private static String percent(int part, int total) {
        return total == 0 ? "0" : Long.toString(Math.round(100.0 * part / total));
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
