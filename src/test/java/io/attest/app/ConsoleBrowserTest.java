package io.attest.app;

import static io.attest.app.ConsolePage.MAIN;
import static io.attest.app.ConsolePage.THREAD;
import static io.attest.app.ConsolePage.has;
import static io.attest.app.ConsolePage.isEphemeral;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.attest.knowledge.Fixtures;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The local console in a real (headless) Chromium: Attest runs in-process in local mode, the test types and clicks
 * on the page like a person would, and waits for what the bot answers. Skipped where Chromium is not installed.
 */
class ConsoleBrowserTest {

    private static ConsoleBrowser browser;

    private Service server;
    private Path intentsCopy;
    private ConsolePage page;

    /** One browser for the class, started by the first test; each test is skipped where Chromium is missing. */
    @BeforeEach
    void startBrowser() throws IOException {
        String missing = "no /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver)";
        if ("true".equals(System.getenv("ATTEST_REQUIRE_BROWSER"))) {
            // CI installs the browser; there a missing one is a failure, not a skip.
            org.junit.jupiter.api.Assertions.assertTrue(ConsoleBrowser.available(), missing);
        }
        Assumptions.assumeTrue(ConsoleBrowser.available(), missing);
        if (browser == null) {
            browser = ConsoleBrowser.start();
        }
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @AfterEach
    void stopAttest(TestInfo test) throws IOException {
        try {
            if (page != null) {
                // Park the pointer on the sidebar so no message shows its hover colour in the picture.
                new Actions(browser.driver).moveToElement(browser.driver.findElement(By.cssSelector(".workspace-name")))
                        .perform();
                browser.screenshot(test.getTestMethod().orElseThrow().getName());
                assertEquals(List.of(), browser.pageErrors(), "the page logged errors");
            }
        } finally {
            if (browser != null) {
                browser.driver.get("about:blank"); // stop polling before the server goes away
                browser.pageErrors();
            }
            if (server != null) {
                server.shutdown();
            }
            ConsoleBrowser.deleteQuietly(intentsCopy);
        }
    }

    /** Starts Attest in local mode on a free port with this intents folder and opens its console. */
    private ConsolePage open(Path intents) throws Exception {
        server = Wiring.start(TestConfigs.local(intents), true);
        page = new ConsolePage(browser.driver).open(server.port());
        return page;
    }

    private ConsolePage open() throws Exception {
        return open(Path.of("intents"));
    }

    @Test
    void askingAQuestionShowsTheAnswer() throws Exception {
        open().send("/soc is SOC 2 a certification?");

        WebElement answer = page.waitForMessage(MAIN, "bot", "attestation");
        assertTrue(isEphemeral(answer), "a /soc answer is private: " + answer.getText());
        assertTrue(has(answer, "Only visible to you"));
        assertTrue(ConsolePage.button(answer, "Share in channel").isPresent(), "the answer offers to share it");
        WebElement question = page.waitForMessage(MAIN, "user", "/soc is SOC 2 a certification?");
        assertTrue(isEphemeral(question), "the command itself is only visible to the person");
    }

    @Test
    void clickingARelatedTopicShowsThatAnswer() throws Exception {
        open().send("/soc is SOC 2 a certification?");
        WebElement answer = page.waitForMessage(MAIN, "bot", "not a certification");
        String ts = answer.getDomAttribute("data-ts");

        page.click(MAIN, ts, "Can you pass or fail a SOC 2?");

        WebElement next = page.waitForMessage(MAIN, m -> ts.equals(m.getDomAttribute("data-ts"))
                && has(m, "no score or grade"), "the private answer replaced by the related topic");
        assertFalse(has(next, "not a certification"), "the first answer is gone: " + next.getText());
        assertTrue(isEphemeral(next), "the related answer is still private");
    }

    @Test
    void aTriageThreadRunsToItsRecommendation() throws Exception {
        open().send("/soc triage Acme");
        WebElement root = page.waitForMessage(MAIN, "bot", "SOC report triage for Acme");
        String rootTs = root.getDomAttribute("data-ts");
        page.openThread(rootTs);

        List<String> plan = List.of("Yes", "Yes", "Both", "No");
        Set<String> answered = new HashSet<>();
        WebElement recommendation = null;
        for (int question = 0; question < 20 && recommendation == null; question++) {
            WebElement next = page.waitForMessage(THREAD, m -> has(m, "What to tell the buyer")
                    || !answered.contains(m.getDomAttribute("data-ts")) && !m.findElements(
                            By.cssSelector(".bk-button[data-action-id^='triage_answer:']")).isEmpty(),
                    "next triage question or the recommendation");
            if (has(next, "What to tell the buyer")) {
                recommendation = next;
            } else {
                String ts = next.getDomAttribute("data-ts");
                page.click(THREAD, ts, question < plan.size() ? plan.get(question) : "No");
                answered.add(ts);
            }
        }

        assertTrue(recommendation != null, "the triage ended in a recommendation");
        assertTrue(has(recommendation, "Recommendation for Acme"), recommendation.getText());
        assertTrue(has(recommendation, "SOC 1 and SOC 2"), recommendation.getText());
        assertTrue(answered.size() >= plan.size(), "answered " + answered.size() + " questions");
        WebElement firstQuestion = page.waitForMessage(THREAD, m -> has(m, "1. Does the service affect"),
                "the first question");
        assertTrue(has(firstQuestion, "answered by @you"), "answers update the question in place: "
                + firstQuestion.getText());
        // For the screenshot: the last answers and the top of the recommendation.
        page.script("const r = document.querySelector(\"#thread-messages .message[data-ts='"
                + recommendation.getDomAttribute("data-ts") + "']\"); r.parentElement.scrollTop = r.offsetTop - 260;");
    }

    @Test
    void aQuestionContainingScriptIsShownAsText() throws Exception {
        open().send("@attest <script>window.__pwned=1</script> is soc 2 a certification?");
        page.send("<img src=x onerror=\"window.__pwned=2\"> <b>bold?</b>");

        WebElement question = page.waitForMessage(MAIN, "user", "<script>window.__pwned=1</script>");
        page.waitForMessage(MAIN, "user", "<img src=x onerror=\"window.__pwned=2\"> <b>bold?</b>");
        // The bot answers a mention in its thread; let that answer arrive and be drawn too.
        String ts = question.getDomAttribute("data-ts");
        page.waitForMessage(MAIN, m -> ts.equals(m.getDomAttribute("data-ts")) && has(m, "1 reply"),
                "the bot's reply in a thread");
        page.openThread(ts);
        page.waitForMessage(THREAD, m -> "bot".equals(m.getDomAttribute("data-user")), "the bot's answer");

        assertTrue(browser.driver.findElement(By.tagName("body")).getText().contains("<script>"),
                "the literal <script> is visible");
        assertEquals("undefined", page.script("return typeof window.__pwned"));
        assertEquals(0L, page.script("return document.querySelectorAll("
                + "'#messages script, #thread-messages script, #messages img, #messages b').length"));
    }

    @Test
    void aReplyInAThreadIsAnsweredInThatThread() throws Exception {
        open().send("@attest is SOC 2 a certification?");
        WebElement question = page.waitForMessage(MAIN, "user", "is SOC 2 a certification?");
        String ts = question.getDomAttribute("data-ts");
        page.openThread(ts);
        page.waitForMessage(THREAD, "bot", "not a certification");

        page.sendInThread("@attest what is the difference between type 1 and type 2?");

        page.waitForMessage(THREAD, "user", "difference between type 1 and type 2");
        page.waitForMessage(THREAD, m -> "bot".equals(m.getDomAttribute("data-user")) && has(m, "Type 2")
                && !has(m, "not a certification"), "the bot's second answer in the thread");
        page.waitForMessage(MAIN, m -> ts.equals(m.getDomAttribute("data-ts")) && has(m, "3 replies"),
                "the thread summary counting both answers");
        assertEquals(1, page.messages(MAIN).size(), "replies stay in the thread: " + page.paneText(MAIN));
    }

    @Test
    void shareInChannelPostsPublicly() throws Exception {
        open().send("/soc is SOC 2 a certification?");
        WebElement answer = page.waitForMessage(MAIN, "bot", "not a certification");

        page.click(MAIN, answer.getDomAttribute("data-ts"), "Share in channel");

        WebElement shared = page.waitForMessage(MAIN, m -> "bot".equals(m.getDomAttribute("data-user"))
                && has(m, "not a certification") && !isEphemeral(m), "the answer posted in the channel");
        page.waitForNoMessage(MAIN, m -> "bot".equals(m.getDomAttribute("data-user"))
                && has(m, "not a certification") && isEphemeral(m), "the private copy");
        assertTrue(ConsolePage.button(shared, "Share in channel").isEmpty(), "a shared answer is not shared again");
    }

    @Test
    void ourReportProfileShowsInTheAnswerAndASharedCopyKeepsOnlyTheFacts() throws Exception {
        intentsCopy = Files.createTempDirectory("attest-intents-");
        Fixtures.realIntentsWithExampleProfile(intentsCopy);
        open(intentsCopy).send("/soc are we SOC 2 certified?");
        WebElement answer = page.waitForMessage(MAIN, "bot", "For us:");
        assertTrue(has(answer, "We hold a SOC 2 Type 2 report covering Security, Availability and Confidentiality"), answer.getText());

        page.click(MAIN, answer.getDomAttribute("data-ts"), "Share in channel");
        WebElement shared = page.waitForMessage(MAIN, m -> "bot".equals(m.getDomAttribute("data-user"))
                && has(m, "For us:") && !isEphemeral(m), "the answer with its For us line posted in the channel");
        assertFalse(has(shared, "only you see this"), shared.getText());

        page.send("/soc who do I ask about our report?");
        WebElement contact = page.waitForMessage(MAIN, "bot", "about our SOC reports");
        assertTrue(has(contact, "Ask the compliance team (@S0COMPLY01)"), "a user group shows as a mention: " + contact.getText());
    }

    @Test
    void aDirectMessageIsAnsweredInTheDm() throws Exception {
        open().selectConversation("D0LOCAL");
        page.send("is SOC 2 a certification?");

        WebElement answer = page.waitForMessage(MAIN, "bot", "attestation");
        assertFalse(isEphemeral(answer));
        assertEquals("Attest", browser.driver.findElement(By.id("conversation-title")).getText());
        page.selectConversation("C0LOCAL");
        page.waiting().until(d -> d.findElement(By.id("conversation-title")).getText().equals("# general"));
        assertTrue(page.messages(MAIN).isEmpty(), "the DM stays in the DM: " + page.paneText(MAIN));
    }

    @Test
    void blockKitAndMrkdwnAreDrawnLikeSlack() throws Exception {
        open();
        String blocks = """
                [{"type": "header", "text": {"type": "plain_text", "text": "Block Kit check :white_check_mark:", "emoji": true}},
                 {"type": "section", "text": {"type": "mrkdwn", "text": "*bold* _italic_ ~struck~ `code` \
                <https://example.com/a?b=1&amp;c=2|a link> <mailto:team@example.com> <javascript:alert(1)|not a link> \
                <@U0LOCAL> <@U0ATTEST> :bulb: :no_such_emoji: &lt;script&gt;alert(1)&lt;/script&gt;\\n\
                • first item\\n- second item\\n&gt; a quote\\n```line one\\n<b>line two</b>```"},
                  "fields": [{"type": "mrkdwn", "text": "*Field one*\\nvalue"}, {"type": "plain_text", "text": "Field two"}]},
                 {"type": "context", "elements": [{"type": "mrkdwn", "text": "context :warning:"},
                                                  {"type": "plain_text", "text": "plain context"}]},
                 {"type": "divider"},
                 {"type": "actions", "block_id": "checks", "elements": [
                   {"type": "button", "action_id": "a1", "text": {"type": "plain_text", "text": "Primary"}, "style": "primary"},
                   {"type": "button", "action_id": "a2", "text": {"type": "plain_text", "text": "Plain"}}]}]
                """;
        // The bot's own Web API, as the bot reaches it in local mode.
        HttpResponse<String> posted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(server.localSlack().orElseThrow().apiUrl() + "chat.postMessage"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Authorization", "Bearer xoxb-local")
                .POST(HttpRequest.BodyPublishers.ofString("channel=C0LOCAL&text=fallback&blocks="
                        + URLEncoder.encode(blocks, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(posted.body().contains("\"ok\":true"), posted.body());

        WebElement m = page.waitForMessage(MAIN, "bot", "Block Kit check");
        assertEquals("Block Kit check \u2705", m.findElement(By.cssSelector(".bk-header")).getText());
        assertEquals("bold", m.findElement(By.tagName("strong")).getText());
        assertEquals("italic", m.findElement(By.tagName("em")).getText());
        assertEquals("struck", m.findElement(By.tagName("s")).getText());
        assertEquals("code", m.findElement(By.cssSelector("code")).getText());
        WebElement link = m.findElement(By.linkText("a link"));
        assertEquals("https://example.com/a?b=1&c=2", link.getDomProperty("href"));
        assertEquals("_blank", link.getDomAttribute("target"));
        assertTrue(link.getDomAttribute("rel").contains("noopener"));
        assertEquals("mailto:team@example.com", m.findElement(By.linkText("team@example.com")).getDomProperty("href"));
        assertTrue(m.findElements(By.linkText("not a link")).isEmpty(), "only http, https and mailto become links");
        assertTrue(has(m, "not a link"), m.getText());
        assertEquals(List.of("@you", "@Attest"), m.findElements(By.cssSelector(".mention")).stream()
                .map(WebElement::getText).toList());
        assertTrue(has(m, "\uD83D\uDCA1") && has(m, ":no_such_emoji:"), m.getText());
        assertTrue(has(m, "<script>alert(1)</script>"), m.getText());
        assertEquals(List.of("first item", "second item"), m.findElements(By.cssSelector("li")).stream()
                .map(WebElement::getText).toList());
        assertEquals("a quote", m.findElement(By.tagName("blockquote")).getText());
        assertEquals("line one\n<b>line two</b>", m.findElement(By.tagName("pre")).getText());
        assertEquals(2, m.findElements(By.cssSelector(".bk-field")).size());
        assertTrue(has(m.findElement(By.cssSelector(".bk-context")), "context \u26A0"));
        assertEquals(1, m.findElements(By.cssSelector("hr")).size());
        assertEquals("Primary", m.findElement(By.cssSelector(".bk-button.bk-primary")).getText());
        assertEquals(0L, page.script("return document.querySelectorAll('#messages script, #messages b').length"));
    }

    @Test
    void shiftEnterStartsANewLineAndEnterSends() throws Exception {
        open().selectConversation("D0LOCAL");
        WebElement box = browser.driver.findElement(By.id("composer-input"));
        box.sendKeys("what is a SOC 1 report?");
        box.sendKeys(Keys.chord(Keys.SHIFT, Keys.ENTER));
        box.sendKeys("thanks");
        assertEquals("what is a SOC 1 report?\nthanks", box.getDomProperty("value"), "Shift+Enter did not send");
        assertTrue(page.messages(MAIN).isEmpty());

        box.sendKeys(Keys.ENTER);

        WebElement sent = page.waitForMessage(MAIN, "user", "thanks");
        assertEquals("what is a SOC 1 report?\nthanks", sent.findElement(By.cssSelector(".message-content")).getText());
        assertEquals("", box.getDomProperty("value"), "the composer is cleared after sending");
        page.waitForMessage(MAIN, "bot", "SOC 1");
    }

    @Test
    void aBrokenIntentsFileShowsTheProblemsBanner() throws Exception {
        intentsCopy = Files.createTempDirectory("attest-intents-");
        try (Stream<Path> files = Files.list(Path.of("intents"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, intentsCopy.resolve(file.getFileName()));
            }
        }
        open(intentsCopy);
        assertFalse(browser.driver.findElement(By.id("problems")).isDisplayed());

        Files.writeString(intentsCopy.resolve("basics.yml"), "\n  - id: [this is not valid\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        WebElement banner = page.waiting().until(d -> {
            WebElement problems = d.findElement(By.id("problems"));
            return problems.isDisplayed() ? problems : null;
        });
        assertTrue(has(banner, "The intents folder has problems"), banner.getText());
        assertTrue(has(banner, "basics.yml"), "the problem names the file: " + banner.getText());
    }
}
