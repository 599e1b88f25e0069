package io.attest.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.attest.slack.SlackSignatureVerifier;
import io.attest.slack.answers.ActionIds;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The local console: a page that looks like a Slack channel, and the glue behind it. What the person types or
 * clicks becomes a Slack-shaped request ({@link SlackRequests}), signed with this process's secret and sent to
 * Attest's own {@code /slack/events}; the bot's replies arrive in the workspace of {@link LocalSlack}, the same
 * Slack stand-in the tests use. There is no second way of answering.
 */
public final class LocalConsole {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MENTION = Pattern.compile("(?i)@attest\\b");
    private static final Map<String, String> ASSETS = Map.of(
            "/", "index.html", "/console/console.js", "console.js", "/console/console.css", "console.css");

    private final LocalWorkspace workspace;
    private final LocalSlack slack;
    private final String eventsUrl;
    private final SlackSignatureVerifier signer;
    private final Supplier<List<String>> problems;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger events = new AtomicInteger();
    private final Map<String, byte[]> assets = new HashMap<>();
    private final String baseUrl;

    /**
     * @param baseUrl  this server's own address, http://127.0.0.1:PORT
     * @param slack    the workspace the bot's Web API calls go to
     * @param secret   the signing secret generated for this process
     * @param problems validation problems of the content being edited, shown on the page
     */
    public LocalConsole(String baseUrl, LocalSlack slack, String secret, Supplier<List<String>> problems) {
        this.baseUrl = baseUrl;
        this.slack = slack;
        this.workspace = slack.workspace();
        this.eventsUrl = baseUrl + "/slack/events";
        this.signer = new SlackSignatureVerifier(secret, Clock.systemUTC());
        this.problems = problems;
        // Read once: nothing on the request path touches the disk.
        ASSETS.values().forEach(name -> assets.put(name, resource(name)));
    }

    public void routes(JavalinConfig config) {
        ASSETS.forEach((path, name) -> config.routes.get(path, ctx -> ctx
                .contentType(contentType(name)).header("Cache-Control", "no-store")
                .header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'")
                .result(assets.get(name))));
        config.routes.get("/local/state", this::state);
        config.routes.post("/local/send", this::send);
        config.routes.post("/local/click", this::click);
        config.routes.post("/local/submit", this::submit);
        config.routes.post("/local/close", this::close);
        config.routes.post("/local/home", this::home);
        config.routes.post("/local/shortcut", this::shortcut);
    }

    private void state(Context ctx) {
        ObjectNode state = workspace.snapshot(LocalWorkspace.USER);
        state.put("user", LocalWorkspace.USER).put("bot", LocalWorkspace.BOT)
                .put("channel", LocalWorkspace.CHANNEL).put("dm", LocalWorkspace.DM).put("experts", LocalWorkspace.EXPERTS);
        List<String> current = problems.get();
        ArrayNode list = state.putArray("problems");
        current.forEach(list::add);
        // A new problem list is a change the page must show, even when no message changed.
        state.put("version", state.path("version").asLong() * 31 + current.hashCode());
        ctx.contentType("application/json").result(state.toString());
    }

    /** What the person typed: a /soc command, a mention, a DM, or a plain channel message. */
    private void send(Context ctx) throws IOException, InterruptedException {
        JsonNode body = pageRequest(ctx);
        if (body == null) {
            return;
        }
        String channel = body.path("channel").asText(LocalWorkspace.CHANNEL);
        String text = body.path("text").asText("").strip();
        String thread = body.path("thread_ts").isTextual() ? body.path("thread_ts").asText() : null;
        if (!channel.equals(LocalWorkspace.CHANNEL) && !channel.equals(LocalWorkspace.DM) && !channel.equals(LocalWorkspace.EXPERTS)
                || text.isEmpty() || text.length() > 4000) {
            ctx.status(400).contentType("application/json").result("{\"error\":\"a message needs text (at most 4,000 characters)\"}");
            return;
        }
        if (text.startsWith("/soc")) {
            String args = text.substring(4).strip();
            workspace.post(channel, thread, LocalWorkspace.USER, text, null, LocalWorkspace.USER);
            String responseUrl = slack.responseUrl(new LocalSlack.ResponseTarget(channel, LocalWorkspace.USER, null, true, thread));
            HttpResponse<String> ack = deliver(SlackRequests.slashCommand(args, channel, LocalWorkspace.USER, responseUrl),
                    "application/x-www-form-urlencoded");
            if (ack.statusCode() == 200 && ack.body().startsWith("{")) {
                JsonNode reply = JSON.readTree(ack.body());
                workspace.post(channel, thread, LocalWorkspace.BOT, reply.path("text").asText(""), reply.get("blocks"),
                        "in_channel".equals(reply.path("response_type").asText()) ? null : LocalWorkspace.USER);
            }
        } else {
            String ts = workspace.post(channel, thread, LocalWorkspace.USER, text, null, null);
            String slackText = MENTION.matcher(slackEncode(text)).replaceAll("<@" + LocalWorkspace.BOT + ">");
            String eventId = "Ev0LOCAL" + events.incrementAndGet();
            if (channel.equals(LocalWorkspace.DM)) {
                deliver(SlackRequests.event(eventId, SlackRequests.directMessage(channel, LocalWorkspace.USER, slackText, ts, thread)),
                        "application/json");
            } else if (channel.equals(LocalWorkspace.EXPERTS) && !MENTION.matcher(text).find()) {
                // #compliance stands in for the compliance team's channel: a reply in a thread there is relayed.
                deliver(SlackRequests.event(eventId, SlackRequests.channelMessage(channel, LocalWorkspace.USER, slackText, ts, thread)),
                        "application/json");
            } else if (MENTION.matcher(text).find()) {
                deliver(SlackRequests.event(eventId, SlackRequests.mention(channel, LocalWorkspace.USER, slackText, ts, thread)),
                        "application/json");
            }
        }
        ctx.status(202).contentType("application/json").result("{\"ok\":true}");
    }

    /** A button click on a message, sent as Slack sends block_actions: the message as it is now, and a response_url. */
    private void click(Context ctx) throws IOException, InterruptedException {
        JsonNode body = pageRequest(ctx);
        if (body == null) {
            return;
        }
        String value = body.path("value").isTextual() ? body.path("value").asText() : null;
        if ("home".equals(body.path("view").asText())) {
            deliver(SlackRequests.homeAction(LocalWorkspace.USER, body.path("action_id").asText(), body.path("block_id").asText(),
                    value), "application/x-www-form-urlencoded");
            ctx.status(202).contentType("application/json").result("{\"ok\":true}");
            return;
        }
        String channel = body.path("channel").asText();
        Optional<LocalWorkspace.Message> found = workspace.find(channel, body.path("message_ts").asText());
        if (found.isEmpty()) {
            ctx.status(404).contentType("application/json").result("{\"error\":\"that message is gone\"}");
            return;
        }
        LocalWorkspace.Message message = found.get();
        boolean ephemeral = message.visibleTo() != null;
        String responseUrl = slack.responseUrl(new LocalSlack.ResponseTarget(
                channel, LocalWorkspace.USER, message.ts(), ephemeral, message.threadTs()));
        String payload = SlackRequests.blockAction(new SlackRequests.Click(body.path("action_id").asText(),
                body.path("block_id").asText(), value, channel, LocalWorkspace.USER, responseUrl, message.ts(),
                message.threadTs(), ephemeral, message.user(), message.text(), message.blocks()));
        deliver(payload, "application/x-www-form-urlencoded");
        ctx.status(202).contentType("application/json").result("{\"ok\":true}");
    }

    /**
     * A modal submitted: sent as Slack sends view_submission. The ack decides: errors keep it open and are shown
     * under their inputs; anything else closes it.
     */
    private void submit(Context ctx) throws IOException, InterruptedException {
        JsonNode body = pageRequest(ctx);
        if (body == null) {
            return;
        }
        String id = body.path("view_id").asText();
        Optional<LocalWorkspace.View> view = workspace.view(id);
        if (view.isEmpty()) {
            ctx.status(404).contentType("application/json").result("{\"error\":\"that form is closed\"}");
            return;
        }
        HttpResponse<String> ack = deliver(SlackRequests.viewSubmission(LocalWorkspace.USER, id, view.get().view(),
                body.path("values")), "application/x-www-form-urlencoded");
        JsonNode answer = ack.body() != null && ack.body().startsWith("{") ? JSON.readTree(ack.body()) : null;
        if (answer != null && "errors".equals(answer.path("response_action").asText())) {
            ObjectNode errors = JSON.createObjectNode();
            errors.set("errors", answer.path("errors"));
            ctx.status(200).contentType("application/json").result(errors.toString());
            return;
        }
        if (answer != null && "update".equals(answer.path("response_action").asText())) {
            workspace.updateView(id, answer.path("view"));
        } else {
            workspace.closeView(id);
        }
        ctx.status(200).contentType("application/json").result("{\"ok\":true}");
    }

    /** A modal cancelled. */
    private void close(Context ctx) {
        JsonNode body = pageRequest(ctx);
        if (body == null) {
            return;
        }
        workspace.closeView(body.path("view_id").asText());
        ctx.status(200).contentType("application/json").result("{\"ok\":true}");
    }

    /** The person opened Attest's Home tab: app_home_opened, which Attest answers with views.publish. */
    private void home(Context ctx) throws IOException, InterruptedException {
        if (pageRequest(ctx) == null) {
            return;
        }
        deliver(SlackRequests.event("Ev0LOCAL" + events.incrementAndGet(),
                SlackRequests.appHomeOpened(LocalWorkspace.USER, LocalWorkspace.DM)), "application/json");
        ctx.status(202).contentType("application/json").result("{\"ok\":true}");
    }

    /** "Ask Attest about this" from a message's menu: a message shortcut, answered through its response_url. */
    private void shortcut(Context ctx) throws IOException, InterruptedException {
        JsonNode body = pageRequest(ctx);
        if (body == null) {
            return;
        }
        String channel = body.path("channel").asText();
        Optional<LocalWorkspace.Message> found = workspace.find(channel, body.path("message_ts").asText());
        if (found.isEmpty()) {
            ctx.status(404).contentType("application/json").result("{\"error\":\"that message is gone\"}");
            return;
        }
        LocalWorkspace.Message message = found.get();
        String responseUrl = slack.responseUrl(new LocalSlack.ResponseTarget(channel, LocalWorkspace.USER, null, true,
                message.threadTs()));
        deliver(SlackRequests.messageShortcut(ActionIds.ASK_ABOUT_MESSAGE, channel, LocalWorkspace.USER, message.ts(),
                message.user(), message.text(), responseUrl, "1.2.3"), "application/x-www-form-urlencoded");
        ctx.status(202).contentType("application/json").result("{\"ok\":true}");
    }

    /**
     * The JSON body of a request from the console page, or null after answering 4xx. Only the page itself may
     * drive the bot: a JSON content type (which a cross-site form cannot send without a preflight) and, when the
     * browser names an origin, this server's own.
     */
    private JsonNode pageRequest(Context ctx) {
        String origin = ctx.header("Origin");
        String site = ctx.header("Sec-Fetch-Site");
        boolean foreign = origin != null && !origin.equals(baseUrl) && !origin.equals(baseUrl.replace("127.0.0.1", "localhost"))
                || site != null && !site.equals("same-origin") && !site.equals("none");
        if (foreign) {
            ctx.status(403).contentType("application/json").result("{\"error\":\"only the console page may send\"}");
            return null;
        }
        String type = ctx.contentType();
        if (type == null || !type.startsWith("application/json")) {
            ctx.status(415).contentType("application/json").result("{\"error\":\"send JSON\"}");
            return null;
        }
        try {
            JsonNode body = JSON.readTree(ctx.body());
            if (body != null && body.isObject()) {
                return body;
            }
        } catch (IOException e) {
            // answered below
        }
        ctx.status(400).contentType("application/json").result("{\"error\":\"the body must be a JSON object\"}");
        return null;
    }

    /** Signs and posts to /slack/events, as Slack would. */
    private HttpResponse<String> deliver(String body, String contentType) throws IOException, InterruptedException {
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(eventsUrl)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType)
                .header(SlackSignatureVerifier.TIMESTAMP_HEADER, ts)
                .header(SlackSignatureVerifier.SIGNATURE_HEADER, signer.sign(ts, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Slack escapes these three in message text; the bot decodes them. */
    private static String slackEncode(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String contentType(String name) {
        if (name.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        return name.endsWith(".css") ? "text/css; charset=utf-8" : "text/html; charset=utf-8";
    }

    private static byte[] resource(String name) {
        try (InputStream in = LocalConsole.class.getResourceAsStream("/console/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the console page " + name + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
