package io.hyperlab.host;

/** One requirement checked: what, the verdict, the value measured on the host (null if unknown) and the rule. */
public record RequirementCheck(String requirement, Verdict verdict, String measured, String rule) {
}
