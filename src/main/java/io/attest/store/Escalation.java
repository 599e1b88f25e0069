package io.attest.store;

import java.time.Instant;

/**
 * A question taken to the compliance team.
 *
 * @param questionId  the question as recorded, or null
 * @param channelId   where it was asked, to relay the answer there
 * @param threadTs    the thread it was asked in, or null
 * @param attestSaid  what Attest answered, in a line
 * @param expertsTs   the ts of its post in the experts channel, once posted
 * @param reply       the first reply in that thread, once there is one
 */
public record Escalation(long id, String questionId, Long gapId, String askedBy, Surface surface, String channelId,
                         String threadTs, String question, String attestSaid, String expertsChannel, String expertsTs,
                         String reply, String repliedBy, Instant repliedAt, Instant createdAt) {
}
