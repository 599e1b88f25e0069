package io.attest.slack;

import java.util.regex.Pattern;

/** Turns Slack's message markup back into what the person typed. */
public final class SlackText {

    private static final Pattern MENTION = Pattern.compile("<[@!#][^>]*>");
    /** Links arrive as {@code <url|label>} or {@code <url>}; keep what the person saw. */
    private static final Pattern LINK = Pattern.compile("<([^<>|]+)\\|([^<>]*)>|<([^<>|]+)>");

    private SlackText() {
    }

    /**
     * A date Slack shows in each reader's own time zone and format ("Yesterday", "May 1st"), or as a time of day when it
     * is today's; the ISO form where a client cannot format it.
     */
    public static String date(java.time.Instant at, java.time.Instant now) {
        boolean today = java.time.Duration.between(at, now).toHours() < 24;
        return "<!date^" + at.getEpochSecond() + (today ? "^{time}|" : "^{date_short_pretty}|")
                + java.time.format.DateTimeFormatter.ISO_LOCAL_DATE.format(at.atOffset(java.time.ZoneOffset.UTC)) + ">";
    }

    /** Without user mentions (the "@attest" itself), with links as their labels and entities decoded. */
    public static String typed(String slackText) {
        if (slackText == null) {
            return "";
        }
        String text = MENTION.matcher(slackText).replaceAll(" ");
        text = LINK.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                m.group(2) != null ? m.group(2) : m.group(3)));
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").trim();
    }
}
