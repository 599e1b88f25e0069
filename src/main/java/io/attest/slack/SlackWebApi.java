package io.attest.slack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostEphemeralResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.webhook.WebhookResponse;
import java.io.IOException;

/**
 * The Web API calls Attest makes, all after the ack. Wraps Bolt's client so listeners neither build requests
 * nor handle the token; the base URL comes from {@code SLACK_API_URL} through the {@link Slack} instance.
 */
public final class SlackWebApi {

    /** What Slack said to a post: the new message's ts, or the error code. */
    public record Posted(boolean ok, String ts, String error) {
        public boolean notInChannel() {
            return "not_in_channel".equals(error) || "channel_not_found".equals(error);
        }
    }

    private final Slack slack;
    private final MethodsClient methods;

    public SlackWebApi(Slack slack, String botToken) {
        this.slack = slack;
        this.methods = slack.methods(botToken);
    }

    public Posted postMessage(String channel, String threadTs, SlackMessage message) throws IOException, SlackApiException {
        ChatPostMessageResponse r = methods.chatPostMessage(req -> req
                .channel(channel)
                .threadTs(threadTs)
                .text(message.text())
                .blocksAsString(message.blocksJson())
                .unfurlLinks(false));
        return new Posted(r.isOk(), r.getTs(), r.getError());
    }

    public Posted postEphemeral(String channel, String user, String threadTs, SlackMessage message)
            throws IOException, SlackApiException {
        ChatPostEphemeralResponse r = methods.chatPostEphemeral(req -> req
                .channel(channel)
                .user(user)
                .threadTs(threadTs)
                .text(message.text())
                .blocksAsString(message.blocksJson()));
        return new Posted(r.isOk(), r.getMessageTs(), r.getError());
    }

    public Posted update(String channel, String ts, SlackMessage message) throws IOException, SlackApiException {
        ChatUpdateResponse r = methods.chatUpdate(req -> req
                .channel(channel)
                .ts(ts)
                .text(message.text())
                .blocksAsString(message.blocksJson()));
        return new Posted(r.isOk(), r.getTs(), r.getError());
    }

    /** Posts to an interaction's response_url (replace, delete, or add an ephemeral or in-channel message). */
    public boolean respond(String responseUrl, ObjectNode payload) throws IOException {
        WebhookResponse r = slack.send(responseUrl, payload.toString());
        return r.getCode() != null && r.getCode() >= 200 && r.getCode() < 300;
    }
}
