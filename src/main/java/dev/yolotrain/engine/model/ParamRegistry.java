package dev.yolotrain.engine.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects the state-dict entries while a model is built, in YOLOv5's state_dict order. */
public final class ParamRegistry {

    /** A state_dict key that exists only as a counter (BatchNorm's num_batches_tracked). */
    public static final String BATCHES_TRACKED = "num_batches_tracked";

    private final Map<String, ParamDef> defs = new LinkedHashMap<>();
    private final List<String> stateKeys = new ArrayList<>();

    public void add(ParamDef def) {
        if (defs.putIfAbsent(def.name(), def) != null) {
            throw new IllegalStateException("duplicate parameter " + def.name());
        }
        stateKeys.add(def.name());
    }

    /** Registers a BatchNorm's counter key, so state_dict key lists and counts match YOLOv5's. */
    public void addCounter(String name) {
        stateKeys.add(name);
    }

    public Map<String, ParamDef> defs() {
        return Collections.unmodifiableMap(defs);
    }

    /** All YOLOv5 state_dict keys in order, counters included. */
    public List<String> stateKeys() {
        return Collections.unmodifiableList(stateKeys);
    }
}
