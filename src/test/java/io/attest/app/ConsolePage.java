package io.attest.app;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The local console as the browser tests see it: what a person can read, type and click. */
final class ConsolePage {

    static final By MAIN = By.id("messages");
    static final By THREAD = By.id("thread-messages");
    private static final By MESSAGE = By.cssSelector(".message");

    private final WebDriver driver;
    private final WebDriverWait wait;

    ConsolePage(WebDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20), Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class);
    }

    /** Opens the console and waits until its first look at the workspace is on the page. */
    ConsolePage open(int port) {
        driver.get("http://127.0.0.1:" + port + "/");
        wait.until(d -> !d.findElement(MAIN).findElements(By.cssSelector(".message, .empty")).isEmpty());
        return this;
    }

    void send(String text) {
        type(By.id("composer-input"), text);
    }

    void sendInThread(String text) {
        type(By.id("thread-input"), text);
    }

    private void type(By input, String text) {
        WebElement box = driver.findElement(input);
        box.click();
        box.sendKeys(text);
        box.sendKeys(Keys.ENTER);
    }

    void selectConversation(String channel) {
        driver.findElement(By.id("nav-" + channel)).click();
    }

    /** Waits for a message in the pane from the given author ("user" or "bot") whose text contains the words. */
    WebElement waitForMessage(By pane, String author, String contains) {
        return waitForMessage(pane, m -> author.equals(m.getDomAttribute("data-user")) && has(m, contains),
                author + " message containing '" + contains + "'");
    }

    WebElement waitForMessage(By pane, Predicate<WebElement> test, String what) {
        return wait.withMessage(() -> "no " + what + " appeared; the page shows:\n" + paneText(pane))
                .until(d -> messages(pane).stream().filter(test).reduce((first, second) -> second).orElse(null));
    }

    /** Waits until no message in the pane passes the test. */
    void waitForNoMessage(By pane, Predicate<WebElement> test, String what) {
        wait.withMessage(() -> "still showing " + what + "; the page shows:\n" + paneText(pane))
                .until(d -> messages(pane).stream().noneMatch(test));
    }

    List<WebElement> messages(By pane) {
        return driver.findElement(pane).findElements(MESSAGE);
    }

    String paneText(By pane) {
        try {
            return driver.findElement(pane).getText();
        } catch (RuntimeException e) {
            return "(unreadable: " + e + ")";
        }
    }

    static boolean has(WebElement message, String words) {
        return message.getText().toLowerCase(Locale.ROOT).contains(words.toLowerCase(Locale.ROOT));
    }

    static boolean isEphemeral(WebElement message) {
        return !message.findElements(By.cssSelector(".ephemeral-note")).isEmpty()
                && has(message.findElement(By.cssSelector(".ephemeral-note")), "Only visible to you");
    }

    static List<WebElement> buttons(WebElement message) {
        return message.findElements(By.cssSelector(".bk-button"));
    }

    static Optional<WebElement> button(WebElement message, String label) {
        return buttons(message).stream().filter(b -> b.getText().strip().equals(label)).findFirst();
    }

    /** Clicks a button on the message with this ts, found afresh each try so a re-drawn message does not matter. */
    void click(By pane, String ts, String label) {
        wait.withMessage(() -> "no button '" + label + "' on message " + ts + "; the page shows:\n" + paneText(pane))
                .until(d -> {
                    WebElement message = d.findElement(pane).findElement(By.cssSelector(".message[data-ts='" + ts + "']"));
                    Optional<WebElement> button = button(message, label);
                    if (button.isEmpty() || !button.get().isEnabled()) {
                        return false;
                    }
                    button.get().click();
                    return true;
                });
    }

    /** Opens the thread of the message with this ts (unless it is open already) and waits for the thread pane. */
    void openThread(String ts) {
        wait.withMessage(() -> "the thread of " + ts + " did not open").until(d -> {
            WebElement pane = d.findElement(By.id("thread"));
            if (pane.isDisplayed() && !d.findElement(THREAD).findElements(
                    By.cssSelector(".message[data-ts='" + ts + "']")).isEmpty()) {
                return true;
            }
            d.findElement(MAIN).findElement(By.cssSelector(".message[data-ts='" + ts + "'] .replies-link")).click();
            return false;
        });
    }

    /** Waits for a modal whose title is {@code title}, and returns it. */
    WebElement waitForModal(String title) {
        return wait.withMessage(() -> "no modal '" + title + "' opened").until(d -> {
            WebElement modal = d.findElement(By.id("modal"));
            return modal.isDisplayed() && d.findElement(By.id("modal-title")).getText().equals(title) ? modal : null;
        });
    }

    void waitForNoModal() {
        wait.withMessage(() -> "the modal is still open").until(d -> !d.findElement(By.id("modal")).isDisplayed());
    }

    /** Types into the modal's input labelled {@code label}. */
    void typeInModal(String label, String text) {
        WebElement input = wait.until(d -> d.findElements(By.cssSelector("#modal .bk-input")).stream()
                .filter(i -> i.findElement(By.cssSelector(".bk-input-label")).getText().startsWith(label)).findFirst()
                .map(i -> i.findElement(By.cssSelector(".bk-text-input"))).orElse(null));
        input.clear();
        input.sendKeys(text);
    }

    void submitModal() {
        driver.findElement(By.id("modal-submit")).click();
    }

    /** "Ask Attest about this" from the menu of the message with this ts. */
    void askAttestAbout(By pane, String ts) {
        fromMenu(pane, ts, "menu-ask");
    }

    /** "Reply in thread" from the menu of the message with this ts: opens its thread, replies or not. */
    void replyInThread(By pane, String ts) {
        fromMenu(pane, ts, "menu-thread");
        wait.until(d -> d.findElement(By.id("thread")).isDisplayed());
    }

    private void fromMenu(By pane, String ts, String item) {
        WebElement message = wait.until(d -> d.findElement(pane).findElement(By.cssSelector(".message[data-ts='" + ts + "']")));
        new org.openqa.selenium.interactions.Actions(driver).moveToElement(message).perform();
        wait.until(d -> {
            WebElement more = message.findElement(By.cssSelector(".message-more"));
            if (!more.isDisplayed()) {
                return false;
            }
            more.click();
            return true;
        });
        wait.until(d -> d.findElement(By.id("message-menu")).isDisplayed());
        driver.findElement(By.id(item)).click();
    }

    /** The App Home tab as drawn, once it shows {@code contains}. */
    WebElement waitForHome(String contains) {
        return wait.withMessage(() -> "Home did not show '" + contains + "'; the page shows:\n" + paneText(MAIN))
                .until(d -> d.findElement(MAIN).findElements(By.cssSelector(".home-view")).stream()
                        .filter(h -> has(h, contains)).findFirst().orElse(null));
    }

    Object script(String js) {
        return ((JavascriptExecutor) driver).executeScript(js);
    }

    WebDriverWait waiting() {
        return wait;
    }
}
