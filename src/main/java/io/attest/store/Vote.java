package io.attest.store;

import java.time.Instant;

/**
 * One person's Helpful / Not helpful on one answer, with what the answer was.
 *
 * @param answerId the id the answer's buttons carry (the question's id)
 */
public record Vote(String answerId, String userId, boolean helpful, String intentId, double confidence, Surface surface,
                   ChannelType channelType, Instant votedAt) {
}
