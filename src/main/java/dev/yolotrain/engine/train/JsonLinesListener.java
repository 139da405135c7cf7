package dev.yolotrain.engine.train;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** {@code --events jsonl}: one JSON object per line on stdout, for the worker supervisor. */
public final class JsonLinesListener implements TrainListener {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private final PrintStream out;

    public JsonLinesListener(PrintStream out) {
        this.out = out;
    }

    private synchronized void emit(String type, Map<String, Object> body) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("time", System.currentTimeMillis() / 1000.0);
        m.putAll(body);
        out.println(JSON.writeValueAsString(m));
        out.flush();
    }

    @Override
    public void onStatus(String status, String detail) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status);
        m.put("detail", detail);
        emit("status", m);
    }

    @Override
    public void onLog(String message) {
        emit("log", Map.of("message", message));
    }

    @Override
    public void onProgress(Progress p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epoch", p.epoch());
        m.put("epochs", p.epochs());
        m.put("batch", p.batch());
        m.put("batches", p.batches());
        m.put("box_loss", p.loss()[0]);
        m.put("obj_loss", p.loss()[1]);
        m.put("cls_loss", p.loss()[2]);
        m.put("instances", p.instances());
        m.put("img_size", p.imgSize());
        m.put("images_per_second", p.imagesPerSecond());
        emit("progress", m);
    }

    @Override
    public void onEpochEnd(EpochResult r) {
        emit("epoch_end", r.asMap());
    }

    @Override
    public void onEpochRecovered(EpochResult r) {
        emit("epoch_recovered", r.asMap());
    }
}
