package io.attest.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Slack-compatible Web API for local mode, served by Attest's own server under {@code /local/api/}, plus
 * response_url endpoints under {@code /local/response/}. The bot reaches it through {@code SLACK_API_URL}
 * exactly as it reaches Slack, so the console exercises the same listeners and the same calls.
 */
final class LocalSlackApi {

    static final String API_PATH = "/local/api/";
    static final String RESPONSE_PATH = "/local/response/";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a response_url refers to: where the interaction happened and, for a button, on which message. */
    record ResponseTarget(String channel, String user, String messageTs, boolean ephemeral, String threadTs) {
    }

    private final LocalWorkspace workspace;
    private final Map<String, ResponseTarget> responseUrls = new ConcurrentHashMap<>();
    private final String base;

    LocalSlackApi(LocalWorkspace workspace, String baseUrl) {
        this.workspace = workspace;
        this.base = baseUrl;
    }

    String apiUrl() {
        return base + API_PATH;
    }

    /** A fresh response_url for one interaction. */
    String responseUrl(ResponseTarget target) {
        String id = UUID.randomUUID().toString();
        responseUrls.put(id, target);
        return base + RESPONSE_PATH + id;
    }

    void routes(JavalinConfig config) {
        config.routes.post(API_PATH + "{method}", this::method);
        config.routes.post(RESPONSE_PATH + "{id}", this::respond);
    }

    private void method(Context ctx) {
        if (fromABrowser(ctx)) {
            return;
        }
        Map<String, String> p = new java.util.HashMap<>();
        ctx.formParamMap().forEach((k, v) -> p.put(k, v.isEmpty() ? "" : v.get(0)));
        String channel = p.get("channel");
        ObjectNode out = JSON.createObjectNode().put("ok", true);
        switch (ctx.pathParam("method")) {
            case "auth.test" -> out.put("user_id", LocalWorkspace.BOT).put("team_id", "T0LOCAL").put("bot_id", "B0LOCAL");
            case "chat.postMessage" -> {
                if (!known(channel)) {
                    out.put("ok", false).put("error", "channel_not_found");
                } else {
                    out.put("channel", channel).put("ts", workspace.post(channel, p.get("thread_ts"), LocalWorkspace.BOT,
                            p.get("text"), blocks(p.get("blocks")), null));
                }
            }
            case "chat.postEphemeral" -> out.put("message_ts", workspace.post(channel, p.get("thread_ts"),
                    LocalWorkspace.BOT, p.get("text"), blocks(p.get("blocks")), p.get("user")));
            case "chat.update" -> {
                if (!workspace.update(channel, p.get("ts"), p.get("text"), blocks(p.get("blocks")))) {
                    out.put("ok", false).put("error", "message_not_found");
                }
                out.put("channel", channel).put("ts", p.get("ts"));
            }
            case "chat.delete" -> out.put("ok", workspace.delete(channel, p.get("ts")));
            default -> out.put("ok", false).put("error", "unknown_method");
        }
        ctx.json(out.toString()).contentType("application/json");
    }

    private void respond(Context ctx) throws IOException {
        if (fromABrowser(ctx)) {
            return;
        }
        ResponseTarget target = responseUrls.get(ctx.pathParam("id"));
        if (target == null) {
            ctx.status(404).result("expired_url");
            return;
        }
        JsonNode body = JSON.readTree(ctx.body());
        String text = body.path("text").asText("");
        JsonNode blocks = body.has("blocks") ? body.get("blocks") : null;
        if (body.path("delete_original").asBoolean(false) && target.messageTs() != null) {
            workspace.delete(target.channel(), target.messageTs());
        } else if (body.path("replace_original").asBoolean(false) && target.messageTs() != null) {
            workspace.update(target.channel(), target.messageTs(), text, blocks);
        } else if (blocks != null || !text.isEmpty()) {
            boolean inChannel = "in_channel".equals(body.path("response_type").asText());
            workspace.post(target.channel(), target.threadTs(), LocalWorkspace.BOT, text, blocks,
                    inChannel ? null : target.user());
        }
        ctx.result("ok");
    }

    /** Only the bot's own HTTP client calls this API; a browser (any page, any site) never does. */
    private static boolean fromABrowser(Context ctx) {
        if (ctx.header("Origin") != null || ctx.header("Sec-Fetch-Site") != null) {
            ctx.status(403).result("{\"ok\":false,\"error\":\"not_allowed\"}");
            return true;
        }
        return false;
    }

    private static boolean known(String channel) {
        return LocalWorkspace.CHANNEL.equals(channel) || LocalWorkspace.DM.equals(channel);
    }

    static JsonNode blocks(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return null;
        }
    }
}
