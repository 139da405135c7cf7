package dev.yolotrain.engine.data.loader;

import java.util.ArrayDeque;
import java.util.Iterator;

/** Image buffers handed back by closed batches, reused for the next ones (at most {@code capacity} kept). */
final class BufferPool {
    private final ArrayDeque<float[]> free = new ArrayDeque<>();
    private final int capacity;

    BufferPool(int capacity) {
        this.capacity = capacity;
    }

    /** A buffer of exactly n floats (contents undefined). */
    synchronized float[] take(int n) {
        for (Iterator<float[]> it = free.iterator(); it.hasNext(); ) {
            float[] b = it.next();
            if (b.length == n) {
                it.remove();
                return b;
            }
        }
        return new float[n];
    }

    synchronized void give(float[] b) {
        if (free.size() >= capacity) {
            free.pollFirst();
        }
        free.addLast(b);
    }

    synchronized void clear() {
        free.clear();
    }
}
