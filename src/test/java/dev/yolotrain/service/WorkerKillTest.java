package dev.yolotrain.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yolotrain.service.dataset.DemoDataset;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A worker JVM is killed with SIGKILL mid-job (its training child dies with it); after the lease expires
 * the reaper re-queues the job, another worker resumes it from last, and it finishes with exactly one
 * metrics row per epoch.
 */
@DirtiesContext
@SpringBootTest(classes = dev.yolotrain.service.ServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WorkerKillTest {
    static final String SCHEMA = "yt_kill";
    static final Path STORAGE = TestDb.tempStorage("kill");

    @org.junit.jupiter.api.AfterAll
    static void removeStorage() {
        TestDb.deleteStorage(STORAGE);
    }
    static final int EPOCHS = 5;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        TestDb.register(r, SCHEMA, STORAGE, "api", "w-api");
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void killedWorkerJobIsTakenOverAndFinishedOnce() throws Exception {
        Api api = new Api(port, TestDb.ADMIN_KEY);
        String ds = api.postMultipart("/api/v1/datasets", Map.of("file", DemoDataset.zip(4, 2, 64, 5))).json().get("id").asString();
        String id = api.postJson("/api/v1/jobs", Map.of("datasetId", ds, "epochs", EPOCHS, "batchSize", 2, "imgSize", 64,
                "workers", 1)).json().get("id").asString();
        // this process only serves the API: every event it streams comes from other processes through NOTIFY
        var stream = Sse.collect(api, "/api/v1/jobs/" + id + "/events");

        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "dev.yolotrain.Main", "server"));
        TestDb.props(SCHEMA, STORAGE, "worker", "w-killed").forEach((k, v) -> cmd.add("--" + k + "=" + v));
        Process worker = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(new File(STORAGE.resolve("killed-worker.log").toString())).start();
        try {
            JsonNode job = waitFor(api, id, j -> j.get("epoch").asInt() >= 1, 240_000);
            assertThat(job.get("workerId").asString()).isEqualTo("w-killed");
            assertThat(job.get("epoch").asInt()).isLessThan(EPOCHS);
            List<ProcessHandle> children = worker.descendants().toList();
            assertThat(children).isNotEmpty();
            worker.destroyForcibly(); // SIGKILL
            worker.waitFor();
            long until = System.currentTimeMillis() + 15_000;
            while (children.stream().anyMatch(ProcessHandle::isAlive) && System.currentTimeMillis() < until) {
                Thread.sleep(200);
            }
            assertThat(children.stream().filter(ProcessHandle::isAlive).toList()).as("the training child dies with its worker").isEmpty();
        } finally {
            worker.destroyForcibly();
        }

        JsonNode requeued = waitFor(api, id, j -> j.get("attempt").asInt() == 2, 30_000);
        assertThat(requeued.get("failureReason").asString()).contains("w-killed stopped renewing its lease");

        Map<String, Object> other = new HashMap<>(TestDb.props(SCHEMA, STORAGE, "worker", "w-rescue"));
        try (ConfigurableApplicationContext b = new SpringApplicationBuilder(ServerApplication.class).run(TestDb.args(other))) {
            JsonNode done = waitFor(api, id, j -> j.get("status").asString().matches("SUCCEEDED|FAILED|CANCELLED"), 300_000);
            assertThat(done.get("status").asString()).as(api.get("/api/v1/jobs/" + id + "/logs").text()).isEqualTo("SUCCEEDED");
            assertThat(done.get("attempt").asInt()).isEqualTo(2);
            assertThat(done.get("epochProgress").asString()).isEqualTo(EPOCHS + "/" + EPOCHS);
        }
        assertThat(jdbc.queryForList("SELECT epoch FROM epoch_metric WHERE job_id = ?::uuid ORDER BY epoch", Integer.class, id))
                .containsExactly(0, 1, 2, 3, 4);
        JsonNode metrics = api.get("/api/v1/jobs/" + id + "/metrics").json().get("epochs");
        assertThat(metrics.size()).isEqualTo(EPOCHS);
        assertThat(api.get("/api/v1/jobs/" + id + "/metrics?format=csv").text().lines().count()).isEqualTo(EPOCHS + 1);
        assertThat(jdbc.queryForList("SELECT worker_id || ':' || attempt || ':' || coalesce(outcome, 'killed') FROM job_run "
                + "WHERE job_id = ?::uuid ORDER BY started_at", String.class, id))
                .containsExactly("w-killed:1:killed", "w-rescue:2:SUCCEEDED");
        assertThat(api.get("/api/v1/jobs/" + id + "/logs").text()).contains("--resume");

        List<Sse.Event> events = stream.get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(events.stream().filter(e -> "epoch".equals(e.name())).map(e -> e.data().get("epoch").asInt()).distinct())
                .containsExactlyInAnyOrder(0, 1, 2, 3, 4);
        assertThat(events.stream().filter(e -> "status".equals(e.name())).map(e -> e.data().get("status").asString()))
                .contains("RUNNING", "QUEUED").last().isEqualTo("SUCCEEDED");
    }

    static JsonNode waitFor(Api api, String id, java.util.function.Predicate<JsonNode> done, long millis) throws InterruptedException {
        long until = System.currentTimeMillis() + millis;
        JsonNode j = null;
        while (System.currentTimeMillis() < until) {
            j = api.get("/api/v1/jobs/" + id).json();
            if (done.test(j)) {
                return j;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out waiting for job " + id + ": " + j);
    }
}
