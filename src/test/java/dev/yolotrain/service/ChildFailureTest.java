package dev.yolotrain.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yolotrain.service.dataset.DemoDataset;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** A child JVM that dies without a word is retried, then the job fails with the reason after max attempts. */
@DirtiesContext
@SpringBootTest(classes = dev.yolotrain.service.ServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChildFailureTest {
    static final Path STORAGE = TestDb.tempStorage("childfail");

    @org.junit.jupiter.api.AfterAll
    static void removeStorage() {
        TestDb.deleteStorage(STORAGE);
    }

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        TestDb.register(r, "yt_childfail", STORAGE, "api,worker", "w-fail");
        r.add("yolotrain.worker.child-jvm-options", () -> "-XX:+NoSuchJvmOption");
        r.add("yolotrain.jobs.max-attempts", () -> "2");
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void retriedThenFailedWithTheReason() throws Exception {
        Api api = new Api(port, TestDb.ADMIN_KEY);
        String ds = api.postMultipart("/api/v1/datasets", Map.of("file", DemoDataset.zip(2, 1, 64, 2))).json().get("id").asString();
        String id = api.postJson("/api/v1/jobs", Map.of("datasetId", ds, "epochs", 1, "batchSize", 2, "imgSize", 64))
                .json().get("id").asString();
        JsonNode j = WorkerKillTest.waitFor(api, id, x -> x.get("status").asString().equals("FAILED"), 60_000);
        assertThat(j.get("attempt").asInt()).isEqualTo(2);
        assertThat(j.get("failureReason").asString()).contains("died with exit code 1", "NoSuchJvmOption", "attempt 2 of 2");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM job_run WHERE job_id = ?::uuid", Integer.class, id)).isEqualTo(2);
        assertThat(api.get("/api/v1/jobs/" + id + "/logs").text()).contains("=== attempt 1", "=== attempt 2", "NoSuchJvmOption");
    }
}
