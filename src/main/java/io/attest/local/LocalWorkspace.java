package io.attest.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The messages of a Slack workspace, kept in memory. The person (typing on the console page) and the bot (through
 * {@link LocalSlack}'s Web API) both write here; the page and tests read it.
 */
public final class LocalWorkspace {

    static final String CHANNEL = "C0LOCAL";
    static final String DM = "D0LOCAL";
    static final String USER = "U0LOCAL";
    static final String BOT = "U0ATTEST";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One message; {@code visibleTo} is set for ephemeral messages, which only that user sees and which no history
     * shows. {@code metadata} is Slack's message metadata, when the poster set any.
     */
    public record Message(String channel, String ts, String threadTs, String user, String text, JsonNode blocks,
                          String visibleTo, boolean deleted, JsonNode metadata) {

        ObjectNode toJson(boolean withMetadata) {
            ObjectNode node = JSON.createObjectNode().put("type", "message").put("channel", channel).put("ts", ts)
                    .put("user", user).put("text", text).put("ephemeral", visibleTo != null);
            node.put("thread_ts", threadTs);
            node.set("blocks", blocks == null ? JSON.createArrayNode() : blocks);
            if (withMetadata && metadata != null) {
                node.set("metadata", metadata);
            }
            return node;
        }

        /** Part of the channel's history, or of a thread's replies: not deleted, not ephemeral. */
        boolean listed() {
            return !deleted && visibleTo == null;
        }
    }

    private final List<Message> messages = new ArrayList<>();
    private long lastMicros;
    private long version;

    synchronized String post(String channel, String threadTs, String user, String text, JsonNode blocks, String visibleTo) {
        return post(channel, threadTs, user, text, blocks, visibleTo, null);
    }

    synchronized String post(String channel, String threadTs, String user, String text, JsonNode blocks, String visibleTo,
                             JsonNode metadata) {
        String ts = nextTs();
        messages.add(new Message(channel, ts, blank(threadTs), user, text == null ? "" : text, blocks, visibleTo, false,
                metadata));
        version++;
        return ts;
    }

    synchronized boolean update(String channel, String ts, String text, JsonNode blocks) {
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i);
            if (m.channel().equals(channel) && m.ts().equals(ts) && !m.deleted()) {
                messages.set(i, new Message(channel, ts, m.threadTs(), m.user(), text == null ? m.text() : text,
                        blocks == null ? m.blocks() : blocks, m.visibleTo(), false, m.metadata()));
                version++;
                return true;
            }
        }
        return false;
    }

    synchronized boolean delete(String channel, String ts) {
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i);
            if (m.channel().equals(channel) && m.ts().equals(ts)) {
                messages.set(i, new Message(channel, ts, m.threadTs(), m.user(), m.text(), m.blocks(), m.visibleTo(), true,
                        m.metadata()));
                version++;
                return true;
            }
        }
        return false;
    }

    synchronized Optional<Message> find(String channel, String ts) {
        return messages.stream().filter(m -> m.channel().equals(channel) && m.ts().equals(ts) && !m.deleted()).findFirst();
    }

    /** Every message in a channel that is not deleted, ephemeral ones included, oldest first. */
    public synchronized List<Message> messages(String channel) {
        return messages.stream().filter(m -> m.channel().equals(channel) && !m.deleted()).toList();
    }

    /** The channel's own messages (not replies), newest first, as conversations.history lists them. */
    synchronized List<Message> history(String channel) {
        return messages.stream().filter(m -> m.channel().equals(channel) && m.listed()
                        && (m.threadTs() == null || m.threadTs().equals(m.ts())))
                .sorted(Comparator.comparing(Message::ts).reversed()).toList();
    }

    /** A thread's parent (when it exists) and its replies, oldest first, as conversations.replies lists them. */
    synchronized List<Message> thread(String channel, String threadTs) {
        return messages.stream().filter(m -> m.channel().equals(channel) && m.listed()
                && (m.ts().equals(threadTs) || threadTs.equals(m.threadTs()))).toList();
    }

    /** Everything visible, in order, with a version the page uses to know whether anything changed. */
    synchronized ObjectNode snapshot() {
        ObjectNode node = JSON.createObjectNode().put("version", version);
        ArrayNode list = node.putArray("messages");
        messages.stream().filter(m -> !m.deleted()).forEach(m -> list.add(m.toJson(false)));
        return node;
    }

    /** Slack-style "seconds.micros" from the wall clock, always after the previous one, so ts stay unique. */
    private String nextTs() {
        long micros = Math.max(System.currentTimeMillis() * 1000, lastMicros + 1);
        lastMicros = micros;
        return (micros / 1_000_000) + "." + String.format("%06d", micros % 1_000_000);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
