package io.attest.store;

import static io.attest.store.Claims.at;
import static io.attest.store.Questions.cut;
import static io.attest.store.Questions.instant;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The questions Attest fails, grouped by similar question with counts and when last seen, for content owners to work
 * through. A new failure joins the most similar group (by the matcher's own measure) or starts one. A resolved group
 * that comes up again is opened again, flagged; a dismissed one only counts.
 */
public final class GapQueue {

    /** Groups a new question is compared with: the most recently seen ones. */
    static final int CANDIDATES = 200;
    private static final String COLUMNS = "id, question, status, recurred, declined, unclicked, not_helpful, first_seen, "
            + "last_seen, resolved_intent, escalation_id, draft_id";

    private final Store store;
    private final Similarity similarity;
    private final Clock clock;

    public GapQueue(Store store, Similarity similarity) {
        this.store = store;
        this.similarity = similarity;
        this.clock = store.clock();
    }

    /**
     * Counts a failed question in its group.
     *
     * @return the group's id
     */
    public long add(String question, Gap.Kind kind) throws StoreUnavailable {
        String text = cut(question, 4000);
        List<Gap> candidates = store.call("reading gaps to group a question", c -> {
            try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from gaps where question is not null "
                    + "order by last_seen desc limit ?")) {
                s.setInt(1, CANDIDATES);
                return list(s);
            }
        });
        Gap closest = null;
        double best = similarity.sameAt();
        for (Gap gap : candidates) {
            double score = similarity.of(text, gap.question());
            if (score >= best) {
                best = score;
                closest = gap;
            }
        }
        Instant now = clock.instant();
        if (closest != null) {
            long id = closest.id();
            store.call("counting a gap", c -> {
                // Every SET expression reads the row as it was, so "recurred" sees the status before this update.
                try (PreparedStatement s = c.prepareStatement("update gaps set question = ?, last_seen = ?, "
                        + kind.column + " = " + kind.column + " + 1, "
                        + "recurred = case when status = 'resolved' then true else recurred end, "
                        + "status = case when status = 'resolved' then 'open' else status end where id = ?")) {
                    s.setString(1, text);
                    s.setObject(2, at(now));
                    s.setLong(3, id);
                    return s.executeUpdate();
                }
            });
            return id;
        }
        return store.call("opening a gap", c -> {
            try (PreparedStatement s = c.prepareStatement("insert into gaps (question, status, " + kind.column
                    + ", first_seen, last_seen) values (?, 'open', 1, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                s.setString(1, text);
                s.setObject(2, at(now));
                s.setObject(3, at(now));
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /**
     * Counts, once each, the "Did you mean…" replies asked before {@code cutoff} whose suggestions nobody clicked.
     * Instances running this at the same time count each once: a question is taken before it is counted.
     *
     * @return how many were counted
     */
    public int countUnclicked(Questions questions, Instant cutoff) throws StoreUnavailable {
        int counted = 0;
        for (AskedQuestion q : questions.unclickedBefore(cutoff, CANDIDATES)) {
            if (q.text() == null || !questions.takePending(q.id())) {
                continue;
            }
            questions.linkGap(q.id(), add(q.text(), Gap.Kind.UNCLICKED));
            counted++;
        }
        return counted;
    }

    /** {@link #add}, and when the database is unavailable, the gap is logged (by the question's id) and counted as lost. */
    public java.util.OptionalLong record(String question, Gap.Kind kind, String questionId) {
        try {
            return java.util.OptionalLong.of(add(question, kind));
        } catch (StoreUnavailable e) {
            store.lost("counting a gap", questionId);
            return java.util.OptionalLong.empty();
        }
    }

    /** Open gaps, most frequent first, then most recent. */
    public List<Gap> open(int limit) throws StoreUnavailable {
        return store.call("reading the gap queue", c -> {
            try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from gaps where status = 'open' "
                    + "order by declined + unclicked + not_helpful desc, last_seen desc, id limit ?")) {
                s.setInt(1, limit);
                return list(s);
            }
        });
    }

    public Optional<Gap> find(long id) throws StoreUnavailable {
        return store.call("reading a gap", c -> {
            try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from gaps where id = ?")) {
                s.setLong(1, id);
                List<Gap> found = list(s);
                return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
            }
        });
    }

    /** The gap is answered now, by {@code intentId}: it leaves the queue until it comes up again. */
    public boolean resolve(long id, String intentId, String owner) throws StoreUnavailable {
        return close(id, Gap.Status.RESOLVED, intentId, owner);
    }

    /** Not something Attest will answer: it leaves the queue for good. */
    public boolean dismiss(long id, String owner) throws StoreUnavailable {
        return close(id, Gap.Status.DISMISSED, null, owner);
    }

    private boolean close(long id, Gap.Status status, String intentId, String owner) throws StoreUnavailable {
        Instant now = clock.instant();
        return store.call("closing a gap", c -> {
            try (PreparedStatement s = c.prepareStatement("update gaps set status = ?, resolved_intent = coalesce(?, resolved_intent), "
                    + "closed_by = ?, closed_at = ?, recurred = false where id = ?")) {
                s.setString(1, status.id());
                s.setString(2, intentId);
                s.setString(3, owner);
                s.setObject(4, at(now));
                s.setLong(5, id);
                return s.executeUpdate() == 1;
            }
        });
    }

    public void linkEscalation(long gapId, long escalationId) throws StoreUnavailable {
        link(gapId, "escalation_id", escalationId);
    }

    private void link(long gapId, String column, long value) throws StoreUnavailable {
        store.call("linking a gap", c -> {
            try (PreparedStatement s = c.prepareStatement("update gaps set " + column + " = ? where id = ?")) {
                s.setLong(1, value);
                s.setLong(2, gapId);
                return s.executeUpdate();
            }
        });
    }

    /** Forgets the question of every gap not seen since {@code cutoff}. */
    static int purge(Store store, Instant cutoff) throws StoreUnavailable {
        return store.call("purging old gap text", c -> {
            try (PreparedStatement s = c.prepareStatement("update gaps set question = null where last_seen < ? and question is not null")) {
                s.setObject(1, at(cutoff));
                return s.executeUpdate();
            }
        });
    }

    private static List<Gap> list(PreparedStatement s) throws SQLException {
        List<Gap> out = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                long escalation = r.getLong("escalation_id");
                Long escalationId = r.wasNull() ? null : escalation;
                long draft = r.getLong("draft_id");
                Long draftId = r.wasNull() ? null : draft;
                out.add(new Gap(r.getLong("id"), r.getString("question"),
                        Gap.Status.valueOf(r.getString("status").toUpperCase(java.util.Locale.ROOT)), r.getBoolean("recurred"),
                        r.getInt("declined"), r.getInt("unclicked"), r.getInt("not_helpful"), instant(r, "first_seen"),
                        instant(r, "last_seen"), r.getString("resolved_intent"), escalationId, draftId));
            }
        }
        return out;
    }
}
