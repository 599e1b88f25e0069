package io.attest.slack;

import java.util.Set;

/**
 * What became of a Web API call, after every retry it was allowed.
 *
 * @param ts    the message's ts, when Slack gave one
 * @param error Slack's error code, or what went wrong on the way ("http_500", "timeout", "connection_dropped")
 */
public record Delivery(Status status, String ts, String error) {

    public enum Status {
        /** Slack did it. */
        DELIVERED,
        /** Slack said no, for good (not_in_channel, is_archived, msg_too_long, invalid_auth…). */
        REJECTED,
        /** Slack kept failing or did not answer until the deadline. */
        UNAVAILABLE,
        /** It may have arrived: not sent again, so it cannot arrive twice. */
        UNCERTAIN
    }

    private static final Set<String> NOT_A_MEMBER = Set.of("not_in_channel", "channel_not_found");

    static Delivery delivered(String ts) {
        return new Delivery(Status.DELIVERED, ts, null);
    }

    static Delivery rejected(String error) {
        return new Delivery(Status.REJECTED, null, error);
    }

    static Delivery unavailable(String error) {
        return new Delivery(Status.UNAVAILABLE, null, error);
    }

    static Delivery uncertain(String error) {
        return new Delivery(Status.UNCERTAIN, null, error);
    }

    public boolean delivered() {
        return status == Status.DELIVERED;
    }

    /** Slack refused because the bot is not a member of the channel (or cannot see it). */
    public boolean notInChannel() {
        return status == Status.REJECTED && NOT_A_MEMBER.contains(error);
    }

    /** Slack no longer accepts the bot token: nothing that needs it can work. */
    public boolean tokenRefused() {
        return status == Status.REJECTED && SlackWebApi.TOKEN_REFUSED.contains(error);
    }

    /** Worth telling the person another way: it certainly did not arrive (and may never, without them). */
    public boolean worthTelling() {
        return status == Status.REJECTED || status == Status.UNAVAILABLE;
    }
}
