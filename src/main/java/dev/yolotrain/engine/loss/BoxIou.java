package dev.yolotrain.engine.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.index.NDIndex;

/**
 * Complete IoU (Zheng et al., "Distance-IoU Loss", AAAI 2020) of paired boxes given as centre x,
 * centre y, width, height.
 *
 * <p>CIoU = IoU − d²/c² − α·v, where d is the distance between the centres, c the diagonal of the
 * smallest box enclosing both, v = 4/π²·(atan(w₂/h₂) − atan(w₁/h₁))² measures the aspect-ratio
 * mismatch and α = v / (v − IoU + 1 + ε) is treated as a constant (no gradient flows through it).
 * A small ε = 1e-7 guards the union and the enclosing diagonal, as YOLOv5 does, so results match it.
 */
public final class BoxIou {
    static final float EPS = 1e-7f;
    private static final double FOUR_OVER_PI_SQUARED = 4 / (Math.PI * Math.PI);

    private BoxIou() {
    }

    /**
     * @param pred (n, 4) xywh, typically with gradient
     * @param target (n, 4) xywh
     * @return (n) CIoU of each pair
     */
    public static NDArray ciou(NDArray pred, NDArray target) {
        Sides a = Sides.of(pred);
        Sides b = Sides.of(target);
        NDArray inter = overlap(a.x1, a.x2, b.x1, b.x2).mul(overlap(a.y1, a.y2, b.y1, b.y2));
        NDArray union = a.w.mul(a.h).add(b.w.mul(b.h)).sub(inter).add(EPS);
        NDArray iou = inter.div(union);

        NDArray cw = NDArrays.maximum(a.x2, b.x2).sub(NDArrays.minimum(a.x1, b.x1));
        NDArray ch = NDArrays.maximum(a.y2, b.y2).sub(NDArrays.minimum(a.y1, b.y1));
        NDArray c2 = cw.square().add(ch.square()).add(EPS);
        NDArray dx = b.x1.add(b.x2).sub(a.x1).sub(a.x2);
        NDArray dy = b.y1.add(b.y2).sub(a.y1).sub(a.y2);
        NDArray rho2 = dx.square().add(dy.square()).div(4);
        NDArray v = b.w.div(b.h).atan().sub(a.w.div(a.h).atan()).square().mul(FOUR_OVER_PI_SQUARED);
        NDArray alpha = v.div(v.sub(iou).add(1 + EPS)).stopGradient();
        return iou.sub(rho2.div(c2).add(v.mul(alpha)));
    }

    /** Plain IoU of paired xywh boxes, (n). */
    public static NDArray iou(NDArray pred, NDArray target) {
        Sides a = Sides.of(pred);
        Sides b = Sides.of(target);
        NDArray inter = overlap(a.x1, a.x2, b.x1, b.x2).mul(overlap(a.y1, a.y2, b.y1, b.y2));
        return inter.div(a.w.mul(a.h).add(b.w.mul(b.h)).sub(inter).add(EPS));
    }

    private static NDArray overlap(NDArray lo1, NDArray hi1, NDArray lo2, NDArray hi2) {
        return NDArrays.minimum(hi1, hi2).sub(NDArrays.maximum(lo1, lo2)).clip(0f, Float.POSITIVE_INFINITY);
    }

    /** Edges and sizes of xywh boxes, each (n). */
    private record Sides(NDArray x1, NDArray x2, NDArray y1, NDArray y2, NDArray w, NDArray h) {
        static Sides of(NDArray xywh) {
            NDArray x = xywh.get(new NDIndex(":, 0"));
            NDArray y = xywh.get(new NDIndex(":, 1"));
            NDArray w = xywh.get(new NDIndex(":, 2"));
            NDArray h = xywh.get(new NDIndex(":, 3"));
            NDArray hw = w.div(2);
            NDArray hh = h.div(2);
            return new Sides(x.sub(hw), x.add(hw), y.sub(hh), y.add(hh), w, h);
        }
    }
}
