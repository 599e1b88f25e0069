package io.attest.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.attest.knowledge.ReplyKind;
import io.attest.testing.LogCapture;
import io.attest.testing.TcpProxy;
import io.attest.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A database that goes away while Attest runs: nothing breaks, what is lost is logged and counted, and it comes back. */
class StoreOutageTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-05-01T10:00:00Z"));
    private Server h2;
    private TcpProxy proxy;
    private Store store;
    private LogCapture logs;

    @BeforeEach
    void start() throws Exception {
        // H2 as a server, so the connection to it can be cut like a network database's.
        h2 = Server.createTcpServer("-tcpPort", "0", "-ifNotExists", "-baseDir", TestDatabases.folder("h2-server").toString()).start();
        proxy = new TcpProxy(h2.getPort());
        StoreSettings settings = new StoreSettings(StoreSettings.Engine.H2, "jdbc:h2:tcp://127.0.0.1:" + proxy.port()
                + "/attest;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", null, null, "H2 over TCP");
        store = Store.open(settings, Duration.ofSeconds(5), clock);
        logs = new LogCapture();
    }

    @AfterEach
    void stop() throws Exception {
        logs.close();
        store.close();
        proxy.close();
        h2.stop();
    }

    @Test
    void writesAreCountedNotThrownReadsSayUnavailableAndItRecoversOnItsOwn() throws Exception {
        Questions questions = new Questions(store);
        assertTrue(questions.record(question()));

        proxy.cut();
        assertFalse(questions.record(question()), "a lost write is reported, not thrown");
        assertFalse(questions.record(question()));
        assertThrows(StoreUnavailable.class, () -> questions.recent("U1", 5));
        assertFalse(store.status().reachable());
        assertTrue(store.status().unrecorded() >= 2);
        assertEquals(1, logs.problems("The database stopped answering").size(), "the outage is logged once");
        assertTrue(logs.problems("Not recorded: recording a question").size() >= 2, "each lost record is logged");

        proxy.restore();
        clock.advance(Store.PAUSE_AFTER_FAILURE);
        assertTrue(questions.record(question()), "once the database is back, the next write goes through");
        assertTrue(store.status().reachable());
        assertEquals(2, questions.recent("U1", 10).size());
        assertTrue(logs.events().stream().anyMatch(e -> e.getFormattedMessage().contains("The database is answering again")));
    }

    @Test
    void aLostBatchIsCountedQuestionByQuestionAndLoggedInOneLineThatNamesThem() throws Exception {
        Questions questions = new Questions(store);
        proxy.cut();
        List<AskedQuestion> batch = java.util.stream.IntStream.range(0, 25).mapToObj(i -> question()).toList();
        assertFalse(questions.recordAll(batch));

        assertEquals(25, store.status().unrecorded());
        List<String> lines = logs.problems("Not recorded: recording a question").stream()
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertEquals(1, lines.size(), "one line for the batch: " + lines);
        assertTrue(lines.get(0).contains("×25"), lines.get(0));
        for (AskedQuestion q : batch.subList(0, Store.NAMED_IN_A_LINE)) {
            assertTrue(lines.get(0).contains(q.id()), "names " + q.id());
        }
        assertTrue(lines.get(0).contains("and 5 more"), lines.get(0));
        assertFalse(lines.get(0).contains(batch.get(24).id()), "a long batch is not listed in full");
        assertTrue(batch.stream().noneMatch(q -> lines.get(0).contains(q.text())), "never the question's text");
    }

    @Test
    void whileTheDatabaseIsGoneClaimsAreKeptInThisInstance() throws Exception {
        Claims claims = new Claims(store);
        proxy.cut();
        assertTrue(claims.once("event:Ev9", Duration.ofMinutes(30)));
        assertFalse(claims.once("event:Ev9", Duration.ofMinutes(30)), "a retry to the same instance is still recognised");
        Claims.Claim click = claims.claim("click:9", Duration.ofMinutes(2));
        assertFalse(click == null);
        assertTrue(claims.claim("click:9", Duration.ofMinutes(2)) == null);
        click.release();
        assertFalse(claims.claim("click:9", Duration.ofMinutes(2)) == null, "a released click works again");
    }

    private static AskedQuestion question() {
        return new AskedQuestion(UUID.randomUUID().toString(), Instant.parse("2026-05-01T09:00:00Z"), "U1",
                Surface.SLASH, ChannelType.PUBLIC, "C1", null, "is soc 2 a certification?", ReplyKind.ANSWER,
                "soc2_attestation", 0.9, List.of(), null);
    }
}
