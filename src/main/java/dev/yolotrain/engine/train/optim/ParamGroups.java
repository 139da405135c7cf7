package dev.yolotrain.engine.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import dev.yolotrain.engine.model.ParamDef;
import dev.yolotrain.engine.model.ParamKind;
import dev.yolotrain.engine.model.YoloNet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * YOLOv5 v7's three optimizer parameter groups, in its param_groups order: 0 = every bias (conv and
 * BatchNorm, no decay), 1 = conv weights (decay), 2 = BatchNorm weights (no decay). Within a group
 * names keep state_dict order, as YOLOv5's walk over {@code model.modules()} does. Buffers never
 * appear; frozen parameters are left out of the groups (YOLOv5 keeps them in but, without a
 * gradient, never updates them).
 */
public final class ParamGroups {
    public static final int BIAS = 0;
    public static final int DECAY = 1;
    public static final int BN_WEIGHT = 2;
    public static final int COUNT = 3;

    private final List<List<String>> groups;
    private final List<String> frozen;

    private ParamGroups(List<List<String>> groups, List<String> frozen) {
        this.groups = groups;
        this.frozen = frozen;
    }

    /** Groups of a model; {@code freeze} holds substrings such as {@code model.0.} (see {@link #freezePrefixes}). */
    public static ParamGroups of(YoloNet net, Collection<String> freeze) {
        LinkedHashMap<String, ParamKind> kinds = new LinkedHashMap<>();
        for (ParamDef d : net.graph().registry().defs().values()) {
            kinds.put(d.name(), d.kind());
        }
        return of(kinds, freeze);
    }

    /** Groups from entry kinds in state_dict order. */
    public static ParamGroups of(Map<String, ParamKind> kindsInOrder, Collection<String> freeze) {
        List<List<String>> g = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<String> frozen = new ArrayList<>();
        for (Map.Entry<String, ParamKind> e : kindsInOrder.entrySet()) {
            ParamKind kind = e.getValue();
            if (!kind.trainable()) {
                continue;
            }
            String name = e.getKey();
            // YOLOv5: any(x in k for x in freeze), a substring test
            if (freeze.stream().anyMatch(name::contains)) {
                frozen.add(name);
                continue;
            }
            g.get(groupOf(kind)).add(name);
        }
        return new ParamGroups(g.stream().map(Collections::unmodifiableList).toList(), Collections.unmodifiableList(frozen));
    }

    /** The group of a trainable kind. */
    public static int groupOf(ParamKind kind) {
        return switch (kind) {
            case CONV_BIAS, BN_BIAS -> BIAS;
            case CONV_WEIGHT -> DECAY;
            case BN_WEIGHT -> BN_WEIGHT;
            default -> throw new IllegalArgumentException(kind + " is not trained");
        };
    }

    /**
     * YOLOv5's {@code --freeze}: one value N freezes layers 0 … N-1 (0 freezes nothing), several values
     * freeze exactly those layers. Returns prefixes {@code model.i.}.
     */
    public static List<String> freezePrefixes(List<Integer> freeze) {
        List<String> out = new ArrayList<>();
        if (freeze.size() == 1) {
            for (int i = 0; i < freeze.get(0); i++) {
                out.add("model." + i + ".");
            }
        } else {
            for (int i : freeze) {
                out.add("model." + i + ".");
            }
        }
        return out;
    }

    /** Names in group {@code g} (0 … 2) that are updated. */
    public List<String> group(int g) {
        Objects.checkIndex(g, COUNT);
        return groups.get(g);
    }

    /** Trainable parameters excluded from updates. */
    public List<String> frozen() {
        return frozen;
    }

    /** Number of updated parameters over all groups. */
    public int size() {
        return groups.stream().mapToInt(List::size).sum();
    }

    /**
     * Turns off gradients of the frozen parameters' arrays (YOLOv5's {@code requires_grad = False}), so
     * backward neither computes nor accumulates them. Call after the model is initialized.
     */
    public void disableFrozenGradients(Map<String, Parameter> params) {
        for (String name : frozen) {
            NDArray a = params.get(name).getArray();
            if (a.hasGradient()) {
                a.setRequiresGradient(false);
            }
        }
    }
}
