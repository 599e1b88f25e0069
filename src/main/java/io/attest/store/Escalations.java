package io.attest.store;

import static io.attest.store.Claims.at;
import static io.attest.store.Questions.cut;
import static io.attest.store.Questions.instant;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;

/** Questions taken to the compliance team, their posts in the experts channel, and the first reply to each. */
public final class Escalations {

    private static final String COLUMNS = "id, question_id, gap_id, asked_by, surface, channel_id, thread_ts, question, "
            + "attest_said, experts_channel, experts_ts, reply, replied_by, replied_at, created_at";

    private final Store store;

    public Escalations(Store store) {
        this.store = store;
    }

    /** Records a question on its way to the experts; its post's ts follows with {@link #posted}. */
    public long open(Escalation e) throws StoreUnavailable {
        return store.call("recording an escalation", c -> {
            try (PreparedStatement s = c.prepareStatement("insert into escalations (question_id, gap_id, asked_by, surface, "
                    + "channel_id, thread_ts, question, attest_said, experts_channel, created_at) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                s.setString(1, e.questionId());
                if (e.gapId() == null) {
                    s.setNull(2, Types.BIGINT);
                } else {
                    s.setLong(2, e.gapId());
                }
                s.setString(3, e.askedBy());
                s.setString(4, e.surface().id());
                s.setString(5, e.channelId());
                s.setString(6, e.threadTs());
                s.setString(7, cut(e.question(), 4000));
                s.setString(8, cut(e.attestSaid(), 4000));
                s.setString(9, e.expertsChannel());
                s.setObject(10, at(e.createdAt()));
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    public void posted(long id, String expertsTs) throws StoreUnavailable {
        store.call("noting where an escalation was posted", c -> {
            try (PreparedStatement s = c.prepareStatement("update escalations set experts_ts = ? where id = ?")) {
                s.setString(1, expertsTs);
                s.setLong(2, id);
                return s.executeUpdate();
            }
        });
    }

    /** The escalation whose post in the experts channel has this ts. */
    public Optional<Escalation> byThread(String channel, String threadTs) throws StoreUnavailable {
        return one("reading an escalation", "experts_channel = ? and experts_ts = ?", channel, threadTs);
    }

    public Optional<Escalation> find(long id) throws StoreUnavailable {
        return one("reading an escalation", "id = ?", id);
    }

    /** The latest escalation of a question, if it was taken to the experts before. */
    public Optional<Escalation> forQuestion(String questionId) throws StoreUnavailable {
        return one("reading an escalation", "question_id = ? order by id desc limit 1", questionId);
    }

    /** Takes the first reply in the thread; false when there was one already (this is a later reply). */
    public boolean firstReply(long id, String reply, String by, Instant at) throws StoreUnavailable {
        return store.call("recording the experts' reply", c -> {
            try (PreparedStatement s = c.prepareStatement("update escalations set reply = ?, replied_by = ?, replied_at = ? "
                    + "where id = ? and replied_at is null")) {
                s.setString(1, cut(reply, 40000));
                s.setString(2, by);
                s.setObject(3, at(at));
                s.setLong(4, id);
                return s.executeUpdate() == 1;
            }
        });
    }

    /** Forgets the question and the reply of escalations older than {@code cutoff}. */
    int purge(Instant cutoff) throws StoreUnavailable {
        return store.call("purging old escalation text", c -> {
            try (PreparedStatement s = c.prepareStatement("update escalations set question = null, attest_said = null, "
                    + "reply = null where created_at < ? and (question is not null or reply is not null)")) {
                s.setObject(1, at(cutoff));
                return s.executeUpdate();
            }
        });
    }

    private Optional<Escalation> one(String what, String where, Object... values) throws StoreUnavailable {
        return store.call(what, c -> {
            try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from escalations where " + where)) {
                for (int i = 0; i < values.length; i++) {
                    s.setObject(i + 1, values[i]);
                }
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(read(r)) : Optional.empty();
                }
            }
        });
    }

    private static Escalation read(ResultSet r) throws SQLException {
        long gap = r.getLong("gap_id");
        Long gapId = r.wasNull() ? null : gap;
        return new Escalation(r.getLong("id"), r.getString("question_id"), gapId, r.getString("asked_by"),
                Surface.of(r.getString("surface")), r.getString("channel_id"), r.getString("thread_ts"),
                r.getString("question"), r.getString("attest_said"), r.getString("experts_channel"),
                r.getString("experts_ts"), r.getString("reply"), r.getString("replied_by"), instant(r, "replied_at"),
                instant(r, "created_at"));
    }
}
