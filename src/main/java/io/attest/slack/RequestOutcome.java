package io.attest.slack;

import java.util.Locale;

/** How the edge answered one request or envelope from Slack: a tag on {@code attest_slack_requests_total}. */
public enum RequestOutcome {
    /** Acknowledged (answered in the ack, or work accepted, or deliberately ignored). */
    ACKED,
    /** Bad or missing signature, or too old (401). */
    UNSIGNED,
    /** Signed, but not a payload Slack would send (400; in Socket Mode, acknowledged and dropped). */
    MALFORMED,
    /** Body over the limit (413). */
    TOO_LARGE,
    /** Body sent too slowly (408). */
    TOO_SLOW,
    /** A listener failed (500; in Socket Mode, not acknowledged, so Slack delivers it again). */
    FAILED;

    private final String tag = name().toLowerCase(Locale.ROOT);

    public String tag() {
        return tag;
    }
}
