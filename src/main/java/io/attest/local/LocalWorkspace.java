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
    static final String EXPERTS = "C0EXPERTS";
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

    /** A modal the bot opened for a person; closed once submitted or dismissed. */
    public record View(String id, String user, JsonNode view) {
    }

    private final List<Message> messages = new ArrayList<>();
    private final java.util.Map<String, View> openViews = new java.util.LinkedHashMap<>();
    private final java.util.Map<String, JsonNode> homes = new java.util.HashMap<>();
    private long lastMicros;
    private long version;
    private int views;

    /** Opens a modal for {@code user} (views.open); returns its id. */
    synchronized String openView(String user, JsonNode view) {
        String id = "V" + String.format("%06d", ++views);
        openViews.put(id, new View(id, user, view));
        version++;
        return id;
    }

    synchronized Optional<View> view(String id) {
        return Optional.ofNullable(openViews.get(id));
    }

    /** The modal is submitted or cancelled. */
    synchronized void closeView(String id) {
        if (openViews.remove(id) != null) {
            version++;
        }
    }

    /** The modal is replaced by another (a view_submission answered with response_action update). */
    synchronized void updateView(String id, JsonNode view) {
        View open = openViews.get(id);
        if (open != null) {
            openViews.put(id, new View(id, open.user(), view));
            version++;
        }
    }

    /** The modal on top for {@code user}, if any. */
    public synchronized Optional<View> openViewFor(String user) {
        View top = null;
        for (View v : openViews.values()) {
            if (user.equals(v.user())) {
                top = v;
            }
        }
        return Optional.ofNullable(top);
    }

    /** Publishes {@code user}'s App Home tab (views.publish). */
    synchronized void publishHome(String user, JsonNode view) {
        homes.put(user, view);
        version++;
    }

    public synchronized Optional<JsonNode> home(String user) {
        return Optional.ofNullable(homes.get(user));
    }

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

    /**
     * Everything {@code user} sees, in order, with a version the page uses to know whether anything changed: the
     * messages, the modal on top (if any) and their App Home tab.
     */
    synchronized ObjectNode snapshot(String user) {
        ObjectNode node = JSON.createObjectNode().put("version", version);
        ArrayNode list = node.putArray("messages");
        messages.stream().filter(m -> !m.deleted()).forEach(m -> list.add(m.toJson(false)));
        openViewFor(user).ifPresent(v -> node.putObject("modal").put("id", v.id()).set("view", v.view()));
        JsonNode home = homes.get(user);
        if (home != null) {
            node.set("home", home);
        }
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
