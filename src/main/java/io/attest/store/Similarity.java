package io.attest.store;

/** How alike two questions are, by the matcher's own measure (the knowledge base's), and from when they are one. */
public interface Similarity {

    /** 0..1. */
    double of(String a, String b);

    /** From this similarity up, two questions are the same question. */
    double sameAt();
}
