package io.hyperlab.host;

/** A VM's power state as both hypervisors know it. */
public enum PowerState implements Choice {
    RUNNING,
    PAUSED,
    SUSPENDED,
    SHUTTING_DOWN,
    OFF,
    CRASHED,
    UNKNOWN
}
