package io.hyperlab.report;

import io.hyperlab.InvalidInputException;
import java.util.Objects;

/** What one side of a comparison is, as a user names it: a label, one run, or a built-in reference. */
public sealed interface Side {

    /** Every run stored under this label, pooled by test and metric. */
    record Label(String label) implements Side {
        public Label {
            Objects.requireNonNull(label, "label");
            if (label.isBlank()) {
                throw new InvalidInputException("a label to compare must not be empty");
            }
        }
    }

    /** One run, by its number in the history. */
    record Run(long id) implements Side {
        public Run {
            if (id < 1) {
                throw new InvalidInputException("run numbers start at 1, not " + id);
            }
        }
    }

    /**
     * A built-in reference dataset (e.g. {@code thesis-2021}); {@code side} picks one of its
     * environments (e.g. {@code kvm}), or null for all of them in their published order.
     */
    record Reference(String dataset, String side) implements Side {
        public Reference {
            Objects.requireNonNull(dataset, "dataset");
        }

        /** Parses {@code thesis-2021} or {@code thesis-2021:kvm}. */
        public static Reference parse(String text) {
            int colon = text.indexOf(':');
            return colon < 0 ? new Reference(text, null) : new Reference(text.substring(0, colon), text.substring(colon + 1));
        }
    }
}
