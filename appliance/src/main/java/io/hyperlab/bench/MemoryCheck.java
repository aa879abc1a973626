package io.hyperlab.bench;

import io.hyperlab.ByteSize;
import io.hyperlab.InvalidInputException;
import io.hyperlab.bench.env.MemInfo;

/** Refuses a trial whose heap would not fit in the memory the machine has free. */
final class MemoryCheck {
    private MemoryCheck() {
    }

    static void fits(Benchmark benchmark, long heapBytes, MemInfo memory, String remedy) {
        if (memory.availableBytes() > 0 && heapBytes > memory.availableBytes()) {
            throw new InvalidInputException(benchmark.name() + " needs " + ByteSize.format(heapBytes)
                + " of memory with these settings, but this machine has " + ByteSize.format(memory.availableBytes())
                + " available; " + remedy);
        }
    }
}
