package io.attest.knowledge;

import java.util.LinkedHashMap;
import java.util.Map;

/** The most recently asked questions' replies, bounded: a repeated question is answered without matching again. */
final class ReplyCache {

    private final Map<String, Reply> replies;

    ReplyCache(int capacity) {
        this.replies = new LinkedHashMap<>(capacity / 4, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Reply> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Reply get(String question) {
        return replies.get(question);
    }

    synchronized void put(String question, Reply reply) {
        replies.put(question, reply);
    }

    synchronized int size() {
        return replies.size();
    }
}
