package io.attest.slack;

/**
 * How to reach, privately, the person a piece of work is for: through the interaction's response_url when there is
 * one (it needs no token and no channel membership), else as an ephemeral message in the channel.
 *
 * @param responseUrl the interaction's response_url, or null (events have none)
 * @param threadTs    the thread to show an ephemeral message in, or null
 */
public record Asker(String user, String channel, String threadTs, String responseUrl) {

    public static Asker viaResponseUrl(String user, String channel, String responseUrl) {
        return new Asker(user, channel, null, responseUrl);
    }

    public static Asker inChannel(String user, String channel, String threadTs) {
        return new Asker(user, channel, threadTs, null);
    }

    /** True when there is any way to reach the person. */
    public boolean reachable() {
        return responseUrl != null || user != null && channel != null;
    }
}
