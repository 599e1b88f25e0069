package io.attest.slack;

import io.attest.knowledge.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Everything Attest says on Slack that is not an answer (labels, hints, notices, apologies), read from
 * {@code language.yml}'s {@code responses}, so wording is edited as content and never hides in Java. A text may
 * hold {@code {name}} placeholders, filled by the caller.
 */
public final class Texts {

    /** Each text, by its key under {@code language.responses}. */
    public enum Text {
        USAGE_SLASH, USAGE_MENTION, USAGE_DIRECT,
        TOPICS_HEADER, TOPICS_FOOTER, TOPICS_SUMMARY,
        REP_NOTE, OUR_REPORTS_NOTE, SOURCES, SHARED_BY, SHARE_BUTTON, RELATED_TOPICS, ALSO_ASKED, DID_YOU_MEAN_FOOTER, SHOW_TOPICS_BUTTON,
        SHARE_FAILED_SUMMARY, SHARE_FAILED, TOPIC_GONE_SUMMARY, TOPIC_GONE,
        START_TRIAGE_BUTTON, TRIAGE_ROOT, TRIAGE_ROOT_FOR, TRIAGE_HINT, TRIAGE_OUTCOME, TRIAGE_ANSWERED,
        CHANGE_BUTTON, START_OVER_BUTTON, RECOMMENDATION_FOR, TRIAGE_INVITE, TRIAGE_START_FAILED,
        BUSY, RESTARTING, REPLY_FAILED, THREAD_FALLBACK, TRIAGE_CLICK_FAILED, TRIAGE_NEXT_FAILED,
        REASON_NOT_IN_CHANNEL, REASON_ARCHIVED, REASON_TOO_LONG, REASON_UNAVAILABLE, REASON_TOKEN_REFUSED, REASON_OTHER,
        HELPFUL_BUTTON, NOT_HELPFUL_BUTTON, FEEDBACK_THANKS, FEEDBACK_NOTED, FEEDBACK_MODAL_TITLE, FEEDBACK_MODAL_INTRO,
        FEEDBACK_MODAL_LABEL, FEEDBACK_MODAL_EXPERTS, FEEDBACK_MODAL_SUBMIT, FEEDBACK_MODAL_CLOSE,
        ASK_EXPERTS_BUTTON, EXPERTS_ASKED, EXPERTS_ALREADY_ASKED, EXPERTS_FAILED, EXPERTS_UNAVAILABLE, EXPERTS_POST,
        EXPERTS_SAID_ANSWER, EXPERTS_SAID_SUGGESTIONS, EXPERTS_SAID_DECLINE, EXPERTS_COMMENT, EXPERTS_HINT,
        EXPERTS_RELAY, EXPERTS_RELAYED, EXPERTS_RELAY_FAILED, DRAFT_BUTTON, DRAFT_MADE, DRAFT_CUT, DRAFT_NO_REPLY, OWNERS_ONLY,
        STORE_UNAVAILABLE, GAPS_HEADER, GAPS_INTRO, GAPS_EMPTY, GAPS_ITEM, GAPS_DECLINED, GAPS_UNCLICKED,
        GAPS_NOT_HELPFUL, GAPS_RECURRED, GAPS_PURGED, GAPS_RESOLVE_BUTTON, GAPS_DISMISS_BUTTON, GAPS_DRAFT_BUTTON,
        GAPS_FOOTER, GAPS_RESOLVE_TITLE, GAPS_RESOLVE_LABEL, GAPS_RESOLVE_HINT, GAPS_RESOLVE_SUBMIT,
        GAPS_UNKNOWN_INTENT, HOME_COVERS, HOME_RECENT, HOME_NO_RECENT, HOME_RECENT_ITEM, HOME_OUTCOME_ANSWER,
        HOME_OUTCOME_DID_YOU_MEAN, HOME_OUTCOME_DECLINE, HOME_OUTCOME_OTHER, HOME_OWNERS, HOME_GAPS, HOME_WEEK,
        HOME_TOP, HOME_TOP_ITEM, HOME_UNAVAILABLE, SHORTCUT_NO_TEXT;

        /** The key in language.yml. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Supplier<Language> language;

    /** @param language read per use, so local mode's reloaded content applies to the next message */
    public Texts(Supplier<Language> language) {
        this.language = language;
    }

    public String get(Text text) {
        return language.get().response(text.key());
    }

    /** The text with each {@code {name}} replaced: pass names and values alternately. */
    public String get(Text text, String... namesAndValues) {
        String out = get(text);
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            out = out.replace("{" + namesAndValues[i] + "}", namesAndValues[i + 1] == null ? "" : namesAndValues[i + 1]);
        }
        return out;
    }

    /** Why a message did not go through, in words for the person it was for. */
    public String reason(Delivery failed) {
        if (failed.status() == Delivery.Status.UNAVAILABLE) {
            return get(Text.REASON_UNAVAILABLE);
        }
        if (failed.notInChannel()) {
            return get(Text.REASON_NOT_IN_CHANNEL);
        }
        if (failed.tokenRefused()) {
            return get(Text.REASON_TOKEN_REFUSED);
        }
        return switch (String.valueOf(failed.error())) {
            case "is_archived" -> get(Text.REASON_ARCHIVED);
            case "msg_too_long", "invalid_blocks" -> get(Text.REASON_TOO_LONG);
            default -> get(Text.REASON_OTHER, "error", failed.error());
        };
    }

    /** The keys a language.yml lacks, so content that would leave Attest speechless is refused at load. */
    public static List<String> missing(Language language) {
        List<String> missing = new ArrayList<>();
        for (Text text : Text.values()) {
            if (language.response(text.key()).isBlank()) {
                missing.add(text.key());
            }
        }
        return missing;
    }
}
