package io.clair.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Samples the used heap every few milliseconds on a daemon thread and keeps the highest value: the peak heap of the
 * work done between {@link #start()} and {@link #stop()}, garbage included (what a collector had to make room for).
 */
final class HeapSampler implements AutoCloseable {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peak;

    private HeapSampler() {
        thread = new Thread(this::run, "heap-sampler");
        thread.setDaemon(true);
    }

    /** Collects garbage first, so that the peak is of the measured work and not of what came before. */
    static HeapSampler start() {
        System.gc();
        HeapSampler s = new HeapSampler();
        s.peak = s.memory.getHeapMemoryUsage().getUsed();
        s.thread.start();
        return s;
    }

    private void run() {
        while (running) {
            long used = memory.getHeapMemoryUsage().getUsed();
            if (used > peak) {
                peak = used;
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The peak used heap in bytes. */
    long stop() throws InterruptedException {
        running = false;
        thread.join();
        return Math.max(peak, memory.getHeapMemoryUsage().getUsed());
    }

    /** Used heap after a full collection: what the result still holds. */
    static long retained() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
