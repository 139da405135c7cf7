package dev.yolotrain.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yolotrain.service.dataset.DemoDataset;
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

/** Two supervisors (this process and a second worker context) share 40 real, tiny jobs (20 each on average): each runs exactly once. */
@DirtiesContext
@SpringBootTest(classes = dev.yolotrain.service.ServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TwoSupervisorsTest {
    static final String SCHEMA = "yt_two";
    static final Path STORAGE = TestDb.tempStorage("two");

    @org.junit.jupiter.api.AfterAll
    static void removeStorage() {
        TestDb.deleteStorage(STORAGE);
    }
    static final int JOBS = 40;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        TestDb.register(r, SCHEMA, STORAGE, "api,worker", "w-a");
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void fortyJobsEachRunExactlyOnce() throws Exception {
        Map<String, Object> other = new HashMap<>(TestDb.props(SCHEMA, STORAGE, "worker", "w-b"));
        try (ConfigurableApplicationContext b = new SpringApplicationBuilder(ServerApplication.class).run(TestDb.args(other))) {
            Api api = new Api(port, TestDb.ADMIN_KEY);
            String ds = api.postMultipart("/api/v1/datasets", Map.of("file", DemoDataset.zip(4, 2, 64, 11))).json().get("id").asString();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < JOBS; i++) {
                Api.Res r = api.postJson("/api/v1/jobs", Map.of("datasetId", ds, "epochs", 1, "batchSize", 4, "imgSize", 64,
                        "workers", 1, "seed", i));
                assertThat(r.status()).as(r.toString()).isEqualTo(201);
                ids.add(r.json().get("id").asString());
            }
            long deadline = System.currentTimeMillis() + 480_000;
            while (System.currentTimeMillis() < deadline
                    && jdbc.queryForObject("SELECT count(*) FROM training_job WHERE status IN ('SUCCEEDED', 'FAILED', 'CANCELLED')",
                            Integer.class) < JOBS) {
                Thread.sleep(1000);
            }
            for (String id : ids) {
                assertThat(api.get("/api/v1/jobs/" + id).json().get("status").asString())
                        .as(api.get("/api/v1/jobs/" + id + "/logs").text()).isEqualTo("SUCCEEDED");
            }
            assertThat(jdbc.queryForObject("SELECT count(*) FROM job_run", Integer.class)).isEqualTo(JOBS);
            assertThat(jdbc.queryForObject("SELECT count(DISTINCT job_id) FROM job_run", Integer.class)).isEqualTo(JOBS);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM job_run WHERE attempt = 1 AND outcome = 'SUCCEEDED'", Integer.class))
                    .isEqualTo(JOBS);
            assertThat(jdbc.queryForList("SELECT DISTINCT worker_id FROM job_run", String.class)).containsExactlyInAnyOrder("w-a", "w-b");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM epoch_metric", Integer.class)).isEqualTo(JOBS);
        }
    }
}
