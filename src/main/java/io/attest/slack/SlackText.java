package io.attest.slack;

import java.util.regex.Pattern;

/** Turns Slack's message markup back into what the person typed. */
public final class SlackText {

    private static final Pattern MENTION = Pattern.compile("<[@!#][^>]*>");
    /** Links arrive as {@code <url|label>} or {@code <url>}; keep what the person saw. */
    private static final Pattern LINK = Pattern.compile("<([^<>|]+)\\|([^<>]*)>|<([^<>|]+)>");

    private SlackText() {
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
