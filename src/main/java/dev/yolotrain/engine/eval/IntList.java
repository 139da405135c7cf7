package dev.yolotrain.engine.eval;

import java.util.Arrays;

/** A growable int array. */
final class IntList {
    private int[] data = new int[16];
    private int size;

    void add(int v) {
        ensureSize(size + 1);
        data[size - 1] = v;
    }

    /** Grows to at least {@code n} elements, new ones 0. */
    void ensureSize(int n) {
        if (n > data.length) {
            data = Arrays.copyOf(data, Math.max(n, data.length * 2));
        }
        size = Math.max(size, n);
    }

    int get(int i) {
        return i < size ? data[i] : 0;
    }

    void set(int i, int v) {
        data[i] = v;
    }

    int[] toArray() {
        return Arrays.copyOf(data, size);
    }
}
