package dev.yolotrain.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yolotrain.service.dataset.DemoDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** A worker that shuts down cleanly stops its child with SIGTERM (it saves last) and gives the job back without charging an attempt. */
@DirtiesContext
@SpringBootTest(classes = dev.yolotrain.service.ServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ShutdownRequeueTest {
    static final String SCHEMA = "yt_shutdown";
    static final Path STORAGE = TestDb.tempStorage("shutdown");

    @org.junit.jupiter.api.AfterAll
    static void removeStorage() {
        TestDb.deleteStorage(STORAGE);
    }

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        TestDb.register(r, SCHEMA, STORAGE, "api", "w-api");
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shutdownRequeuesTheRunningJob() throws Exception {
        Api api = new Api(port, TestDb.ADMIN_KEY);
        String ds = api.postMultipart("/api/v1/datasets", Map.of("file", DemoDataset.zip(4, 2, 64, 9))).json().get("id").asString();
        String id = api.postJson("/api/v1/jobs", Map.of("datasetId", ds, "epochs", 100, "batchSize", 2, "imgSize", 64, "workers", 1))
                .json().get("id").asString();
        try (ConfigurableApplicationContext w = new SpringApplicationBuilder(ServerApplication.class)
                .run(TestDb.args(TestDb.props(SCHEMA, STORAGE, "worker", "w-stopping")))) {
            WorkerKillTest.waitFor(api, id, j -> j.get("epoch").asInt() >= 1, 240_000);
        }
        JsonNode j = api.get("/api/v1/jobs/" + id).json();
        assertThat(j.get("status").asString()).isEqualTo("QUEUED");
        assertThat(j.get("attempt").asInt()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT outcome FROM job_run WHERE job_id = ?::uuid", String.class, id)).contains("requeued");
        assertThat(Files.exists(STORAGE.resolve("jobs").resolve(id).resolve("run/weights/last.safetensors"))).isTrue();
        assertThat(api.get("/api/v1/jobs/" + id + "/logs").text()).contains("worker shutting down: SIGTERM");
        assertThat(api.post("/api/v1/jobs/" + id + "/cancel").json().get("status").asString()).isEqualTo("CANCELLED");
    }
}
