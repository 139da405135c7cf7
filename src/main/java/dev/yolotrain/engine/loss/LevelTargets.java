package dev.yolotrain.engine.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * The targets assigned to one detection level: one row per (target, anchor, cell) triple, in the
 * order YOLOv5 produces them (offset-major: all own cells, then the left, upper, right and lower
 * neighbours; within each, anchor-major, then target order).
 *
 * @param image image index in the batch, int64 (n)
 * @param anchor anchor index, int64 (n)
 * @param gridY cell row, clamped to the grid, int64 (n)
 * @param gridX cell column, clamped to the grid, int64 (n)
 * @param box box target in grid units (n, 4): centre relative to the cell's corner, then w, h
 * @param anchorWh the matched anchor's w, h in grid units (n, 2)
 * @param cls class index, int64 (n)
 */
public record LevelTargets(
        NDArray image, NDArray anchor, NDArray gridY, NDArray gridX, NDArray box, NDArray anchorWh, NDArray cls) {

    /** Number of assigned rows (known on the host without a device sync). */
    public long size() {
        return image.getShape().get(0);
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    /** No assignments: zero-length arrays on {@code manager}'s device. */
    static LevelTargets empty(NDManager manager) {
        NDArray none = manager.zeros(new Shape(0), DataType.INT64);
        return new LevelTargets(none, none, none, none, manager.zeros(new Shape(0, 4)), manager.zeros(new Shape(0, 2)), none);
    }
}
