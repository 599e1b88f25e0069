package io.attest.slack.feedback;

/** The action_ids and modal callback_ids of feedback, the gap queue and the compliance team; one listener each. */
public final class FeedbackActions {

    public static final String HELPFUL = "feedback_helpful";
    public static final String NOT_HELPFUL = "feedback_not_helpful";
    public static final String ASK_EXPERTS = "ask_experts";
    public static final String MAKE_DRAFT = "make_draft";
    public static final String SHOW_DRAFT = "show_draft";
    public static final String RESOLVE_GAP = "gap_resolve";
    public static final String DISMISS_GAP = "gap_dismiss";
    /** Modals. */
    public static final String MISSING_MODAL = "feedback_missing";
    public static final String RESOLVE_MODAL = "gap_resolve_modal";
    static final String MISSING_BLOCK = "missing";
    static final String MISSING_INPUT = "missing_text";
    static final String EXPERTS_BLOCK = "experts";
    static final String EXPERTS_INPUT = "ask_experts_too";
    static final String INTENT_BLOCK = "intent";
    static final String INTENT_INPUT = "intent_id";

    private FeedbackActions() {
    }
}
