package dev.yolotrain.engine.data.loader;

import java.lang.reflect.Array;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.function.IntFunction;

/**
 * Arrays handed back by closed batches, reused for the next ones (at most {@code capacity} kept): a batch
 * buffer is hundreds of MB at 640 px, and allocating each anew costs page faults and garbage collections.
 */
final class BufferPool<T> {
    private final ArrayDeque<T> free = new ArrayDeque<>();
    private final int capacity;
    private final IntFunction<T> factory;

    BufferPool(int capacity, IntFunction<T> factory) {
        this.capacity = capacity;
        this.factory = factory;
    }

    /** An array of exactly n elements (contents undefined). */
    synchronized T take(int n) {
        for (Iterator<T> it = free.iterator(); it.hasNext(); ) {
            T b = it.next();
            if (Array.getLength(b) == n) {
                it.remove();
                return b;
            }
        }
        return factory.apply(n);
    }

    synchronized void give(T b) {
        if (free.size() >= capacity) {
            free.pollFirst();
        }
        free.addLast(b);
    }

    synchronized void clear() {
        free.clear();
    }
}
