package io.attest.app;

import static io.attest.app.ConsolePage.MAIN;
import static io.attest.app.ConsolePage.THREAD;
import static io.attest.app.ConsolePage.has;
import static io.attest.app.ConsolePage.isEphemeral;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The console's feedback buttons and "What was missing?" modal, the App Home tab, the message shortcut from a
 * message's menu, /soc gaps for the person at the console (a content owner in local mode) and the compliance team's
 * channel, in a real (headless) Chromium. Skipped where Chromium is not installed; required in CI.
 */
class ConsoleFeedbackBrowserTest {

    private static ConsoleBrowser browser;

    private Service server;
    private ConsolePage page;

    @BeforeEach
    void startBrowser() throws Exception {
        String missing = "no /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver)";
        if ("true".equals(System.getenv("ATTEST_REQUIRE_BROWSER"))) {
            org.junit.jupiter.api.Assertions.assertTrue(ConsoleBrowser.available(), missing);
        }
        Assumptions.assumeTrue(ConsoleBrowser.available(), missing);
        if (browser == null) {
            browser = ConsoleBrowser.start();
        }
        server = Wiring.start(TestConfigs.local(Path.of("intents")), true);
        page = new ConsolePage(browser.driver).open(server.port());
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
                new Actions(browser.driver).moveToElement(browser.driver.findElement(By.cssSelector(".workspace-name"))).perform();
                browser.screenshot(test.getTestMethod().orElseThrow().getName());
                assertEquals(List.of(), browser.pageErrors(), "the page logged errors");
            }
        } finally {
            if (browser != null) {
                browser.driver.get("about:blank");
                browser.pageErrors();
            }
            if (server != null) {
                server.shutdown();
            }
        }
    }

    @Test
    void notHelpfulOpensTheModalAndItsAnswerIsNoted() throws Exception {
        page.send("/soc is SOC 2 a certification?");
        WebElement answer = page.waitForMessage(MAIN, "bot", "attestation");
        page.click(MAIN, answer.getDomAttribute("data-ts"), "👎 Not helpful");

        WebElement modal = page.waitForModal("Not helpful");
        assertTrue(has(modal, "What was missing?"), modal.getText());
        assertTrue(has(modal, "Also ask the compliance team"), "local mode has a compliance channel: " + modal.getText());
        browser.screenshot("not-helpful-modal");
        page.typeInModal("What was missing?", "Whether our bridge letter covers the gap");
        page.submitModal();
        page.waitForNoModal();
        WebElement noted = page.waitForMessage(MAIN, "bot", "noted");
        assertTrue(isEphemeral(noted));
    }

    @Test
    void helpfulIsThankedPrivately() throws Exception {
        page.send("/soc is SOC 2 a certification?");
        WebElement answer = page.waitForMessage(MAIN, "bot", "attestation");
        page.click(MAIN, answer.getDomAttribute("data-ts"), "👍 Helpful");
        assertTrue(isEphemeral(page.waitForMessage(MAIN, "bot", "glad it helped")));
    }

    @Test
    void theHomeTabShowsWhatAttestCoversYourQuestionsAndForAnOwnerTheGaps() throws Exception {
        page.send("/soc is SOC 2 a certification?");
        page.waitForMessage(MAIN, "bot", "attestation");
        page.send("/soc which soc 2 emoji should we use in slack");
        page.waitForMessage(MAIN, "bot", "outside what I cover");
        page.selectConversation("HOME");
        WebElement home = page.waitForHome("which soc 2 emoji should we use in slack");
        assertTrue(has(home, "What I cover"), home.getText());
        assertTrue(has(home, "Your recent questions"), home.getText());
        assertTrue(has(home, "For content owners"), "the person at the console is an owner: " + home.getText());
        assertTrue(ConsolePage.button(home, "Start triage").isPresent());
        assertTrue(browser.driver.findElement(By.id("composer")).getAttribute("hidden") != null, "Home has no composer");
    }

    @Test
    void askAttestAboutThisFromAMessagesMenuAnswersPrivately() throws Exception {
        page.send("Our prospect writes: is your SOC 2 a certification?");
        WebElement email = page.waitForMessage(MAIN, "user", "Our prospect writes");
        page.askAttestAbout(MAIN, email.getDomAttribute("data-ts"));
        WebElement answer = page.waitForMessage(MAIN, "bot", "attestation");
        assertTrue(isEphemeral(answer), answer.getText());
        assertTrue(ConsolePage.button(answer, "Share in channel").isPresent());
        assertTrue(ConsolePage.button(answer, "👍 Helpful").isPresent());
    }

    @Test
    void theGapQueueIsWorkedFromSocGapsAndAnAnswerFromTheComplianceTeamComesBack() throws Exception {
        page.send("/soc which soc 2 emoji should we use in slack");
        WebElement decline = page.waitForMessage(MAIN, "bot", "outside what I cover");
        page.send("/soc gaps");
        WebElement gaps = page.waitForMessage(MAIN, "bot", "Gap queue");
        assertTrue(has(gaps, "which soc 2 emoji should we use in slack") && has(gaps, "1 declined"), gaps.getText());

        page.click(MAIN, decline.getDomAttribute("data-ts"), "Ask the compliance team");
        page.waitForMessage(MAIN, "bot", "I've asked the compliance team");
        page.selectConversation("C0EXPERTS");
        WebElement post = page.waitForMessage(MAIN, "bot", "Question from");
        page.replyInThread(MAIN, post.getDomAttribute("data-ts"));
        page.sendInThread("Usually 20k to 60k EUR; finance has our quote.");
        page.waitForMessage(THREAD, "bot", "Sent to");
        page.selectConversation("C0LOCAL");
        assertTrue(isEphemeral(page.waitForMessage(MAIN, "bot", "finance has our quote")));

        page.click(MAIN, page.waitForMessage(MAIN, "bot", "Gap queue").getDomAttribute("data-ts"), "Dismiss");
        page.waitForMessage(MAIN, "bot", "No open gaps");
    }
}
