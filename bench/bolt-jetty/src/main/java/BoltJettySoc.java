import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.jetty.SlackAppServer;
import com.slack.api.bolt.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;

/** Baseline: Bolt for Java on its own Jetty server, acking /soc with a fixed reply (args: port, reply file). */
public final class BoltJettySoc {
    public static void main(String[] args) throws Exception {
        String reply = Files.readString(Path.of(args[1]));
        App app = new App(AppConfig.builder().signingSecret(System.getenv("SLACK_SIGNING_SECRET")).build());
        app.command("/soc", (req, ctx) -> Response.builder().statusCode(200)
                .contentType("application/json; charset=utf-8").body(reply).build());
        new SlackAppServer(app, "/slack/events", Integer.parseInt(args[0])).start();
    }
}
