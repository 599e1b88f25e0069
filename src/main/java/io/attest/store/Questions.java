package io.attest.store;

import static io.attest.store.Claims.at;

import io.attest.knowledge.ReplyKind;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every question asked and what Attest made of it: for the gap queue, App Home and the answer rates. */
public final class Questions {

    /** How many questions had each outcome. */
    public record Rates(Map<ReplyKind, Integer> byOutcome) {

        public int total() {
            return byOutcome.values().stream().mapToInt(Integer::intValue).sum();
        }

        public int count(ReplyKind kind) {
            return byOutcome.getOrDefault(kind, 0);
        }
    }

    /** An intent and how often it answered. */
    public record Answered(String intentId, int count) {
    }

    private static final String COLUMNS = "id, asked_at, user_id, surface, channel_type, channel_id, thread_ts, question, "
            + "outcome, intent_id, confidence, suggestions, gap_id";

    private final Store store;

    public Questions(Store store) {
        this.store = store;
    }

    /** Records a question; a "Did you mean…" waits to see whether a suggestion is clicked before it counts as a gap. */
    public boolean record(AskedQuestion q) {
        return recordAll(List.of(q));
    }

    /**
     * Records questions in one transaction: under load, questions arrive faster than one insert each can keep up with,
     * and a batch costs about what one insert does. When the database cannot take them, each is logged (its id, never
     * its text) and counted, and false is returned.
     */
    public boolean recordAll(List<AskedQuestion> batch) {
        if (batch.isEmpty()) {
            return true;
        }
        try {
            store.call("recording " + batch.size() + " question(s)", c -> {
                boolean autoCommit = c.getAutoCommit();
                c.setAutoCommit(false);
                try (PreparedStatement s = c.prepareStatement("insert into questions (" + COLUMNS.replace(", gap_id", "")
                        + ", gap_state) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing")) {
                    for (AskedQuestion q : batch) {
                        s.setString(1, q.id());
                        s.setObject(2, at(q.askedAt()));
                        s.setString(3, q.userId());
                        s.setString(4, q.surface().id());
                        s.setString(5, q.channelType().id());
                        s.setString(6, q.channelId());
                        s.setString(7, q.threadTs());
                        s.setString(8, cut(q.text(), 4000));
                        s.setString(9, q.outcome().name());
                        s.setString(10, q.intentId());
                        s.setDouble(11, q.confidence());
                        s.setString(12, cut(String.join(",", q.suggestions()), 1000));
                        s.setString(13, q.outcome() == ReplyKind.DID_YOU_MEAN ? "pending" : "none");
                        s.addBatch();
                    }
                    s.executeBatch();
                    c.commit();
                    return null;
                } catch (SQLException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(autoCommit);
                }
            });
            return true;
        } catch (StoreUnavailable e) {
            store.lost("recording a question", batch.stream().map(AskedQuestion::id).toList());
            return false;
        }
    }

    public Optional<AskedQuestion> find(String id) throws StoreUnavailable {
        return store.call("reading a question", c -> {
            try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from questions where id = ?")) {
                s.setString(1, id);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(read(r)) : Optional.empty();
                }
            }
        });
    }

    /** Someone clicked a suggestion of this "Did you mean…": it is not a gap. */
    public boolean followedUp(String id) {
        return store.record("noting a suggestion was clicked", id, c -> {
            try (PreparedStatement s = c.prepareStatement("update questions set followed_up = true, "
                    + "gap_state = case when gap_state = 'pending' then 'none' else gap_state end where id = ?")) {
                s.setString(1, id);
                return s.executeUpdate();
            }
        });
    }

    /** The person's latest questions, newest first. */
    public List<AskedQuestion> recent(String userId, int limit) throws StoreUnavailable {
        return store.call("reading recent questions", c -> {
            try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from questions "
                    + "where user_id = ? and question is not null and surface <> 'button' order by asked_at desc limit ?")) {
                s.setString(1, userId);
                s.setInt(2, limit);
                return list(s);
            }
        });
    }

    /** How questions since {@code since} were answered; buttons that opened an answer are not questions. */
    public Rates rates(Instant since) throws StoreUnavailable {
        return store.call("reading answer rates", c -> {
            try (PreparedStatement s = c.prepareStatement("select outcome, count(*) from questions "
                    + "where asked_at >= ? and surface <> 'button' group by outcome")) {
                s.setObject(1, at(since));
                Map<ReplyKind, Integer> counts = new EnumMap<>(ReplyKind.class);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        counts.put(ReplyKind.valueOf(r.getString(1)), r.getInt(2));
                    }
                }
                return new Rates(counts);
            }
        });
    }

    /** The intents that answered most since {@code since}. */
    public List<Answered> topAnswers(Instant since, int limit) throws StoreUnavailable {
        return store.call("reading top questions", c -> {
            try (PreparedStatement s = c.prepareStatement("select intent_id, count(*) as n from questions "
                    + "where asked_at >= ? and outcome = 'ANSWER' and surface <> 'button' group by intent_id "
                    + "order by n desc, intent_id limit ?")) {
                s.setObject(1, at(since));
                s.setInt(2, limit);
                List<Answered> top = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        top.add(new Answered(r.getString(1), r.getInt(2)));
                    }
                }
                return top;
            }
        });
    }

    /** "Did you mean…" replies asked before {@code cutoff} whose suggestions were not clicked, not yet counted. */
    List<AskedQuestion> unclickedBefore(Instant cutoff, int limit) throws StoreUnavailable {
        return store.call("reading unclicked suggestions", c -> {
            try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from questions "
                    + "where gap_state = 'pending' and asked_at < ? order by asked_at limit ?")) {
                s.setObject(1, at(cutoff));
                s.setInt(2, limit);
                return list(s);
            }
        });
    }

    /** Takes a pending question to count it as a gap; false when another instance, or a click, got there first. */
    boolean takePending(String id) throws StoreUnavailable {
        return store.call("counting an unclicked suggestion", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "update questions set gap_state = 'counted' where id = ? and gap_state = 'pending'")) {
                s.setString(1, id);
                return s.executeUpdate() == 1;
            }
        });
    }

    public boolean linkGap(String id, long gapId) {
        return store.record("linking a question to its gap", id, c -> {
            try (PreparedStatement s = c.prepareStatement("update questions set gap_id = ? where id = ?")) {
                s.setLong(1, gapId);
                s.setString(2, id);
                return s.executeUpdate();
            }
        });
    }

    /** Deletes the questions asked before {@code cutoff}: their text is kept no longer. */
    int purge(Instant cutoff) throws StoreUnavailable {
        return store.call("purging old questions", c -> {
            try (PreparedStatement s = c.prepareStatement("delete from questions where asked_at < ?")) {
                s.setObject(1, at(cutoff));
                return s.executeUpdate();
            }
        });
    }

    private static List<AskedQuestion> list(PreparedStatement s) throws SQLException {
        List<AskedQuestion> out = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(read(r));
            }
        }
        return out;
    }

    private static AskedQuestion read(ResultSet r) throws SQLException {
        String suggestions = r.getString("suggestions");
        return new AskedQuestion(r.getString("id"), instant(r, "asked_at"), r.getString("user_id"),
                Surface.of(r.getString("surface")), ChannelType.of(r.getString("channel_type")), r.getString("channel_id"),
                r.getString("thread_ts"), r.getString("question"), ReplyKind.valueOf(r.getString("outcome")),
                r.getString("intent_id"), r.getDouble("confidence"),
                suggestions == null || suggestions.isEmpty() ? List.of() : Arrays.asList(suggestions.split(",")),
                gapOf(r));
    }

    private static Long gapOf(ResultSet r) throws SQLException {
        long gap = r.getLong("gap_id");
        return r.wasNull() ? null : gap;
    }

    static Instant instant(ResultSet r, String column) throws SQLException {
        OffsetDateTime at = r.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
