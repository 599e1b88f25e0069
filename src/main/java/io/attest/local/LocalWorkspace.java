package io.attest.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The messages of the local console's workspace: one channel and one DM with the bot, kept in memory.
 * Both the person (typing on the page) and the bot (through the local Web API) write here; the page reads it.
 */
final class LocalWorkspace {

    static final String CHANNEL = "C0LOCAL";
    static final String DM = "D0LOCAL";
    static final String USER = "U0LOCAL";
    static final String BOT = "U0ATTEST";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One message; {@code visibleTo} is set for ephemeral messages, which only that user sees. */
    record Message(String channel, String ts, String threadTs, String user, String text, JsonNode blocks,
                   String visibleTo, boolean deleted) {

        ObjectNode toJson() {
            ObjectNode node = JSON.createObjectNode().put("channel", channel).put("ts", ts).put("user", user)
                    .put("text", text).put("ephemeral", visibleTo != null);
            node.put("thread_ts", threadTs);
            node.set("blocks", blocks == null ? JSON.createArrayNode() : blocks);
            return node;
        }
    }

    private final List<Message> messages = new ArrayList<>();
    private long lastMicros;
    private long version;

    synchronized String post(String channel, String threadTs, String user, String text, JsonNode blocks, String visibleTo) {
        String ts = nextTs();
        messages.add(new Message(channel, ts, blank(threadTs), user, text == null ? "" : text, blocks, visibleTo, false));
        version++;
        return ts;
    }

    synchronized boolean update(String channel, String ts, String text, JsonNode blocks) {
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i);
            if (m.channel().equals(channel) && m.ts().equals(ts) && !m.deleted()) {
                messages.set(i, new Message(channel, ts, m.threadTs(), m.user(), text == null ? m.text() : text,
                        blocks == null ? m.blocks() : blocks, m.visibleTo(), false));
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
                messages.set(i, new Message(channel, ts, m.threadTs(), m.user(), m.text(), m.blocks(), m.visibleTo(), true));
                version++;
                return true;
            }
        }
        return false;
    }

    synchronized Optional<Message> find(String channel, String ts) {
        return messages.stream().filter(m -> m.channel().equals(channel) && m.ts().equals(ts) && !m.deleted()).findFirst();
    }

    /** Everything visible, in order, with a version the page uses to know whether anything changed. */
    synchronized ObjectNode snapshot() {
        ObjectNode node = JSON.createObjectNode().put("version", version);
        ArrayNode list = node.putArray("messages");
        messages.stream().filter(m -> !m.deleted()).forEach(m -> list.add(m.toJson()));
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
