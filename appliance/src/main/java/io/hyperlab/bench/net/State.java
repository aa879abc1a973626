package io.hyperlab.bench.net;

import java.util.Optional;

/**
 * iperf3's control states (iperf_api.h), each one signed byte on the control connection. A byte
 * that is none of these is a protocol error, never a state.
 */
enum State {
    TEST_START(1),
    TEST_RUNNING(2),
    TEST_END(4),
    PARAM_EXCHANGE(9),
    CREATE_STREAMS(10),
    SERVER_TERMINATE(11),
    CLIENT_TERMINATE(12),
    EXCHANGE_RESULTS(13),
    DISPLAY_RESULTS(14),
    IPERF_START(15),
    IPERF_DONE(16),
    ACCESS_DENIED(-1),
    SERVER_ERROR(-2);

    final byte code;

    State(int code) {
        this.code = (byte) code;
    }

    static Optional<State> of(byte code) {
        for (State state : values()) {
            if (state.code == code) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }
}
