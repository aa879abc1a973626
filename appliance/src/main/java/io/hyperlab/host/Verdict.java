package io.hyperlab.host;

/** The outcome of one preflight requirement: met, not met, or not known from what the host tells. */
public enum Verdict implements Choice {
    PASS,
    FAIL,
    UNKNOWN
}
