package org.baton.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A background job that works in batches for a window of time within one db-scheduler execution: it runs the next
 * batch at once after a full one and pauses otherwise, until the window ends or the node stops. A failing batch is
 * logged and counts as empty. (db-scheduler alone would start the next execution only at its next poll.)
 */
public final class BatchLoop {

    private static final Logger log = LoggerFactory.getLogger(BatchLoop.class);

    private BatchLoop() {}

    /**
     * @param name what the job is, for the log
     * @param batch runs one batch; how many items it looked at
     * @param batchSize the most one batch looks at
     * @param stopping whether the node is shutting down
     */
    public static void run(String name, IntSupplier batch, int batchSize, Clock clock, Duration pause, Duration window,
            BooleanSupplier stopping) {
        Instant until = clock.instant().plus(window);
        while (clock.instant().isBefore(until) && !stopping.getAsBoolean()) {
            int looked;
            try {
                looked = batch.getAsInt();
            } catch (RuntimeException e) {
                log.warn("{} failed; retrying in {}", name, pause, e);
                looked = 0;
            }
            if (looked < batchSize) {
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
