package io.attest.store;

import java.time.Instant;
import java.util.Locale;

/**
 * A group of similar questions Attest failed: declined, offered a "Did you mean…" nobody clicked, or voted not helpful.
 *
 * @param question       the latest question of the group; null once purged
 * @param recurred       it was resolved, and came back
 * @param resolvedIntent the intent an owner said answers it now (also kept when it came back)
 * @param escalationId   the last time it was taken to the compliance team, or null
 * @param draftId        a draft intent made for it, or null
 */
public record Gap(long id, String question, Status status, boolean recurred, int declined, int unclicked, int notHelpful,
                  Instant firstSeen, Instant lastSeen, String resolvedIntent, Long escalationId, Long draftId) {

    public enum Status {
        OPEN, RESOLVED, DISMISSED;

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What made a question a gap. */
    public enum Kind {
        /** Declined, though it looks like something Attest should answer. */
        DECLINED("declined"),
        /** A "Did you mean…" whose suggestions nobody clicked. */
        UNCLICKED("unclicked"),
        /** An answer someone voted not helpful. */
        NOT_HELPFUL("not_helpful");

        final String column;

        Kind(String column) {
            this.column = column;
        }
    }

    /** How often it came up, whatever the way. */
    public int hits() {
        return declined + unclicked + notHelpful;
    }
}
