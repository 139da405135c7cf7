package dev.yolotrain.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yolotrain.service.dataset.DemoDataset;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The jobs API without a worker: strict validation, cancel and retry, listing by status, keys and tenant isolation. */
@DirtiesContext
@SpringBootTest(classes = dev.yolotrain.service.ServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JobApiTest {
    static final Path STORAGE = TestDb.tempStorage("jobs");

    @org.junit.jupiter.api.AfterAll
    static void removeStorage() {
        TestDb.deleteStorage(STORAGE);
    }

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        TestDb.register(r, "yt_jobs", STORAGE, "api", "w-jobs");
    }

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    Api admin;
    String datasetId;

    @BeforeEach
    void setUp() {
        admin = new Api(port, TestDb.ADMIN_KEY);
        Api.Res up = admin.postMultipart("/api/v1/datasets", Map.of("file", DemoDataset.zip(4, 2, 64, 3)));
        assertThat(up.status()).as(up.toString()).isEqualTo(201);
        datasetId = up.json().get("id").asString();
    }

    Map<String, Object> job(Object... kv) {
        Map<String, Object> m = new HashMap<>(Map.of("datasetId", datasetId, "epochs", 1, "batchSize", 2, "imgSize", 64));
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    void problem(Api.Res r, int status, String field, String key, String detail) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode p = r.json();
        if (field != null) {
            assertThat(p.get("field").asString()).isEqualTo(field);
        }
        if (key != null) {
            assertThat(p.get("key").asString()).isEqualTo(key);
        }
        assertThat(p.get("detail").asString()).contains(detail);
    }

    @Test
    void hypIsStrictAndNamesTheKey() {
        problem(admin.postJson("/api/v1/jobs", job("hyp", Map.of("lr_zero", 0.1))), 400, "hyp", "lr_zero", "unknown hyp key");
        problem(admin.postJson("/api/v1/jobs", job("hyp", Map.of("lr0", "fast"))), 400, "hyp", "lr0", "must be a number");
        problem(admin.postJson("/api/v1/jobs", job("hyp", Map.of("momentum", "nan"))), 400, "hyp", "momentum", "finite");
        problem(admin.postJson("/api/v1/jobs", job("hyp", Map.of("lrf", "inf"))), 400, "hyp", "lrf", "finite");
        problem(admin.postJson("/api/v1/jobs", job("hyp", Map.of("fliplr", 1.5))), 400, "hyp", "fliplr", "[0, 1]");
        problem(admin.postMultipart("/api/v1/jobs", Map.of("job", Api.JSON.writeValueAsString(job()),
                "hyp", "scale: 2.0\n".getBytes())), 400, "hyp", "scale", "scale");
        Api.Res ok = admin.postMultipart("/api/v1/jobs", Map.of("job", Api.JSON.writeValueAsString(job()),
                "hyp", "lr0: 0.02\nmosaic: 0.5\n".getBytes()));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
        assertThat(ok.json().get("hyp").get("lr0").asDouble()).isEqualTo(0.02);
    }

    @Test
    void otherFieldsAreChecked() {
        problem(admin.postJson("/api/v1/jobs", job("imgSize", 100)), 400, "imgSize", null, "multiple of 32");
        problem(admin.postJson("/api/v1/jobs", job("epochs", 0)), 400, "epochs", null, "between");
        problem(admin.postJson("/api/v1/jobs", job("model", "/etc/passwd")), 400, "model", null, "built-in");
        problem(admin.postJson("/api/v1/jobs", job("model", "nc: 2\nbackbone: []\n")), 400, "model", null, "model yml");
        problem(admin.postJson("/api/v1/jobs", job("weights", "jobs/../../x")), 400, "weights", null, "weights must be");
        problem(admin.postJson("/api/v1/jobs", job("optimizer", "Lion")), 400, "optimizer", null, "SGD");
        problem(admin.postJson("/api/v1/jobs", job("surprise", true)), 400, null, null, "surprise");
        problem(admin.postJson("/api/v1/jobs", "{not json"), 400, null, null, "JSON");
        problem(admin.postJson("/api/v1/jobs", Map.of("epochs", 1)), 400, "datasetId", null, "required");
        problem(admin.get("/api/v1/jobs?status=SLEEPING"), 400, null, null, "SLEEPING");
        Api.Res custom = admin.postJson("/api/v1/jobs", job("model", read("config_document/models/yolov5n.yml")));
        assertThat(custom.status()).as(custom.toString()).isEqualTo(201);
        assertThat(custom.json().get("model").asString()).isEqualTo("custom");
    }

    @Test
    void cancelRetryAndListByStatus() {
        String id = admin.postJson("/api/v1/jobs", job()).json().get("id").asString();
        assertThat(admin.get("/api/v1/jobs?status=QUEUED").text()).contains(id);
        Api.Res c = admin.post("/api/v1/jobs/" + id + "/cancel");
        assertThat(c.status()).isEqualTo(202);
        assertThat(c.json().get("status").asString()).isEqualTo("CANCELLED");
        problem(admin.post("/api/v1/jobs/" + id + "/cancel"), 409, null, null, "CANCELLED");
        assertThat(admin.get("/api/v1/jobs?status=CANCELLED").text()).contains(id);
        assertThat(admin.get("/api/v1/jobs?status=QUEUED").text()).doesNotContain(id);
        Api.Res r = admin.post("/api/v1/jobs/" + id + "/retry");
        assertThat(r.status()).isEqualTo(202);
        assertThat(r.json().get("status").asString()).isEqualTo("QUEUED");
        assertThat(r.json().get("attempt").asInt()).isEqualTo(2);
        problem(admin.post("/api/v1/jobs/" + id + "/retry"), 409, null, null, "QUEUED");
        problem(admin.delete("/api/v1/datasets/" + datasetId), 409, null, null, "used by");
    }

    @Test
    void tenantsSeeOnlyTheirOwn() {
        String jobId = admin.postJson("/api/v1/jobs", job()).json().get("id").asString();
        Api.Res k = admin.postJson("/api/v1/keys", Map.of("name", "bob"));
        assertThat(k.status()).as(k.toString()).isEqualTo(201);
        Api bob = admin.as(k.json().get("key").asString());
        assertThat(k.json().get("tenant").asString()).isNotEqualTo("admin");

        for (String path : List.of("/api/v1/datasets/" + datasetId, "/api/v1/jobs/" + jobId, "/api/v1/jobs/" + jobId + "/metrics",
                "/api/v1/jobs/" + jobId + "/logs", "/api/v1/jobs/" + jobId + "/artifacts",
                "/api/v1/jobs/" + jobId + "/artifacts/best", "/api/v1/jobs/" + jobId + "/events")) {
            assertThat(bob.get(path).status()).as(path).isEqualTo(404);
        }
        assertThat(bob.post("/api/v1/jobs/" + jobId + "/cancel").status()).isEqualTo(404);
        assertThat(bob.post("/api/v1/jobs/" + jobId + "/retry").status()).isEqualTo(404);
        assertThat(bob.delete("/api/v1/datasets/" + datasetId).status()).isEqualTo(404);
        problem(bob.postJson("/api/v1/jobs", job()), 404, null, null, "not found");
        assertThat(bob.get("/api/v1/datasets").json().size()).isZero();
        assertThat(bob.get("/api/v1/jobs").json().size()).isZero();
        assertThat(admin.get("/api/v1/jobs/" + jobId).status()).isEqualTo(200);
        // bob's own dataset is invisible to the admin tenant
        String bobs = bob.postMultipart("/api/v1/datasets", Map.of("file", DemoDataset.zip(2, 1, 64, 5))).json().get("id").asString();
        assertThat(admin.get("/api/v1/datasets/" + bobs).status()).isEqualTo(404);
        assertThat(bob.get("/api/v1/datasets/" + bobs).status()).isEqualTo(200);
        // only admin keys make keys
        problem(bob.postJson("/api/v1/keys", Map.of("name", "eve")), 403, null, null, "admin");
    }

    @Test
    void browsersOpenTheEventStreamWithAShortLivedTicketForThatJobOnly() throws Exception {
        String jobId = admin.postJson("/api/v1/jobs", job()).json().get("id").asString();
        String other = admin.postJson("/api/v1/jobs", job()).json().get("id").asString();
        assertThat(admin.post("/api/v1/jobs/" + jobId + "/cancel").status()).isEqualTo(202); // a finished stream
        Api.Res t = admin.post("/api/v1/jobs/" + jobId + "/events/ticket");
        assertThat(t.status()).as(t.toString()).isEqualTo(200);
        String ticket = t.json().get("ticket").asString();
        assertThat(t.json().get("url").asString()).isEqualTo("/api/v1/jobs/" + jobId + "/events?ticket=" + ticket);

        Api anon = admin.as(null);
        List<Sse.Event> events = Sse.collect(anon, t.json().get("url").asString()).get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(events).extracting(Sse.Event::name).contains("status");
        assertThat(events.get(events.size() - 1).data().get("status").asString()).isEqualTo("CANCELLED");

        problem(anon.get("/api/v1/jobs/" + other + "/events?ticket=" + ticket), 401, null, null, "another job");
        problem(anon.get("/api/v1/jobs/" + jobId + "/events?ticket=" + ticket + "x"), 401, null, null, "stream ticket");
        problem(anon.get("/api/v1/jobs/" + jobId + "?ticket=" + ticket), 401, null, null, "stream ticket"); // events only
        // another tenant gets no ticket for this job
        Api bob = admin.as(admin.postJson("/api/v1/keys", Map.of("name", "bob2")).json().get("key").asString());
        assertThat(bob.post("/api/v1/jobs/" + jobId + "/events/ticket").status()).isEqualTo(404);
        // expired: the same ticket after its time
        jdbc.update("UPDATE stream_ticket SET expires_at = now() - interval '1 second'");
        problem(anon.get("/api/v1/jobs/" + jobId + "/events?ticket=" + ticket), 401, null, null, "expired");
    }

    @Test
    void openApiDocsSwaggerUiAndProbesNeedNoKey() {
        Api anon = admin.as(null);
        String docs = anon.get("/v3/api-docs").text();
        assertThat(docs).contains("\"bearer\"", "application/problem+json", "invalid-hyp", "zip-bomb", "yolov5n", "/api/v1/jobs/{id}/events");
        assertThat(anon.get("/swagger-ui.html").status()).isIn(200, 302);
        assertThat(anon.get("/swagger-ui/index.html").status()).isEqualTo(200);
        assertThat(anon.get("/actuator/health/liveness").text()).contains("UP");
        assertThat(anon.get("/actuator/health/readiness").text()).contains("UP");
        assertThat(anon.get("/actuator/prometheus").text()).contains("yolotrain_jobs");
    }

    static String read(String file) {
        try {
            return java.nio.file.Files.readString(Path.of(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
