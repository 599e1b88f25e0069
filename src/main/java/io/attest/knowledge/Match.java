package io.attest.knowledge;

/** One intent the matcher considered, with its confidence (0..1). */
public record Match(Intent intent, double confidence) {
}
