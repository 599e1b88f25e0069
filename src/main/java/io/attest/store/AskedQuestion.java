package io.attest.store;

import io.attest.knowledge.ReplyKind;
import java.time.Instant;
import java.util.List;

/**
 * A question someone asked and what Attest made of it.
 *
 * @param id          made when the question was answered, and carried by the buttons under the answer
 * @param text        the question as asked; null once purged
 * @param intentId    the answering intent, or the closest when declined; null when none
 * @param suggestions the intents a "Did you mean…" offered, or an answer's related topics
 * @param gapId       the gap it was counted in, if any
 */
public record AskedQuestion(String id, Instant askedAt, String userId, Surface surface, ChannelType channelType,
                            String channelId, String threadTs, String text, ReplyKind outcome, String intentId,
                            double confidence, List<String> suggestions, Long gapId) {

    public AskedQuestion {
        suggestions = List.copyOf(suggestions);
    }
}
