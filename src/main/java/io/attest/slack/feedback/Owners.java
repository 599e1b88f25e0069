package io.attest.slack.feedback;

import java.util.Set;

/** Attest's content owners ({@code ATTEST_OWNERS}): they see the gap queue, resolve gaps and make drafts. */
public record Owners(Set<String> userIds) {

    public Owners {
        userIds = Set.copyOf(userIds);
    }

    public boolean include(String userId) {
        return userId != null && userIds.contains(userId);
    }
}
