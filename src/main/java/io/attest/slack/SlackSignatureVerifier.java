package io.attest.slack;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks Slack's request signature (v0 HMAC-SHA256 of "v0:timestamp:body"). Stricter than Bolt's own check:
 * the timestamp must be within five minutes in either direction, and the comparison takes constant time.
 */
public final class SlackSignatureVerifier {

    public static final String TIMESTAMP_HEADER = "X-Slack-Request-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Slack-Signature";
    static final Duration MAX_SKEW = Duration.ofMinutes(5);

    /** Why a request was or was not accepted; only the reason is ever logged, never the values. */
    public enum Verdict { VALID, MISSING_HEADERS, BAD_TIMESTAMP, TOO_OLD, FROM_THE_FUTURE, WRONG_SIGNATURE }

    private final SecretKeySpec key;
    private final Clock clock;
    private final ThreadLocal<Mac> macs;

    public SlackSignatureVerifier(String signingSecret, Clock clock) {
        if (signingSecret == null || signingSecret.isEmpty()) {
            throw new IllegalArgumentException("a signing secret is required");
        }
        this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.clock = clock;
        // Mac instances are not thread-safe; one per thread avoids building one per request.
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    public Verdict verify(String timestamp, String signature, byte[] body) {
        if (timestamp == null || signature == null) {
            return Verdict.MISSING_HEADERS;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return Verdict.BAD_TIMESTAMP;
        }
        long skew = clock.instant().getEpochSecond() - seconds;
        if (skew > MAX_SKEW.toSeconds()) {
            return Verdict.TOO_OLD;
        }
        if (-skew > MAX_SKEW.toSeconds()) {
            return Verdict.FROM_THE_FUTURE;
        }
        byte[] expected = sign(timestamp.trim(), body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.trim().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? Verdict.VALID : Verdict.WRONG_SIGNATURE;
    }

    /** The signature Slack would send for this timestamp and body ("v0=" + hex). */
    public String sign(String timestamp, byte[] body) {
        Mac mac = macs.get();
        mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
        return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
