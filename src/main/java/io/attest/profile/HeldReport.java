package io.attest.profile;

import io.attest.triage.Soc2Category;
import java.time.LocalDate;
import java.util.List;

/**
 * One SOC report the company holds, as {@code company.yml} describes it.
 *
 * @param type             null for a SOC 3, which has no type
 * @param categories       the Trust Services categories in scope (SOC 2 and SOC 3), in {@link Soc2Category} order;
 *                         empty for a SOC 1
 * @param start            the first day of the period; for a Type 1, the date it is as of (equal to {@code end})
 * @param end              the last day of the period, or the Type 1's date
 * @param exceptionsNoted  null where the report tests no operation (a Type 1, a SOC 3)
 * @param bridgeLetterTo   the date the current bridge letter runs to; null when there is none
 */
public record HeldReport(
        SocKind kind,
        SocType type,
        List<Soc2Category> categories,
        LocalDate start,
        LocalDate end,
        String cpaFirm,
        Opinion opinion,
        Boolean exceptionsNoted,
        Access access,
        LocalDate bridgeLetterTo) {

    public HeldReport {
        categories = List.copyOf(categories);
    }

    /** A Type 1 is as of one date; a Type 2 and a SOC 3 cover a period. */
    public boolean pointInTime() {
        return type == SocType.TYPE1;
    }

    public boolean hasBridgeLetter() {
        return bridgeLetterTo != null;
    }
}
