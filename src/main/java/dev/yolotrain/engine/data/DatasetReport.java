package dev.yolotrain.engine.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The scan of every split of a data.yaml. */
public record DatasetReport(DataConfig config, Map<String, SplitReport> splits) {

    public DatasetReport {
        splits = Collections.unmodifiableMap(new LinkedHashMap<>(splits));
    }

    public SplitReport split(String name) {
        return splits.get(name);
    }

    /** Every fatal problem of every split, split order. */
    public List<Problem> fatal() {
        List<Problem> all = new ArrayList<>();
        splits.values().forEach(s -> all.addAll(s.fatal()));
        return all;
    }

    public boolean hasFatal() {
        return splits.values().stream().anyMatch(SplitReport::hasFatal);
    }

    /** Throws {@link DatasetException} with the first fatal problem (and how many more) when there is any. */
    public DatasetReport requireUsable() {
        List<Problem> f = fatal();
        if (!f.isEmpty()) {
            String more = f.size() > 1 ? " (and " + (f.size() - 1) + " more fatal problems)" : "";
            throw new DatasetException(f.get(0) + more);
        }
        return this;
    }
}
