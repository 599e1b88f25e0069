package io.attest.store;

import static io.attest.store.Claims.at;
import static io.attest.store.Questions.cut;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

/** Helpful / Not helpful: one vote per person per answer; clicking again changes it, and counts once. */
public final class Votes {

    /** What a vote did. */
    public enum Change {
        /** The person's first vote on this answer. */
        NEW,
        /** The person changed their vote. */
        CHANGED,
        /** The same vote again: nothing to count. */
        SAME
    }

    private final Store store;

    public Votes(Store store) {
        this.store = store;
    }

    /** Stores the vote with the question it answered (when that was recorded). */
    public Change vote(Vote v) throws StoreUnavailable {
        return store.call("recording a vote", c -> {
            String question = null;
            try (PreparedStatement q = c.prepareStatement("select question from questions where id = ?")) {
                q.setString(1, v.answerId());
                try (ResultSet r = q.executeQuery()) {
                    if (r.next()) {
                        question = r.getString(1);
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("insert into votes (answer_id, user_id, helpful, question, intent_id, "
                    + "confidence, surface, channel_type, voted_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing")) {
                s.setString(1, v.answerId());
                s.setString(2, v.userId());
                s.setBoolean(3, v.helpful());
                s.setString(4, question);
                s.setString(5, v.intentId());
                s.setDouble(6, v.confidence());
                s.setString(7, v.surface().id());
                s.setString(8, v.channelType().id());
                s.setObject(9, at(v.votedAt()));
                if (s.executeUpdate() == 1) {
                    return Change.NEW;
                }
            }
            try (PreparedStatement s = c.prepareStatement("update votes set helpful = ?, voted_at = ? "
                    + "where answer_id = ? and user_id = ? and helpful <> ?")) {
                s.setBoolean(1, v.helpful());
                s.setObject(2, at(v.votedAt()));
                s.setString(3, v.answerId());
                s.setString(4, v.userId());
                s.setBoolean(5, v.helpful());
                return s.executeUpdate() == 1 ? Change.CHANGED : Change.SAME;
            }
        });
    }

    /** {@link #vote}, and when the database is unavailable, the vote is logged (by its answer's id) and counted as lost. */
    public Optional<Change> record(Vote v) {
        try {
            return Optional.of(vote(v));
        } catch (StoreUnavailable e) {
            store.lost("recording a vote", v.answerId());
            return Optional.empty();
        }
    }

    /** What was missing, in the voter's words (from the "Not helpful" form). */
    public boolean comment(String answerId, String userId, String comment) {
        return store.record("recording what was missing", answerId, c -> {
            try (PreparedStatement s = c.prepareStatement("update votes set comment = ? where answer_id = ? and user_id = ?")) {
                s.setString(1, cut(comment, 3000));
                s.setString(2, answerId);
                s.setString(3, userId);
                return s.executeUpdate();
            }
        });
    }

    /** The question text of a vote, for the gap it goes into; empty when it was never recorded or is purged. */
    public Optional<String> question(String answerId, String userId) throws StoreUnavailable {
        return store.call("reading a vote", c -> {
            try (PreparedStatement s = c.prepareStatement("select question from votes where answer_id = ? and user_id = ?")) {
                s.setString(1, answerId);
                s.setString(2, userId);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.ofNullable(r.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** The gap a not-helpful vote was counted in, if any. */
    public Optional<Long> gapOf(String answerId, String userId) throws StoreUnavailable {
        return store.call("reading a vote's gap", c -> {
            try (PreparedStatement s = c.prepareStatement("select gap_id from votes where answer_id = ? and user_id = ?")) {
                s.setString(1, answerId);
                s.setString(2, userId);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.<Long>empty();
                    }
                    long gap = r.getLong(1);
                    return r.wasNull() ? Optional.<Long>empty() : Optional.of(gap);
                }
            }
        });
    }

    public void linkGap(String answerId, String userId, long gapId) throws StoreUnavailable {
        store.call("linking a vote to its gap", c -> {
            try (PreparedStatement s = c.prepareStatement("update votes set gap_id = ? where answer_id = ? and user_id = ?")) {
                s.setLong(1, gapId);
                s.setString(2, answerId);
                s.setString(3, userId);
                return s.executeUpdate();
            }
        });
    }

    /** Forgets the question and comment of votes older than {@code cutoff}; the counts stay. */
    int purge(Instant cutoff) throws StoreUnavailable {
        return store.call("purging old vote text", c -> {
            try (PreparedStatement s = c.prepareStatement("update votes set question = null, comment = null "
                    + "where voted_at < ? and (question is not null or comment is not null)")) {
                s.setObject(1, at(cutoff));
                return s.executeUpdate();
            }
        });
    }
}
