package dev.yolotrain.engine.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Assigns ground-truth boxes to the anchors and cells of one detection level, the YOLOv5 way.
 *
 * <ol>
 *   <li>Every target is paired with every anchor of the level; a pair is kept when the larger of
 *       w/aw, aw/w, h/ah, ah/h is below {@code anchor_t}.</li>
 *   <li>Each kept pair is placed in the cell holding its centre and, in addition, in the
 *       neighbouring cell across the nearer vertical edge and the one across the nearer horizontal
 *       edge (a centre offset of ±0.5 cell). A neighbour is only used when the centre's fractional
 *       part is strictly below 0.5 on that side and the centre lies more than one cell from the
 *       image border on that side; so a centre exactly halfway in a cell gets no neighbour in x,
 *       and a centre exactly on a cell edge gets both.</li>
 *   <li>Cell indices are clamped to the grid, and the box target is the centre minus the clamped
 *       cell corner (so it lies in (−0.5, 1.5) for ordinary cases), with w and h in grid units.</li>
 * </ol>
 *
 * All work is done with array ops on the device of {@code targets}; only shapes reach the host.
 */
public final class TargetBuilder {
    /** Columns of the working rows: image, class, x, y, w, h, anchor index, anchor w, anchor h. */
    private static final int COLS = 9;
    private static final float HALF = 0.5f;
    private static final float[] OFFSETS = {0, 0, HALF, 0, 0, HALF, -HALF, 0, 0, -HALF};
    private static final NDIndex XY = new NDIndex(":, 2:4");
    private static final NDIndex WH = new NDIndex(":, 4:6");
    private static final NDIndex ANCHOR_WH = new NDIndex(":, 7:9");
    private static final NDIndex TARGET_WH = new NDIndex("..., 4:6");

    private final float anchorT;

    public TargetBuilder(double anchorT) {
        if (!(anchorT > 1)) {
            throw new IllegalArgumentException("anchor_t must be > 1, got " + anchorT);
        }
        this.anchorT = (float) anchorT;
    }

    /**
     * @param targets (nt, 6) float rows of image index, class, x, y, w, h with x..h normalised to [0, 1]
     * @param anchors (na, 2) this level's anchor w, h in grid units, on the same device
     * @param ny grid rows of this level
     * @param nx grid columns of this level
     */
    public LevelTargets build(NDArray targets, NDArray anchors, long ny, long nx) {
        NDManager m = targets.getManager();
        long nt = targets.getShape().get(0);
        long na = anchors.getShape().get(0);
        if (nt == 0 || na == 0) {
            return LevelTargets.empty(m);
        }
        NDArray t = targets.mul(m.create(new float[] {1, 1, nx, ny, nx, ny}));

        // (na, nt, COLS): every target with every anchor, anchor-major.
        NDArray perAnchor = t.expandDims(0).broadcast(na, nt, 6);
        NDArray anchorIdx = m.arange(0f, (float) na).reshape(na, 1, 1).broadcast(na, nt, 1);
        NDArray anchorWh = anchors.reshape(na, 1, 2).broadcast(na, nt, 2);
        NDArray rows = NDArrays.concat(new NDList(perAnchor, anchorIdx, anchorWh), 2);

        NDArray ratio = perAnchor.get(TARGET_WH).div(anchorWh);
        NDArray worst = ratio.maximum(m.create(1f).div(ratio)).max(new int[] {2});
        NDArray kept = rows.get(new NDIndex().addBooleanIndex(worst.lt(anchorT)));
        long nk = kept.getShape().get(0);
        if (nk == 0) {
            return LevelTargets.empty(m);
        }

        // Neighbour cells: (5, nk) mask of own cell, left, up, right, down.
        NDArray gxy = kept.get(XY);
        NDArray gxi = m.create(new float[] {nx, ny}).sub(gxy);
        NDArray nearLow = gxy.mod(1).lt(HALF).logicalAnd(gxy.gt(1));
        NDArray nearHigh = gxi.mod(1).lt(HALF).logicalAnd(gxi.gt(1));
        NDArray use = NDArrays.stack(new NDList(m.ones(new Shape(nk), DataType.BOOLEAN),
                nearLow.get(":, 0"), nearLow.get(":, 1"), nearHigh.get(":, 0"), nearHigh.get(":, 1")), 0);
        NDIndex pick = new NDIndex().addBooleanIndex(use);
        NDArray placed = kept.expandDims(0).broadcast(5, nk, COLS).get(pick);
        NDArray offsets = m.create(OFFSETS).reshape(5, 1, 2).broadcast(5, nk, 2).get(pick);

        NDArray xy = placed.get(XY);
        NDArray cell = xy.sub(offsets).toType(DataType.INT64, false);
        NDArray gx = cell.get(":, 0").clip(0, nx - 1);
        NDArray gy = cell.get(":, 1").clip(0, ny - 1);
        NDArray corner = gx.stack(gy, 1).toType(targets.getDataType(), false);
        NDArray box = xy.sub(corner).concat(placed.get(WH), 1);
        return new LevelTargets(
                column(placed, 0), column(placed, 6), gy, gx, box, placed.get(ANCHOR_WH), column(placed, 1));
    }

    private static NDArray column(NDArray rows, int c) {
        return rows.get(new NDIndex(":, {}", c)).toType(DataType.INT64, false);
    }
}
