package io.attest.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.model.Message;
import java.util.List;

/**
 * Reads the fields of a button click that listeners need, tolerating any of them being absent: a signed payload
 * with a missing field is ignored or answered, never a crash on the ack path.
 */
public final class Payloads {

    private Payloads() {
    }

    /** The clicked action, or null when the payload carries none. */
    public static BlockActionPayload.Action action(BlockActionPayload p) {
        List<BlockActionPayload.Action> actions = p.getActions();
        return actions == null || actions.isEmpty() ? null : actions.get(0);
    }

    public static String actionId(BlockActionPayload p) {
        BlockActionPayload.Action a = action(p);
        return a == null || a.getActionId() == null ? "" : a.getActionId();
    }

    public static String blockId(BlockActionPayload p) {
        BlockActionPayload.Action a = action(p);
        return a == null || a.getBlockId() == null ? "" : a.getBlockId();
    }

    /** The button's value, or "" when it has none. */
    public static String value(BlockActionPayload p) {
        BlockActionPayload.Action a = action(p);
        return a == null || a.getValue() == null ? "" : a.getValue();
    }

    /** Who clicked, or null. */
    public static String user(BlockActionPayload p) {
        return p.getUser() == null ? null : p.getUser().getId();
    }

    /** Where the click happened: the channel, or the container's channel, or null. */
    public static String channel(BlockActionPayload p) {
        if (p.getChannel() != null && p.getChannel().getId() != null) {
            return p.getChannel().getId();
        }
        return p.getContainer() == null ? null : p.getContainer().getChannelId();
    }

    /** The ts of the message holding the button, or null (ephemeral messages have none). */
    public static String messageTs(BlockActionPayload p) {
        return p.getContainer() == null ? null : p.getContainer().getMessageTs();
    }

    public static boolean inEphemeralMessage(BlockActionPayload p) {
        return p.getContainer() != null && p.getContainer().isEphemeral();
    }

    /** The message holding the button as it is now, or null (Slack leaves it out for ephemeral messages). */
    public static Message message(BlockActionPayload p) {
        return p.getMessage();
    }
}
