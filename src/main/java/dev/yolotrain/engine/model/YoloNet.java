package dev.yolotrain.engine.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A YOLOv5 model as one DJL block. Its parameters carry YOLOv5's state_dict names
 * ({@code model.0.conv.weight} …), so checkpoints, optimizer state and imports all key by name.
 * Training forward returns the raw maps of every level; inference returns the decoded predictions
 * followed by the raw maps.
 */
public final class YoloNet extends AbstractBlock {
    private static final byte VERSION = 1;
    private final ModelGraph graph;
    private final Map<String, Parameter> byName = new LinkedHashMap<>();
    private final Map<String, Long> batchesTracked = new LinkedHashMap<>();

    public YoloNet(ModelGraph graph) {
        super(VERSION);
        this.graph = graph;
        for (ParamDef d : graph.registry().defs().values()) {
            Parameter p = Parameter.builder()
                    .setName(d.name())
                    .setType(typeOf(d.kind()))
                    .optShape(new Shape(d.shape()))
                    .optInitializer(new ParamInitializer(d))
                    .optRequiresGrad(d.kind().trainable())
                    .build();
            addParameter(p);
            byName.put(d.name(), p);
        }
        for (String key : graph.registry().stateKeys()) {
            if (key.endsWith(ParamRegistry.BATCHES_TRACKED)) {
                batchesTracked.put(key, 0L);
            }
        }
    }

    private static Parameter.Type typeOf(ParamKind k) {
        switch (k) {
            case CONV_WEIGHT:
                return Parameter.Type.WEIGHT;
            case CONV_BIAS:
                return Parameter.Type.BIAS;
            case BN_WEIGHT:
                return Parameter.Type.GAMMA;
            case BN_BIAS:
                return Parameter.Type.BETA;
            case BN_MEAN:
                return Parameter.Type.RUNNING_MEAN;
            case BN_VAR:
                return Parameter.Type.RUNNING_VAR;
            default:
                return Parameter.Type.OTHER;
        }
    }

    public ModelGraph graph() {
        return graph;
    }

    /** Parameters and buffers by YOLOv5 state_dict name, in state_dict order. */
    public Map<String, Parameter> namedParameters() {
        return java.util.Collections.unmodifiableMap(byName);
    }

    /** The Detect anchors, (nl, na, 2) in grid units of each level (YOLOv5's {@code model.N.anchors}). */
    public Parameter anchors() {
        return byName.get(graph.detect().anchorsKey());
    }

    /** BatchNorm num_batches_tracked counters (kept so state dicts match YOLOv5's key for key). */
    public Map<String, Long> batchesTracked() {
        return batchesTracked;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Ctx ctx = new Ctx(ps, x.getDevice(), training);
        NDArray[] outputs = new NDArray[graph.layers().size()];
        for (Layer l : graph.layers()) {
            NDArray[] in = new NDArray[l.inputs().length];
            for (int k = 0; k < in.length; k++) {
                int j = l.inputs()[k];
                in[k] = j < 0 ? x : outputs[j];
            }
            if (l.module() == null) {
                return graph.detect().forward(ctx, in);
            }
            outputs[l.index()] = l.module().forward(ctx, in);
        }
        throw new IllegalStateException("model has no Detect layer");
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        long bs = in.get(0);
        Size2[] sizes = ShapePass.sizes(graph, new Size2(in.get(2), in.get(3)));
        Layer detect = graph.layers().get(graph.layers().size() - 1);
        int na = graph.detect().numAnchors();
        int no = graph.detect().numOutputs();
        Shape[] out = new Shape[detect.inputs().length];
        for (int k = 0; k < out.length; k++) {
            Size2 s = sizes[detect.inputs()[k]];
            out[k] = new Shape(bs, na, s.h(), s.w(), no);
        }
        return out;
    }

    private final class Ctx implements ForwardContext {
        private final ParameterStore ps;
        private final Device device;
        private final boolean training;

        Ctx(ParameterStore ps, Device device, boolean training) {
            this.ps = ps;
            this.device = device;
            this.training = training;
        }

        @Override
        public NDArray get(String name) {
            Parameter p = byName.get(name);
            if (p == null) {
                throw new IllegalStateException("no parameter " + name);
            }
            return ps.getValue(p, device, training);
        }

        @Override
        public boolean training() {
            return training;
        }

        @Override
        public void countBatch(String bnPrefix) {
            batchesTracked.merge(bnPrefix + ParamRegistry.BATCHES_TRACKED, 1L, Long::sum);
        }
    }
}
