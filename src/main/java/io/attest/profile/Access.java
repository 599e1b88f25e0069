package io.attest.profile;

/**
 * How a report is obtained.
 *
 * @param url      the trust portal or request form (https)
 * @param nda      whether the reader must accept an NDA (or the portal's terms) first
 * @param approver who approves sending it, as the team says it ("the Head of Security"); null when nobody need
 */
public record Access(String url, boolean nda, String approver) {
}
