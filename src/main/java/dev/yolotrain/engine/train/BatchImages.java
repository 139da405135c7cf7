package dev.yolotrain.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.yolotrain.engine.data.loader.Batch;
import java.nio.ByteBuffer;

/**
 * A batch's images as the network's float input, made on the manager's device from the batch's bytes: what
 * crosses to the device (and is copied on the way) is a quarter of the float batch.
 */
final class BatchImages {

    private BatchImages() {}

    /** Images [from, from + n) of the batch as an n×3×h×w float array in [0, 1] (equal to {@link Batch#images()}). */
    static NDArray of(NDManager manager, Batch b, int from, int n) {
        int per = 3 * b.height() * b.width();
        ByteBuffer bytes = ByteBuffer.wrap(b.pixels(), from * per, n * per).slice();
        try (NDArray u8 = manager.create(bytes, new Shape(n, 3, b.height(), b.width()), DataType.UINT8)) {
            return u8.toType(DataType.FLOAT32, false).muli(Batch.SCALE);
        }
    }

    /** All the batch's images. */
    static NDArray of(NDManager manager, Batch b) {
        return of(manager, b, 0, b.size());
    }
}
