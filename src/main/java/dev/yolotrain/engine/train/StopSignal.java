package dev.yolotrain.engine.train;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Cancel by SIGTERM: the JVM's shutdown hook asks the trainer to stop, then waits (bounded) until it
 * has saved {@code last} and finished, so a cancelled job keeps its progress.
 */
public final class StopSignal {
    private volatile boolean requested;
    private final CountDownLatch finished = new CountDownLatch(1);

    public boolean requested() {
        return requested;
    }

    public void request() {
        requested = true;
    }

    /** Called by the trainer when it has written everything it will write. */
    public void finished() {
        finished.countDown();
    }

    /** Installs a shutdown hook that requests a stop and waits up to {@code graceSeconds} for it. */
    public StopSignal installShutdownHook(long graceSeconds) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            request();
            try {
                finished.await(graceSeconds, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "yolotrain-stop"));
        return this;
    }
}
