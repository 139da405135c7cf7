package dev.yolotrain.engine.model;

/** Propagates spatial sizes through a graph without running it: strides and FLOPs come from here. */
final class ShapePass {
    private ShapePass() {}

    /** Output size of every layer but Detect, for one input size. */
    static Size2[] sizes(ModelGraph g, Size2 image) {
        Size2[] out = new Size2[g.layers().size()];
        for (Layer l : g.layers()) {
            if (l.module() != null) {
                out[l.index()] = l.module().outSize(inputs(l, out, image));
            }
        }
        return out;
    }

    static long macs(ModelGraph g, Size2 image) {
        Size2[] out = new Size2[g.layers().size()];
        long total = 0;
        for (Layer l : g.layers()) {
            Size2[] in = inputs(l, out, image);
            if (l.module() != null) {
                total += l.module().macs(in);
                out[l.index()] = l.module().outSize(in);
            } else {
                total += g.detect().macs(in);
            }
        }
        return total;
    }

    static Size2[] inputs(Layer l, Size2[] out, Size2 image) {
        Size2[] in = new Size2[l.inputs().length];
        for (int k = 0; k < in.length; k++) {
            int j = l.inputs()[k];
            in[k] = j < 0 ? image : out[j];
        }
        return in;
    }
}
