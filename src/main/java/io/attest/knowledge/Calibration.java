package io.attest.knowledge;

/**
 * The numbers that turn two rankings into one confidence and that confidence into a reply. Chosen on the calibration
 * question set (src/test/resources/regression/calibration.jsonl), never on the held-out set; docs/quality.md has the
 * sweep.
 *
 * @param semanticWeight   share of the confidence that comes from meaning (the rest from shared words)
 * @param semanticFloor    a cosine at or below this counts as no similarity at all
 * @param semanticCeiling  a cosine at or above this counts as the same question
 * @param answerAt         at or above this confidence the best intent answers
 * @param suggestAt        from this confidence up to {@code answerAt}, "Did you mean…"
 * @param comparisonFactor when a question compares two subjects of a group, intents about only one side are scaled by this
 */
record Calibration(double semanticWeight, double semanticFloor, double semanticCeiling, double answerAt,
        double suggestAt, double comparisonFactor) {

    /** Words only, as before embeddings: used when the embedding model cannot run on this machine. */
    static final Calibration LEXICAL = new Calibration(0, 0, 1, 0.40, 0.25, 0.85);

    /** Words and meaning together. */
    static final Calibration HYBRID = new Calibration(0.6, 0.6, 0.9, 0.525, 0.45, 0.85);

    /** The blended confidence of one intent, 0..1. */
    double blend(double lexical, double cosine) {
        double semantic = Math.max(0, Math.min(1, (cosine - semanticFloor) / (semanticCeiling - semanticFloor)));
        return semanticWeight * semantic + (1 - semanticWeight) * lexical;
    }
}
