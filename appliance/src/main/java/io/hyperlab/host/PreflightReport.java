package io.hyperlab.host;

import java.util.List;

/**
 * A host checked against the study's requirements for its hypervisor ("xenserver" or "kvm"):
 * every requirement, and overall FAIL if one failed, else UNKNOWN if one is unknown, else PASS.
 */
public record PreflightReport(String host, String hypervisor, List<RequirementCheck> checks) {
    public PreflightReport {
        checks = List.copyOf(checks);
    }

    public Verdict overall() {
        if (checks.stream().anyMatch(c -> c.verdict() == Verdict.FAIL)) {
            return Verdict.FAIL;
        }
        return checks.stream().anyMatch(c -> c.verdict() == Verdict.UNKNOWN) ? Verdict.UNKNOWN : Verdict.PASS;
    }
}
