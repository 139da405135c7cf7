package dev.yolotrain.engine.loss;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/**
 * The YOLOv5 training loss over the raw maps of every detection level.
 *
 * <p>Per level i, with the targets assigned by {@link TargetBuilder}:
 * <ul>
 *   <li>box: the prediction at each assigned cell is decoded as xy = 2σ − 0.5 (relative to the
 *       cell) and wh = (2σ)²·anchor; loss = mean(1 − CIoU) against the box target;</li>
 *   <li>objectness: the target map is 0 except at assigned cells, which get the detached CIoU
 *       clamped at 0; loss = BCE over the whole map, weighted by the level balance (4.0, 1.0, 0.4
 *       for three levels);</li>
 *   <li>class (only when nc > 1): BCE of the class logits at assigned cells against one-hot
 *       targets smoothed to 1 − ε/2 and ε/2.</li>
 * </ul>
 * BCE uses the hyp positive weights and becomes focal loss when {@code fl_gamma > 0}. The three sums
 * are multiplied by their (already scaled, see {@link LossHyp#scaled}) gains; the result is their
 * sum times the batch size.
 *
 * <p>When several assigned rows hit the same cell of the objectness map, the value is written with
 * one LibTorch {@code index_put_} (non-accumulating), exactly the operation YOLOv5 uses, so the
 * winner is whatever LibTorch picks on that device: on CPU the last row in assignment order (rows
 * are not sorted by IoU first, as in YOLOv5 with its default {@code sort_obj_iou = False}); on CUDA
 * the winner among duplicates is unspecified, as it is for YOLOv5.
 *
 * <p>Everything runs as array ops on the predictions' device; only shapes are read on the host.
 * Intermediate arrays are attached to the managers of the predictions and targets: call this inside
 * a per-step sub-manager. Gradients flow to the predictions (not to anchors or targets).
 */
public final class YoloLoss {
    private static final double[] BALANCE_3 = {4.0, 1.0, 0.4};
    private static final double[] BALANCE_N = {4.0, 1.0, 0.25, 0.06, 0.02};
    private static final NDIndex XY = new NDIndex(":, 0:2");
    private static final NDIndex WH = new NDIndex(":, 2:4");
    private static final NDIndex CLS = new NDIndex(":, 5:");
    private static final NDIndex OBJ = new NDIndex("..., 4");

    private final LossHyp hyp;
    private final int nc;
    private final NDArray anchors;
    private final double[] balance;
    private final TargetBuilder targetBuilder;
    private final LogitLoss clsLoss;
    private final LogitLoss objLoss;
    private final float clsPositive;
    private final float clsNegative;

    /**
     * @param scaledHyp loss settings with the gains already scaled ({@link LossHyp#scaled})
     * @param nc number of classes
     * @param anchors (nl, na, 2) anchors in grid units of each level (the model's
     *     {@code model.24.anchors}); kept by reference, so it must stay open while this loss is used
     */
    public YoloLoss(LossHyp scaledHyp, int nc, NDArray anchors) {
        Shape s = anchors.getShape();
        if (s.dimension() != 3 || s.get(2) != 2) {
            throw new IllegalArgumentException("anchors must be (nl, na, 2), got " + s);
        }
        if (nc < 1) {
            throw new IllegalArgumentException("nc must be >= 1, got " + nc);
        }
        int nl = (int) s.get(0);
        if (nl > BALANCE_N.length) {
            throw new IllegalArgumentException("at most " + BALANCE_N.length + " detection levels are supported, got " + nl);
        }
        this.hyp = scaledHyp;
        this.nc = nc;
        this.anchors = anchors;
        this.balance = nl == 3 ? BALANCE_3 : Arrays.copyOf(BALANCE_N, nl);
        this.targetBuilder = new TargetBuilder(scaledHyp.anchorT());
        this.clsLoss = LogitLoss.of(scaledHyp.clsPw(), scaledHyp.flGamma());
        this.objLoss = LogitLoss.of(scaledHyp.objPw(), scaledHyp.flGamma());
        this.clsPositive = (float) (1.0 - 0.5 * scaledHyp.labelSmoothing());
        this.clsNegative = (float) (0.5 * scaledHyp.labelSmoothing());
    }

    /**
     * Builds the loss as YOLOv5's training does: the raw hyp values are scaled for the number of
     * levels (taken from {@code anchors}), classes and the training image size.
     */
    public static YoloLoss forTraining(LossHyp rawHyp, int nc, int imgsz, NDArray anchors) {
        return new YoloLoss(rawHyp.scaled((int) anchors.getShape().get(0), nc, imgsz), nc, anchors);
    }

    /**
     * @param predictions one raw map per level, (bs, na, ny, nx, 5 + nc), before any sigmoid
     * @param targets (nt, 6) rows of image index, class, x, y, w, h (normalised); moved to the
     *     predictions' device if needed
     */
    public LossResult compute(NDList predictions, NDArray targets) {
        if (predictions.size() != balance.length) {
            throw new IllegalArgumentException("expected " + balance.length + " prediction maps, got " + predictions.size());
        }
        NDArray first = predictions.get(0);
        Device device = first.getDevice();
        NDManager manager = first.getManager();
        // Assignment stays in the targets' and anchors' precision (float32), whatever the maps' dtype.
        NDArray t = targets.toDevice(device, false);
        // A copy owned by this step's manager: views of the model's own anchors would otherwise
        // attach to the parameters' manager and pile up, one set per step.
        NDArray anchorCopy = anchors.toDevice(device, true);
        anchorCopy.attach(manager);
        NDArray levelAnchors = anchorCopy.stopGradient();
        long bs = first.getShape().get(0);

        NDArray lbox = manager.zeros(new Shape(1), first.getDataType());
        NDArray lobj = lbox;
        NDArray lcls = lbox;
        for (int i = 0; i < predictions.size(); i++) {
            NDArray p = predictions.get(i);
            Shape s = checkShape(p, bs, levelAnchors.getShape().get(1));
            LevelTargets lt = targetBuilder.build(t, levelAnchors.get(i), s.get(2), s.get(3));
            NDArray tobj = manager.zeros(new Shape(s.get(0), s.get(1), s.get(2), s.get(3)), p.getDataType());
            if (!lt.isEmpty()) {
                NDIndex cells = new NDIndex("{}, {}, {}, {}", lt.image(), lt.anchor(), lt.gridY(), lt.gridX());
                NDArray ps = p.get(cells);
                NDArray iou = BoxIou.ciou(decodeBox(ps, lt.anchorWh()), lt.box());
                lbox = lbox.add(iou.neg().add(1).mean());
                tobj.set(cells, iou.stopGradient().clip(0f, Float.POSITIVE_INFINITY));
                if (nc > 1) {
                    lcls = lcls.add(clsLoss.mean(ps.get(CLS), classTargets(lt.cls())));
                }
            }
            lobj = lobj.add(objLoss.mean(p.get(OBJ), tobj).mul(balance[i]));
        }
        lbox = lbox.mul(hyp.box());
        lobj = lobj.mul(hyp.obj());
        lcls = lcls.mul(hyp.cls());
        NDArray total = lbox.add(lobj).add(lcls).mul(bs);
        NDArray components = NDArrays.concat(new NDList(lbox, lobj, lcls)).stopGradient();
        return new LossResult(total, components);
    }

    /** xy = 2σ − 0.5 within the cell, wh = (2σ)²·anchor: (n, 4) xywh in grid units. */
    private static NDArray decodeBox(NDArray ps, NDArray anchorWh) {
        NDArray xy = ps.get(XY).getNDArrayInternal().sigmoid().mul(2).sub(0.5);
        NDArray wh = ps.get(WH).getNDArrayInternal().sigmoid().mul(2).square().mul(anchorWh);
        return xy.concat(wh, 1);
    }

    /** One-hot class targets with label smoothing: exactly cp at the class, cn elsewhere. */
    private NDArray classTargets(NDArray cls) {
        NDArray hot = cls.oneHot(nc);
        return hot.mul(clsPositive).add(hot.neg().add(1).mul(clsNegative));
    }

    private Shape checkShape(NDArray p, long bs, long na) {
        Shape s = p.getShape();
        if (s.dimension() != 5 || s.get(0) != bs || s.get(1) != na || s.get(4) != 5 + nc) {
            throw new IllegalArgumentException(
                    "prediction map must be (" + bs + ", " + na + ", ny, nx, " + (5 + nc) + "), got " + s);
        }
        return s;
    }

    public LossHyp hyp() {
        return hyp;
    }

    public int numClasses() {
        return nc;
    }
}
