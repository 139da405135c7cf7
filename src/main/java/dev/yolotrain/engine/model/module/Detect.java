package dev.yolotrain.engine.model.module;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.yolotrain.engine.model.ConvOp;
import dev.yolotrain.engine.model.ForwardContext;
import dev.yolotrain.engine.model.ParamDef;
import dev.yolotrain.engine.model.ParamKind;
import dev.yolotrain.engine.model.ParamRegistry;
import dev.yolotrain.engine.model.Size2;
import java.util.ArrayList;
import java.util.List;

/**
 * The detection head: a 1×1 convolution per level to na·(5+nc) channels. Training returns the
 * raw maps (bs, na, ny, nx, 5+nc); inference also decodes them to pixel xywh, objectness and
 * class scores, (bs, Σ na·ny·nx, 5+nc).
 */
public final class Detect {
    private static final NDIndex XY = new NDIndex("..., 0:2");
    private static final NDIndex WH = new NDIndex("..., 2:4");
    private static final NDIndex REST = new NDIndex("..., 4:");
    private final String anchorsKey;
    private final List<ConvOp> convs = new ArrayList<>();
    private final int nc;
    private final int na;
    private final int no;
    private final double[] strides;

    /**
     * @param anchorsGrid per level, (w, h) pairs already divided by that level's stride
     */
    public Detect(ParamRegistry reg, String prefix, int nc, List<double[]> anchorsGrid, int[] channels, double[] strides) {
        this.nc = nc;
        this.na = anchorsGrid.get(0).length / 2;
        this.no = nc + 5;
        this.strides = strides.clone();
        this.anchorsKey = prefix + "anchors";
        // Registered before the convolutions: YOLOv5's state_dict lists a module's own buffers first.
        reg.add(new ParamDef(anchorsKey, new long[] {anchorsGrid.size(), na, 2}, ParamKind.ANCHORS, 0, flatten(anchorsGrid)));
        for (int i = 0; i < channels.length; i++) {
            convs.add(new ConvOp(reg, prefix + "m." + i + ".", channels[i], na * no, 1, 1, 0, 1, true, biasPrior(strides[i])));
        }
    }

    /**
     * YOLOv5's bias prior: objectness starts near 8 objects per 640² image at this stride, each class
     * near probability 0.6/(nc − 0.99), so early training is not swamped by negatives.
     */
    private float[] biasPrior(double stride) {
        float[] b = new float[na * no];
        double obj = Math.log(8.0 / Math.pow(640.0 / stride, 2));
        double cls = Math.log(0.6 / (nc - 0.99));
        for (int a = 0; a < na; a++) {
            b[a * no + 4] = (float) obj;
            for (int c = 0; c < nc; c++) {
                b[a * no + 5 + c] = (float) cls;
            }
        }
        return b;
    }

    private static float[] flatten(List<double[]> levels) {
        int n = 0;
        for (double[] l : levels) {
            n += l.length;
        }
        float[] out = new float[n];
        int i = 0;
        for (double[] l : levels) {
            for (double v : l) {
                out[i++] = (float) v;
            }
        }
        return out;
    }

    public NDList forward(ForwardContext ctx, NDArray[] inputs) {
        NDList maps = new NDList(inputs.length);
        for (int i = 0; i < inputs.length; i++) {
            NDArray y = convs.get(i).forward(ctx, inputs[i]);
            long[] s = y.getShape().getShape();
            maps.add(y.reshape(s[0], na, no, s[2], s[3]).transpose(0, 1, 3, 4, 2));
        }
        if (ctx.training()) {
            return maps;
        }
        // Copied into the batch's manager so the per-level views do not attach to the parameters' manager.
        NDArray anchors = ctx.get(anchorsKey).toDevice(inputs[0].getDevice(), true);
        anchors.attach(inputs[0].getManager());
        NDList decoded = new NDList(inputs.length);
        for (int i = 0; i < maps.size(); i++) {
            NDArray p = maps.get(i).getNDArrayInternal().sigmoid();
            long[] s = p.getShape().getShape();
            NDArray grid = grid(p, (int) s[2], (int) s[3]);
            NDArray anchorGrid = anchors.get(i).mul(strides[i]).reshape(1, na, 1, 1, 2);
            NDArray xy = p.get(XY).mul(2).add(grid).mul(strides[i]);
            NDArray wh = p.get(WH).mul(2).square().mul(anchorGrid);
            decoded.add(NDArrays.concat(new NDList(xy, wh, p.get(REST)), -1).reshape(s[0], -1, no));
        }
        NDList out = new NDList(NDArrays.concat(decoded, 1));
        out.addAll(maps);
        return out;
    }

    /** Cell offsets minus 0.5, (1, 1, ny, nx, 2) as (x, y): the decoded centre is (2σ + grid)·stride. */
    private static NDArray grid(NDArray like, int ny, int nx) {
        float[] g = new float[ny * nx * 2];
        int k = 0;
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                g[k++] = x - 0.5f;
                g[k++] = y - 0.5f;
            }
        }
        return like.getManager().create(g, new Shape(1, 1, ny, nx, 2));
    }

    public String anchorsKey() {
        return anchorsKey;
    }

    public int numAnchors() {
        return na;
    }

    public int numOutputs() {
        return no;
    }

    public double[] strides() {
        return strides.clone();
    }

    public long macs(Size2[] inputs) {
        long m = 0;
        for (int i = 0; i < inputs.length; i++) {
            m += convs.get(i).macs(inputs[i]);
        }
        return m;
    }
}
