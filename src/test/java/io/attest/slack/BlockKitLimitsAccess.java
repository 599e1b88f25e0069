package io.attest.slack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Lets tests in other packages check messages against Block Kit's limits. */
public final class BlockKitLimitsAccess {

    private BlockKitLimitsAccess() {
    }

    public static List<String> violations(JsonNode blocks) {
        return BlockKitLimits.violations(blocks);
    }
}
