package io.hyperlab.history;

import java.util.List;

/** One page of a run listing, and how many runs passed the filter in all. */
public record RunPage(List<RunInfo> runs, long total, int limit, int offset) {
    public RunPage {
        runs = List.copyOf(runs);
    }
}
