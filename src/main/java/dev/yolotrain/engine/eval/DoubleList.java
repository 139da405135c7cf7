package dev.yolotrain.engine.eval;

import java.util.Arrays;

/** A growable double array. */
final class DoubleList {
    private double[] data = new double[16];
    private int size;

    void add(double v) {
        if (size == data.length) {
            data = Arrays.copyOf(data, size * 2);
        }
        data[size++] = v;
    }

    double[] toArray() {
        return Arrays.copyOf(data, size);
    }
}
