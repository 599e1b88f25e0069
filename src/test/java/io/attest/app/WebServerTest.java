package io.attest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.attest.slack.Telemetry;
import io.attest.slack.WorkQueue;
import io.attest.store.Store;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the server does to every response, whatever route made it. */
class WebServerTest {

    private final WorkQueue work = new WorkQueue("work", 1, 10, Duration.ofSeconds(3), Clock.systemUTC(), Telemetry.NONE);
    private final String big = "{\"text\":\"" + "an answer of many words ".repeat(200) + "\"}";
    private final WebServer server = new WebServer(null, new Health(() -> 1, work, () -> new Store.Status("H2", true, 0)),
            "127.0.0.1", config -> config.routes.get("/big", ctx -> ctx.contentType("application/json").result(big)))
            .start(0);

    @AfterEach
    void stop() {
        server.stop();
        work.close();
    }

    @Test
    void aLargeJsonReplyGoesOutUncompressedEvenToAClientThatTakesGzip() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/big")).header("Accept-Encoding", "gzip, deflate, br").build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Encoding").isEmpty(), r.headers().map().toString());
        assertEquals(big, r.body());
    }
}
