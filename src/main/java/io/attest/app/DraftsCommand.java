package io.attest.app;

import io.attest.store.Draft;
import io.attest.store.Drafts;
import io.attest.store.Store;
import io.attest.store.StoreUnavailable;
import java.io.PrintStream;
import java.time.Clock;

/**
 * {@code drafts}: prints every draft intent content owners made from the compliance team's answers, oldest first, as
 * YAML to review and add to {@code intents/}. Reads the same store as the server (DATABASE_URL or ATTEST_DATA), also
 * while it runs.
 */
final class DraftsCommand {

    private DraftsCommand() {
    }

    static int run(Config config, PrintStream out, PrintStream err) throws Exception {
        try (Store store = Store.open(config.store(), config.startupTimeout(), Clock.systemUTC())) {
            var drafts = new Drafts(store).all();
            if (drafts.isEmpty()) {
                err.println("No drafts yet. An owner makes one with \"Make a draft intent\" once the compliance team has "
                        + "answered a question.");
                return 0;
            }
            for (Draft draft : drafts) {
                out.println("# --- draft " + draft.id() + (draft.gapId() == null ? "" : ", gap " + draft.gapId())
                        + ", made " + draft.createdAt());
                out.print(draft.yaml());
                out.println();
            }
            return 0;
        } catch (StoreUnavailable e) {
            err.println("attest: the database stopped answering while reading drafts; try again");
            return 1;
        }
    }
}
