package dev.yolotrain.engine.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The run's epochs.jsonl: each finished epoch's full results, written before its checkpoint. A worker that
 * dies after the checkpoint but before recording the epoch would otherwise lose that epoch's metrics; on
 * resume the epochs the checkpoint covers are read back from here and reported again.
 */
final class EpochLog {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private EpochLog() {}

    static void append(Path file, EpochResult r) {
        try {
            Files.writeString(file, JSON.writeValueAsString(r.asMap()) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * Keeps the epochs before {@code startEpoch} (the last of each, one per epoch, in order), drops the rest,
     * and returns the kept ones. Unreadable lines are dropped: the log only backs up what the worker records.
     */
    static List<EpochResult> truncate(Path file, int startEpoch) {
        if (!Files.exists(file)) {
            return List.of();
        }
        EpochResult[] byEpoch = new EpochResult[Math.max(0, startEpoch)];
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                try {
                    EpochResult r = EpochResult.fromMap(JSON.readValue(line, new TypeReference<Map<String, Object>>() {}));
                    if (r.epoch() >= 0 && r.epoch() < byEpoch.length) {
                        byEpoch[r.epoch()] = r;
                    }
                } catch (JacksonException e) {
                    // a line cut short by a kill: skip it
                }
            }
            List<EpochResult> kept = new ArrayList<>();
            StringBuilder sb = new StringBuilder();
            for (EpochResult r : byEpoch) {
                if (r != null) {
                    kept.add(r);
                    sb.append(JSON.writeValueAsString(r.asMap())).append('\n');
                }
            }
            Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
            return kept;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite " + file, e);
        }
    }
}
