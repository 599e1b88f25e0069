package io.attest.knowledge;

/** Turns a sentence into a unit-length vector; sentences that mean the same lie close together (cosine). */
interface SentenceEncoder extends AutoCloseable {

    float[] encode(String sentence);

    /** A name that changes whenever the vectors would: the model and how it is fed. */
    String fingerprint();

    int dimensions();

    @Override
    void close();
}
