package io.hyperlab.host;

/** Whether a VM's guest tools or agent are there: detected running, configured but not answering, absent, or unknown. */
public enum ToolsState implements Choice {
    RUNNING,
    NOT_RUNNING,
    ABSENT,
    UNKNOWN
}
