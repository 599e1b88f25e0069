package io.attest.testing;

import io.attest.slack.SlackSignatureVerifier;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/** Sends bodies to /slack/events signed as Slack signs them (or deliberately not). */
public final class SignedClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI endpoint;
    private final SlackSignatureVerifier signer;

    public SignedClient(int port, String secret) {
        this.endpoint = URI.create("http://127.0.0.1:" + port + "/slack/events");
        this.signer = new SlackSignatureVerifier(secret, Clock.systemUTC());
    }

    public HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return post(body, 0, null);
    }

    /** Signed with a timestamp {@code skewSeconds} away from now, and an optional retry number. */
    public HttpResponse<String> post(String body, long skewSeconds, Integer retryNum) throws IOException, InterruptedException {
        String ts = Long.toString(System.currentTimeMillis() / 1000 + skewSeconds);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder req = base(body)
                .header(SlackSignatureVerifier.TIMESTAMP_HEADER, ts)
                .header(SlackSignatureVerifier.SIGNATURE_HEADER, signer.sign(ts, bytes));
        if (retryNum != null) {
            req.header("X-Slack-Retry-Num", retryNum.toString()).header("X-Slack-Retry-Reason", "http_timeout");
        }
        return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> postUnsigned(String body) throws IOException, InterruptedException {
        return http.send(base(body).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> postWithSignature(String body, String signature) throws IOException, InterruptedException {
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        return http.send(base(body).header(SlackSignatureVerifier.TIMESTAMP_HEADER, ts)
                .header(SlackSignatureVerifier.SIGNATURE_HEADER, signature).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder base(String body) {
        String type = body.startsWith("{") ? "application/json" : "application/x-www-form-urlencoded";
        return HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }
}
