package io.attest.slack.answers;

/** How to use Attest, worded for the surface the person is on. */
final class Usage {

    static final String SLASH = "`/soc <question>` answers privately · `/soc topics` · `/soc triage <who it is for>` · "
            + "or mention me in a channel, or send me a DM";
    static final String MENTION = "`@Attest <question>` answers in the thread · `@Attest topics` · "
            + "`@Attest triage <who it is for>` · `/soc <question>` answers privately";
    static final String DIRECT = "Ask me anything about SOC 1 or SOC 2 here · `topics` lists what I cover · "
            + "`triage <who it is for>` runs a report triage";

    private Usage() {
    }
}
