package dev.yolotrain.engine.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Non-maximum suppression on one image's decoded model output, on the host, following YOLOv5's
 * {@code non_max_suppression}: rows are {@code (cx, cy, w, h, obj, cls_0 … cls_{nc-1})}; a row is a
 * candidate when {@code obj > conf}; its class scores become {@code obj·cls}; boxes go to xyxy; with
 * {@code multiLabel} every class score above {@code conf} is a candidate (as {@code val.py} asks),
 * otherwise only the best class; the {@code maxNms} highest-scoring candidates are kept; NMS is
 * class-aware by shifting each box by {@code class × maxWh}; at most {@code maxDet} detections are
 * returned, in descending confidence. Arithmetic is float32, as in the model.
 *
 * <pre>{@code
 * NonMaxSuppression nms = NonMaxSuppression.builder().optConfThreshold(0.001f).build();
 * List<Detection> dets = nms.apply(output, numClasses);
 * }</pre>
 */
public final class NonMaxSuppression {

    private final float confThreshold;
    private final float iouThreshold;
    private final int maxDet;
    private final int maxNms;
    private final float maxWh;
    private final boolean multiLabel;
    private final boolean agnostic;

    private NonMaxSuppression(Builder b) {
        this.confThreshold = b.confThreshold;
        this.iouThreshold = b.iouThreshold;
        this.maxDet = b.maxDet;
        this.maxNms = b.maxNms;
        this.maxWh = b.maxWh;
        this.multiLabel = b.multiLabel;
        this.agnostic = b.agnostic;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param output the rows of one image, flattened: {@code N × (5 + numClasses)} floats
     * @param numClasses number of classes
     * @return detections, highest confidence first
     */
    public List<Detection> apply(float[] output, int numClasses) {
        int stride = 5 + numClasses;
        if (numClasses < 1 || output.length % stride != 0) {
            throw new IllegalArgumentException(
                    "output length " + output.length + " is not a multiple of 5 + numClasses = " + stride);
        }
        List<float[]> cand = candidates(output, numClasses, stride);
        cand.sort(Comparator.comparingDouble((float[] c) -> c[4]).reversed());
        if (cand.size() > maxNms) {
            cand = new ArrayList<>(cand.subList(0, maxNms));
        }
        List<Detection> kept = new ArrayList<>();
        boolean[] suppressed = new boolean[cand.size()];
        for (int i = 0; i < cand.size() && kept.size() < maxDet; i++) {
            if (suppressed[i]) {
                continue;
            }
            float[] a = cand.get(i);
            kept.add(new Detection(a[0], a[1], a[2], a[3], a[4], (int) a[5]));
            for (int j = i + 1; j < cand.size(); j++) {
                if (!suppressed[j] && shiftedIou(a, cand.get(j)) > iouThreshold) {
                    suppressed[j] = true;
                }
            }
        }
        return kept;
    }

    private List<float[]> candidates(float[] out, int nc, int stride) {
        List<float[]> cand = new ArrayList<>();
        for (int row = 0; row < out.length / stride; row++) {
            int o = row * stride;
            float obj = out[o + 4];
            if (!(obj > confThreshold)) {
                continue;
            }
            float hw = out[o + 2] / 2;
            float hh = out[o + 3] / 2;
            float x1 = out[o] - hw;
            float y1 = out[o + 1] - hh;
            float x2 = out[o] + hw;
            float y2 = out[o + 1] + hh;
            if (multiLabel && nc > 1) {
                for (int c = 0; c < nc; c++) {
                    float s = out[o + 5 + c] * obj;
                    if (s > confThreshold) {
                        cand.add(new float[] {x1, y1, x2, y2, s, c});
                    }
                }
            } else {
                int best = 0;
                for (int c = 1; c < nc; c++) {
                    if (out[o + 5 + c] * obj > out[o + 5 + best] * obj) {
                        best = c;
                    }
                }
                float s = out[o + 5 + best] * obj;
                if (s > confThreshold) {
                    cand.add(new float[] {x1, y1, x2, y2, s, best});
                }
            }
        }
        return cand;
    }

    /** IoU of two candidates after the class offset (torchvision's formula, float32). */
    private float shiftedIou(float[] a, float[] b) {
        float oa = agnostic ? 0 : a[5] * maxWh;
        float ob = agnostic ? 0 : b[5] * maxWh;
        float ax1 = a[0] + oa, ay1 = a[1] + oa, ax2 = a[2] + oa, ay2 = a[3] + oa;
        float bx1 = b[0] + ob, by1 = b[1] + ob, bx2 = b[2] + ob, by2 = b[3] + ob;
        float w = Math.max(0f, Math.min(ax2, bx2) - Math.max(ax1, bx1));
        float h = Math.max(0f, Math.min(ay2, by2) - Math.max(ay1, by1));
        float inter = w * h;
        float union = (ax2 - ax1) * (ay2 - ay1) + (bx2 - bx1) * (by2 - by1) - inter;
        return union > 0 ? inter / union : 0f;
    }

    /** Settings; the defaults are those of YOLOv5's validation. */
    public static final class Builder {
        private float confThreshold = 0.001f;
        private float iouThreshold = 0.6f;
        private int maxDet = 300;
        private int maxNms = 30000;
        private float maxWh = 7680f;
        private boolean multiLabel = true;
        private boolean agnostic;

        private Builder() {}

        /** Minimum objectness and score (exclusive); default 0.001. */
        public Builder optConfThreshold(float v) {
            confThreshold = v;
            return this;
        }

        /** IoU above which the lower-scoring box is suppressed; default 0.6. */
        public Builder optIouThreshold(float v) {
            iouThreshold = v;
            return this;
        }

        /** Most detections returned per image; default 300. */
        public Builder optMaxDet(int v) {
            maxDet = v;
            return this;
        }

        /** Most candidates that enter NMS (highest scores kept); default 30000. */
        public Builder optMaxNms(int v) {
            maxNms = v;
            return this;
        }

        /** The class offset in pixels that keeps classes apart; default 7680. */
        public Builder optMaxWh(float v) {
            maxWh = v;
            return this;
        }

        /** One candidate per class score above the threshold (default true, as val.py) or only the best class. */
        public Builder optMultiLabel(boolean v) {
            multiLabel = v;
            return this;
        }

        /** Class-agnostic NMS (single-class training); default false. */
        public Builder optAgnostic(boolean v) {
            agnostic = v;
            return this;
        }

        public NonMaxSuppression build() {
            if (maxDet < 1 || maxNms < 1 || !(iouThreshold >= 0 && iouThreshold <= 1)) {
                throw new IllegalArgumentException("maxDet and maxNms must be ≥ 1 and iouThreshold in [0, 1]");
            }
            return new NonMaxSuppression(this);
        }
    }
}
