package io.attest.profile;

import java.time.LocalDate;
import java.time.Period;

/**
 * How recent a report is on a given day, by the end of its period (a Type 1's date). Readers judge a report by how
 * long ago its period ended: within three months it is recent; from three to twelve months a bridge letter covers the
 * time since; after twelve months a new report is due. Always computed for the day an answer is given.
 *
 * @param months whole months since the period ended (0 when it ended less than a month ago, or has not ended)
 */
public record Freshness(Stage stage, long months) {

    public enum Stage {
        /** The period ended less than three months ago. */
        RECENT,
        /** Three to twelve months ago: the time since is covered by a bridge letter, if there is one. */
        BRIDGE,
        /** More than twelve months ago: a new report is due. */
        DUE
    }

    public static Freshness of(HeldReport report, LocalDate today) {
        LocalDate end = report.end();
        long months = end.isBefore(today) ? Period.between(end, today).toTotalMonths() : 0;
        Stage stage;
        if (end.plusMonths(12).isBefore(today)) {
            stage = Stage.DUE;
        } else if (end.plusMonths(3).isBefore(today)) {
            stage = Stage.BRIDGE;
        } else {
            stage = Stage.RECENT;
        }
        return new Freshness(stage, months);
    }

    /** True while the report can be offered as current: its period ended no more than twelve months ago. */
    public boolean current() {
        return stage != Stage.DUE;
    }
}
