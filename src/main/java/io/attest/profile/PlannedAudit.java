package io.attest.profile;

import java.time.LocalDate;

/**
 * An audit under way or planned.
 *
 * @param type     null for a SOC 3
 * @param expected when the report is expected
 */
public record PlannedAudit(SocKind kind, SocType type, LocalDate expected) {
}
