package io.attest.slack.feedback;

import io.attest.store.ChannelType;
import io.attest.store.Surface;

/**
 * Who asked, where: what a question is recorded with, and where an answer from the compliance team goes back to.
 *
 * @param threadTs the thread it was asked in, or null
 */
public record Asked(String user, Surface surface, ChannelType channelType, String channel, String threadTs) {
}
