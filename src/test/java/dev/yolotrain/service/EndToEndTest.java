package dev.yolotrain.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yolotrain.service.dataset.DemoDataset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The whole path on real PostgreSQL and the real engine: upload a generated dataset, train yolov5n for 2
 * epochs at 160 px on CPU in a child JVM, read both epochs' P/R/mAP from the job record, the metrics and
 * the SSE stream, download results.csv and best.
 */
@DirtiesContext
@SpringBootTest(classes = dev.yolotrain.service.ServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EndToEndTest {
    static final Path STORAGE = TestDb.tempStorage("e2e");

    @org.junit.jupiter.api.AfterAll
    static void removeStorage() {
        TestDb.deleteStorage(STORAGE);
    }

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        TestDb.register(r, "yt_e2e", STORAGE, "api,worker", "w-e2e");
    }

    @LocalServerPort
    int port;

    @Test
    void uploadTrainWatchDownload() throws Exception {
        Api api = new Api(port, TestDb.ADMIN_KEY);
        Api.Res up = api.postMultipart("/api/v1/datasets", Map.of("file", DemoDataset.zip(16, 8, 160, 7), "name", "shapes"));
        assertThat(up.status()).as(up.toString()).isEqualTo(201);
        String datasetId = up.json().get("id").asString();

        Api.Res sub = api.postJson("/api/v1/jobs", Map.of("datasetId", datasetId, "model", "yolov5n", "epochs", 2,
                "batchSize", 8, "imgSize", 160, "workers", 1, "hyp", Map.of("mosaic", 1.0, "lr0", 0.01)));
        assertThat(sub.status()).as(sub.toString()).isEqualTo(201);
        String id = sub.json().get("id").asString();
        var stream = Sse.collect(api, "/api/v1/jobs/" + id + "/events");

        List<Sse.Event> events = stream.get(300, TimeUnit.SECONDS);
        JsonNode job = api.get("/api/v1/jobs/" + id).json();
        assertThat(job.get("status").asString()).as(api.get("/api/v1/jobs/" + id + "/logs").text()).isEqualTo("SUCCEEDED");
        assertThat(job.get("epochProgress").asString()).isEqualTo("2/2");
        assertThat(job.get("attempt").asInt()).isEqualTo(1);
        assertThat(job.get("bestFitness").isNumber()).isTrue();
        assertThat(job.get("latestMetrics").get("epoch").asInt()).isEqualTo(1);
        assertThat(job.get("startedAt").isNull()).isFalse();
        assertThat(job.get("finishedAt").isNull()).isFalse();

        JsonNode metrics = api.get("/api/v1/jobs/" + id + "/metrics").json().get("epochs");
        assertThat(metrics.size()).isEqualTo(2);
        Map<Integer, JsonNode> sse = new TreeMap<>();
        events.stream().filter(e -> "epoch".equals(e.name())).forEach(e -> sse.put(e.data().get("epoch").asInt(), e.data()));
        assertThat(sse.keySet()).containsExactly(0, 1);
        for (int epoch = 0; epoch < 2; epoch++) {
            JsonNode rec = metrics.get(epoch);
            assertThat(rec.get("epoch").asInt()).isEqualTo(epoch);
            for (String[] k : new String[][] {{"precision", "metrics/precision"}, {"recall", "metrics/recall"},
                {"mAP50", "metrics/mAP_0.5"}, {"mAP50_95", "metrics/mAP_0.5:0.95"}}) {
                assertThat(rec.get(k[0]).isNumber()).as(k[0]).isTrue();
                double v = rec.get(k[0]).asDouble();
                assertThat(v).isBetween(0.0, 1.0);
                assertThat(sse.get(epoch).get(k[1]).asDouble()).as("SSE " + k[1]).isEqualTo(v);
            }
            assertThat(rec.get("epochSeconds").asDouble()).isPositive();
            assertThat(rec.get("imagesPerSecond").asDouble()).isPositive();
        }
        assertThat(events.get(events.size() - 1).name()).isEqualTo("status");
        assertThat(events.get(events.size() - 1).data().get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(events.stream().anyMatch(e -> "progress".equals(e.name()))).isTrue();

        Api.Res csv = api.get("/api/v1/jobs/" + id + "/artifacts/results.csv");
        assertThat(csv.status()).isEqualTo(200);
        List<String> lines = csv.text().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("metrics/mAP_0.5:0.95").startsWith("               epoch,");
        assertThat(api.get("/api/v1/jobs/" + id + "/metrics?format=csv").text()).isEqualTo(csv.text());

        Api.Res best = api.get("/api/v1/jobs/" + id + "/artifacts/best");
        assertThat(best.status()).isEqualTo(200);
        assertThat(best.body().length).isGreaterThan(1_000_000);
        long headerLen = java.nio.ByteBuffer.wrap(best.body(), 0, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
        assertThat(new String(best.body(), 8, (int) headerLen, StandardCharsets.UTF_8)).contains("model.24.");
        assertThat(api.get("/api/v1/jobs/" + id + "/artifacts").text()).contains("\"best\"", "\"last\"", "\"results.csv\"");
        assertThat(api.get("/api/v1/jobs/" + id + "/logs").text()).contains("epoch 1: P ", "exited with code 0");

        // the best checkpoint, uploaded as weights, is a state dict the engine reads
        Api.Res w = api.postMultipart("/api/v1/weights", Map.of("file", best.body(), "name", "best"));
        assertThat(w.status()).as(w.toString()).isEqualTo(201);
        assertThat(w.json().get("tensors").asInt()).isGreaterThan(100);
        Api.Res bad = api.postMultipart("/api/v1/weights", Map.of("file", "nope".getBytes()));
        assertThat(bad.status()).isEqualTo(400);
        // a YOLOv5 .pt as train.py saves it (tools/make_pt_reference.py) is accepted as it is
        Api.Res pt = api.postMultipart("/api/v1/weights", Map.of("file",
                java.nio.file.Files.readAllBytes(java.nio.file.Path.of("src/test/resources/pt/tiny_ckpt.pt")), "name", "tiny.pt"));
        assertThat(pt.status()).as(pt.toString()).isEqualTo(201);
        assertThat(pt.json().get("format").asString()).isEqualTo("pt");
        assertThat(pt.json().get("tensors").asInt()).isEqualTo(349);
        // a job that starts from the uploaded weights
        Api.Res fromWeights = api.postJson("/api/v1/jobs", Map.of("datasetId", datasetId, "epochs", 1, "batchSize", 8,
                "imgSize", 64, "workers", 1, "weights", w.json().get("ref").asString()));
        assertThat(fromWeights.status()).as(fromWeights.toString()).isEqualTo(201);
        String second = fromWeights.json().get("id").asString();
        JsonNode done = WorkerKillTest.waitFor(api, second, j -> j.get("status").asString().matches("SUCCEEDED|FAILED"), 180_000);
        String log = api.get("/api/v1/jobs/" + second + "/logs").text();
        assertThat(done.get("status").asString()).as(log).isEqualTo("SUCCEEDED");
        assertThat(log).contains("--weights", "Transferred");

        assertThat(api.as(null).get("/actuator/prometheus").text()).contains("yolotrain_jobs{state=\"SUCCEEDED\"}",
                "yolotrain_epoch_seconds_count", "yolotrain_images_per_second");
    }
}
