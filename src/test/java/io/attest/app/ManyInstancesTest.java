package io.attest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.attest.local.LocalSlack;
import io.attest.local.LocalSlack.Call;
import io.attest.local.LocalSlack.Fault;
import io.attest.store.TestDatabases;
import io.attest.testing.SignedClient;
import io.attest.testing.SlackPayloads;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two whole instances of Attest behind one load balancer share one PostgreSQL: what Slack delivers to both is still
 * done once. Requires PostgreSQL (CI starts one); skipped locally without it.
 */
class ManyInstancesTest {

    private static final String CHANNEL = "CDEALS";
    private LocalSlack slack;
    private Service first;
    private Service second;
    private SignedClient toFirst;
    private SignedClient toSecond;

    @BeforeEach
    void start() throws Exception {
        String database = TestDatabases.postgresUrl();
        slack = LocalSlack.start();
        first = Wiring.start(TestConfigs.forSlack(slack, "DATABASE_URL", database), false);
        second = Wiring.start(TestConfigs.forSlack(slack, "DATABASE_URL", database), false);
        toFirst = new SignedClient(first.port(), TestConfigs.SECRET);
        toSecond = new SignedClient(second.port(), TestConfigs.SECRET);
    }

    @AfterEach
    void stop() {
        if (first != null) {
            first.shutdown();
            second.shutdown();
        }
        if (slack != null) {
            slack.close();
        }
    }

    @Test
    void anEventRetriedToTheOtherInstanceIsAnsweredOnce() throws Exception {
        String body = SlackPayloads.appMention(SlackPayloads.nextEventId(), "C1", "U1", "<@UBOT> what is soc 1?",
                "1700000300.000300", null);
        both(() -> toFirst.post(body), () -> toSecond.post(body, 0, 1));
        slack.await("chat.postMessage", 1);
        assertEquals(1, slack.settle().stream().filter(c -> c.method().equals("chat.postMessage")).count());
    }

    @Test
    void oneTriageClickDeliveredToBothInstancesPostsTheNextQuestionOnce() throws Exception {
        toFirst.post(SlackPayloads.slashCommand("triage Acme", CHANNEL, "U1", slack.responseUrl("start")));
        List<Call> posts = slack.await("chat.postMessage", 2);
        String rootTs = posts.get(0).ts();
        Call question = posts.get(1);
        // Slow enough that both deliveries are being handled at once.
        slack.fail("chat.update", Fault.delay(Duration.ofMillis(300)));
        String click = SlackPayloads.click(question.blocks(), question.ts(), rootTs, "triage_answer:financial_impact:yes",
                CHANNEL, "U2", slack.responseUrl("click"));
        both(() -> toFirst.post(click), () -> toSecond.post(click));
        slack.await("chat.postMessage", 3);
        List<Call> calls = slack.settle();
        assertEquals(3, calls.stream().filter(c -> c.method().equals("chat.postMessage")).count(),
                "the root, the first question and the next one: " + calls);
        assertEquals(1, calls.stream().filter(c -> c.method().equals("chat.update")).count());
    }

    @Test
    void aClickWhoseUpdateFailedOnOneInstanceWorksWhenClickedAgainOnTheOther() throws Exception {
        toFirst.post(SlackPayloads.slashCommand("triage Acme", CHANNEL, "U1", slack.responseUrl("start")));
        List<Call> posts = slack.await("chat.postMessage", 2);
        Call question = posts.get(1);
        String click = SlackPayloads.click(question.blocks(), question.ts(), posts.get(0).ts(),
                "triage_answer:financial_impact:yes", CHANNEL, "U2", slack.responseUrl("click"));
        slack.fail("chat.update", Fault.notOk("message_not_found"));
        toFirst.post(click);
        slack.await(c -> c.method().equals("chat.update"), 1);
        slack.settle();
        toSecond.post(click);
        slack.await("chat.postMessage", 3);
    }

    private static void both(Callable<HttpResponse<String>> a, Callable<HttpResponse<String>> b) throws Exception {
        CompletableFuture<HttpResponse<String>> one = CompletableFuture.supplyAsync(() -> call(a));
        CompletableFuture<HttpResponse<String>> two = CompletableFuture.supplyAsync(() -> call(b));
        assertEquals(200, one.get().statusCode());
        assertEquals(200, two.get().statusCode());
    }

    private static HttpResponse<String> call(Callable<HttpResponse<String>> c) {
        try {
            return c.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
