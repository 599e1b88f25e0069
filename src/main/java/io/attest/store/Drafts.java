package io.attest.store;

import static io.attest.store.Claims.at;
import static io.attest.store.Questions.instant;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

/** Draft intents made from the compliance team's answers, for owners to review and add to {@code intents/}. */
public final class Drafts {

    private static final String COLUMNS = "id, escalation_id, gap_id, intent_id, yaml, created_by, created_at";

    private final Store store;

    public Drafts(Store store) {
        this.store = store;
    }

    /**
     * Stores a draft and links it to its gap; one escalation makes one draft, however often it is asked for.
     *
     * @param write the YAML for the draft's number (which makes its id unique)
     */
    public Draft add(Long escalationId, Long gapId, String createdBy, Instant at, LongFunction<DraftText> write)
            throws StoreUnavailable {
        if (escalationId != null) {
            Optional<Draft> made = forEscalation(escalationId);
            if (made.isPresent()) {
                return made.get();
            }
        }
        return store.call("storing a draft", c -> {
            // One transaction: the draft's number names it, and a draft never exists without its text.
            c.setAutoCommit(false);
            long id;
            try (PreparedStatement s = c.prepareStatement("insert into drafts (escalation_id, gap_id, intent_id, yaml, "
                    + "created_by, created_at) values (?, ?, '', '', ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                setLong(s, 1, escalationId);
                setLong(s, 2, gapId);
                s.setString(3, createdBy);
                s.setObject(4, at(at));
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            DraftText text = write.apply(id);
            try (PreparedStatement s = c.prepareStatement("update drafts set intent_id = ?, yaml = ? where id = ?")) {
                s.setString(1, text.intentId());
                s.setString(2, text.yaml());
                s.setLong(3, id);
                s.executeUpdate();
            }
            if (gapId != null) {
                try (PreparedStatement s = c.prepareStatement("update gaps set draft_id = ? where id = ?")) {
                    s.setLong(1, id);
                    s.setLong(2, gapId);
                    s.executeUpdate();
                }
            }
            c.commit();
            return new Draft(id, escalationId, gapId, text.intentId(), text.yaml(), createdBy, at);
        });
    }

    /** A draft's id and YAML. */
    public record DraftText(String intentId, String yaml) {
    }

    /** Every draft, oldest first. */
    public List<Draft> all() throws StoreUnavailable {
        return store.call("reading drafts", c -> {
            try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from drafts order by id")) {
                return list(s);
            }
        });
    }

    public Optional<Draft> find(long id) throws StoreUnavailable {
        return first("id = ?", id);
    }

    public Optional<Draft> forEscalation(long escalationId) throws StoreUnavailable {
        return first("escalation_id = ?", escalationId);
    }

    /** Deletes drafts older than {@code cutoff}: they hold question text, and were not taken up in time. */
    int purge(Instant cutoff) throws StoreUnavailable {
        return store.call("purging old drafts", c -> {
            try (PreparedStatement s = c.prepareStatement("delete from drafts where created_at < ?")) {
                s.setObject(1, at(cutoff));
                return s.executeUpdate();
            }
        });
    }

    private Optional<Draft> first(String where, long value) throws StoreUnavailable {
        return store.call("reading a draft", c -> {
            try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from drafts where " + where
                    + " order by id limit 1")) {
                s.setLong(1, value);
                List<Draft> found = list(s);
                return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
            }
        });
    }

    private static List<Draft> list(PreparedStatement s) throws SQLException {
        List<Draft> out = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                long escalation = r.getLong("escalation_id");
                Long escalationId = r.wasNull() ? null : escalation;
                long gap = r.getLong("gap_id");
                Long gapId = r.wasNull() ? null : gap;
                out.add(new Draft(r.getLong("id"), escalationId, gapId, r.getString("intent_id"), r.getString("yaml"),
                        r.getString("created_by"), instant(r, "created_at")));
            }
        }
        return out;
    }

    private static void setLong(PreparedStatement s, int index, Long value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, value);
        }
    }
}
