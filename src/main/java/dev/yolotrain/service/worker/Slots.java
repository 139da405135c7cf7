package dev.yolotrain.service.worker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Worker slots: one per GPU (configured as "0,1", or detected with nvidia-smi), else the CPU slots. */
final class Slots {
    /** A slot: its name and the CUDA index it owns (null: CPU). */
    record Slot(String name, String gpu) {}

    private Slots() {}

    static List<Slot> of(String gpus, int cpuSlots) {
        List<String> ids = new ArrayList<>();
        if (gpus == null || gpus.isBlank()) {
            ids.addAll(detect());
        } else if (!gpus.strip().equalsIgnoreCase("none")) {
            for (String g : gpus.split(",")) {
                if (!g.isBlank()) {
                    ids.add(g.strip());
                }
            }
        }
        List<Slot> slots = new ArrayList<>();
        for (String g : ids) {
            slots.add(new Slot("gpu" + g, g));
        }
        if (slots.isEmpty()) {
            for (int i = 0; i < Math.max(1, cpuSlots); i++) {
                slots.add(new Slot("cpu" + i, null));
            }
        }
        return slots;
    }

    /** GPU indices that nvidia-smi lists; none when it is missing or fails. */
    static List<String> detect() {
        List<String> ids = new ArrayList<>();
        try {
            Process p = new ProcessBuilder("nvidia-smi", "--query-gpu=index", "--format=csv,noheader").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0) {
                for (String line : out.split("\n")) {
                    if (line.strip().matches("\\d+")) {
                        ids.add(line.strip());
                    }
                }
            }
        } catch (IOException e) {
            // no nvidia-smi: CPU only
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ids;
    }
}
