package dev.yolotrain.engine.data.loader;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Rectangular batches: images sorted by aspect ratio (h/w), and one letterbox shape per batch, the
 * smallest stride multiple that holds every image of the batch at the long side imgSize (plus pad strides).
 *
 * @param order dataset indices in aspect order (position → index)
 * @param shapes per batch {height, width}
 */
public record RectShapes(int[] order, int[][] shapes) {

    public static RectShapes of(int[] widths, int[] heights, int batchSize, int imgSize, int stride, double pad) {
        int n = widths.length;
        double[] ar = new double[n];
        for (int i = 0; i < n; i++) {
            ar[i] = (double) heights[i] / widths[i];
        }
        int[] order = IntStream.range(0, n).boxed().sorted(Comparator.comparingDouble(i -> ar[i]))
                .mapToInt(Integer::intValue).toArray();
        int nb = (n + batchSize - 1) / batchSize;
        int[][] shapes = new int[nb][];
        for (int b = 0; b < nb; b++) {
            double min = Double.MAX_VALUE;
            double max = -Double.MAX_VALUE;
            for (int p = b * batchSize; p < Math.min(n, (b + 1) * batchSize); p++) {
                min = Math.min(min, ar[order[p]]);
                max = Math.max(max, ar[order[p]]);
            }
            double rh = 1;
            double rw = 1;
            if (max < 1) {
                rh = max;
            } else if (min > 1) {
                rw = 1 / min;
            }
            shapes[b] = new int[] {side(rh, imgSize, stride, pad), side(rw, imgSize, stride, pad)};
        }
        return new RectShapes(order, shapes);
    }

    private static int side(double ratio, int imgSize, int stride, double pad) {
        return (int) Math.ceil(ratio * imgSize / stride + pad) * stride;
    }

    @Override
    public String toString() {
        return "RectShapes" + Arrays.deepToString(shapes);
    }
}
