package io.attest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.attest.local.LocalSlack;
import io.attest.local.LocalSlack.Fault;
import io.attest.local.SlackRequests;
import io.attest.testing.PrometheusText;
import io.attest.testing.SignedClient;
import io.attest.testing.SlackPayloads;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** GET /metrics: never open by default; on a port of its own or behind a bearer token; counting what happened. */
class MetricsTest {

    private static final String TOKEN = "a-metrics-token-of-32-characters";
    private final HttpClient http = HttpClient.newHttpClient();
    private LocalSlack slack;
    private Service server;

    @BeforeEach
    void start() throws Exception {
        slack = LocalSlack.start();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.shutdown();
        }
        slack.close();
    }

    private HttpResponse<String> get(int port, String authorization) throws Exception {
        HttpRequest.Builder get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"));
        if (authorization != null) {
            get.header("Authorization", authorization);
        }
        return http.send(get.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Nested
    class WhereItIsServed {

        @Test
        void nowhereByDefault() throws Exception {
            server = Wiring.start(TestConfigs.forSlack(slack), false);
            assertEquals(404, get(server.port(), null).statusCode());
            assertEquals(404, get(server.port(), "Bearer " + TOKEN).statusCode());
        }

        @Test
        void onTheMainPortOnlyWithTheBearerToken() throws Exception {
            server = Wiring.start(TestConfigs.forSlack(slack, "METRICS_TOKEN", TOKEN), false);
            HttpResponse<String> none = get(server.port(), null);
            assertEquals(401, none.statusCode());
            assertEquals("Bearer", none.headers().firstValue("WWW-Authenticate").orElse(""));
            assertEquals(401, get(server.port(), "Bearer " + TOKEN + "x").statusCode());
            assertEquals(401, get(server.port(), TOKEN).statusCode());
            HttpResponse<String> ok = get(server.port(), "Bearer " + TOKEN);
            assertEquals(200, ok.statusCode());
            assertEquals(MetricsEndpoint.CONTENT_TYPE, ok.headers().firstValue("Content-Type").orElse(""));
            assertTrue(ok.body().contains("# TYPE attest_slack_requests_total counter"), ok.body());
        }

        @Test
        void onAPortOfItsOwnAndNotOnTheMainOne() throws Exception {
            int port = freePort();
            server = Wiring.start(TestConfigs.forSlack(slack, "METRICS_PORT", Integer.toString(port)), false);
            assertEquals(404, get(server.port(), null).statusCode(), "not on the public port");
            HttpResponse<String> ok = get(port, null);
            assertEquals(200, ok.statusCode());
            assertEquals(MetricsEndpoint.CONTENT_TYPE, ok.headers().firstValue("Content-Type").orElse(""));
            assertEquals(404, http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode(), "the metrics port serves nothing else");
        }

        @Test
        void onItsOwnPortBehindTheTokenWhenBothAreSet() throws Exception {
            int port = freePort();
            server = Wiring.start(TestConfigs.forSlack(slack, "METRICS_PORT", Integer.toString(port), "METRICS_TOKEN", TOKEN), false);
            assertEquals(401, get(port, null).statusCode());
            assertEquals(200, get(port, "Bearer " + TOKEN).statusCode());
        }
    }

    @Nested
    class WhatItCounts {

        private SignedClient client;
        private PrometheusText metrics;

        @BeforeEach
        void traffic() throws Exception {
            server = Wiring.start(TestConfigs.forSlack(slack, "METRICS_TOKEN", TOKEN), false);
            client = new SignedClient(server.port(), TestConfigs.SECRET);
            client.post(SlackPayloads.slashCommand("is soc 2 a certification?", "C1", "U1", slack.responseUrl("a")));
            client.post(SlackPayloads.slashCommand("is soc 2 a certification?", "C1", "U1", slack.responseUrl("b")));
            client.post(SlackPayloads.slashCommand("what's 17 * 23", "C1", "U1", slack.responseUrl("c")));
            client.post(SlackPayloads.slashCommand("soc 2 report for the prospect in the vendor portal upload", "C1", "U1",
                    slack.responseUrl("e")));
            client.postUnsigned(SlackPayloads.slashCommand("hello", "C1", "U1", slack.responseUrl("d")));
            client.post("payload=%7Bnot-json");
            slack.fail("chat.postMessage", Fault.rateLimited(1));
            String mention = SlackPayloads.appMention(SlackPayloads.nextEventId(), "C1", "U1", "<@UBOT> what is soc 1?",
                    "1700000300.000300", null);
            client.post(mention);
            client.post(mention, 0, 1);
            slack.await("chat.postMessage", 1);
            slack.settle();
            metrics = PrometheusText.scrape(server.port(), TOKEN);
        }

        @Test
        void requestsBySurfaceAndOutcome() {
            assertEquals(4.0, metrics.value("attest_slack_requests_total", "surface", "slash_command", "outcome", "acked"));
            assertEquals(2.0, metrics.value("attest_slack_requests_total", "surface", "mention", "outcome", "acked"));
            assertEquals(1.0, metrics.value("attest_slack_requests_total", "surface", "unknown", "outcome", "unsigned"));
            assertEquals(1.0, metrics.value("attest_slack_requests_total", "surface", "unknown", "outcome", "malformed"));
            assertEquals(1.0, metrics.value("attest_slack_redeliveries_total", "surface", "mention"));
        }

        @Test
        void ackLatencyAsAHistogramWithSlacksThreeSecondsAsABucket() {
            assertEquals(4.0, metrics.value("attest_slack_ack_seconds_count", "surface", "slash_command"));
            assertEquals(4.0, metrics.value("attest_slack_ack_seconds_bucket", "surface", "slash_command", "le", "+Inf"));
            assertEquals(4.0, metrics.value("attest_slack_ack_seconds_bucket", "surface", "slash_command", "le", "3.0"),
                    "every /soc was acknowledged within Slack's 3 s");
            assertTrue(metrics.has("attest_slack_ack_seconds_bucket"));
        }

        @Test
        void answersByIntentAndDeclines() {
            assertEquals(2.0, metrics.value("attest_answers_total", "intent", "soc2_attestation"));
            assertEquals(1.0, metrics.value("attest_answers_total", "intent", "soc1_what"), "the mention, answered once");
            assertEquals(1.0, metrics.sum("attest_declines_total"));
            assertEquals(1.0, metrics.value("attest_did_you_mean_total"));
        }

        @Test
        void webApiCallsByMethodAndOutcomeRetriesAndRateLimits() {
            assertEquals(1.0, metrics.value("attest_slack_api_calls_total", "method", "chat.postMessage", "outcome", "rate_limited"));
            assertEquals(1.0, metrics.value("attest_slack_api_calls_total", "method", "chat.postMessage", "outcome", "ok"));
            assertEquals(1.0, metrics.value("attest_slack_api_retries_total", "method", "chat.postMessage"));
            assertEquals(1.0, metrics.value("attest_slack_deliveries_total", "method", "chat.postMessage", "status", "delivered"));
            assertEquals(1.0, metrics.value("attest_slack_api_calls_total", "method", "auth.test", "outcome", "ok"));
        }

        @Test
        void theWorkQueue() {
            assertEquals(200.0, metrics.value("attest_work_queue_capacity", "queue", "work"));
            assertEquals(8.0, metrics.value("attest_work_queue_threads", "queue", "work"));
            assertEquals(0.0, metrics.value("attest_work_queue_waiting", "queue", "work"));
            assertEquals(1.0, metrics.value("attest_work_accepted_total", "queue", "work"));
            assertEquals(0.0, metrics.value("attest_work_refused_total", "queue", "work", "reason", "full"));
            assertTrue(metrics.has("attest_work_refused_total"));
            assertEquals(2000.0, metrics.value("attest_work_queue_capacity", "queue", "records"), "the store's queue too");
        }

        @Test
        void theJvmAndTheProcess() {
            for (String name : java.util.List.of("jvm_memory_used_bytes", "jvm_threads_live_threads", "jvm_gc_memory_allocated_bytes_total",
                    "process_cpu_usage", "process_uptime_seconds", "process_files_open_files", "system_cpu_count")) {
                assertTrue(metrics.has(name), name);
            }
        }
    }

    @Nested
    class EachSurfaceUnderItsOwnTag {

        @Test
        void directAndChannelMessagesTheShortcutAndTheHomeTabAreToldApart() throws Exception {
            server = Wiring.start(TestConfigs.forSlack(slack, "METRICS_TOKEN", TOKEN), false);
            SignedClient client = new SignedClient(server.port(), TestConfigs.SECRET);
            client.post(SlackPayloads.directMessage(SlackPayloads.nextEventId(), "D1", "U1", "what is soc 1?", "1700000500.000500"));
            client.post(SlackRequests.event(SlackPayloads.nextEventId(),
                    SlackRequests.channelMessage("C1", "U2", "lunch anyone?", "1700000600.000600", null)));
            client.post(SlackRequests.event(SlackPayloads.nextEventId(), SlackRequests.appHomeOpened("U1", "D1")));
            client.post(SlackRequests.messageShortcut("ask_attest_about_message", "C1", "U1", "1700000700.000700", "U9",
                    "is soc 2 a certification?", slack.responseUrl("sc"), "1.2.3"));
            slack.settle();
            PrometheusText metrics = PrometheusText.scrape(server.port(), TOKEN);
            for (String surface : java.util.List.of("direct_message", "channel_message", "home", "shortcut")) {
                assertEquals(1.0, metrics.value("attest_slack_requests_total", "surface", surface, "outcome", "acked"), surface);
            }
            assertEquals(0.0, metrics.value("attest_slack_requests_total", "surface", "other", "outcome", "acked"));
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
