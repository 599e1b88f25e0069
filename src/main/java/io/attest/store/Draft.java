package io.attest.store;

import java.time.Instant;

/** A draft intent in YAML, made by an owner from a question and the compliance team's answer. */
public record Draft(long id, Long escalationId, Long gapId, String intentId, String yaml, String createdBy,
                    Instant createdAt) {
}
