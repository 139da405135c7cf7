package dev.yolotrain.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Tests run against the real PostgreSQL at 127.0.0.1:5432/test (TEST_DB_URL overrides), each test class
 * in a schema of its own, dropped and made anew, with its own storage folder.
 */
public final class TestDb {
    public static final String URL = System.getenv().getOrDefault("TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String ADMIN_KEY = "test-admin-key-0123456789";

    private TestDb() {}

    public static void resetSchema(String schema) {
        try (Connection c = DriverManager.getConnection(URL, "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + URL + " is needed for the service tests: " + e.getMessage(), e);
        }
    }

    /** Properties of a test process: schema, storage, admin key, short worker timings, C1-only child JVMs. */
    public static Map<String, String> props(String schema, Path storage, String roles, String workerId) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("spring.datasource.url", URL + "?currentSchema=" + schema);
        m.put("spring.datasource.username", "postgres");
        m.put("spring.datasource.password", "");
        m.put("spring.flyway.schemas", schema);
        m.put("yolotrain.storage.root", storage.toString());
        m.put("yolotrain.security.api-key", ADMIN_KEY);
        m.put("yolotrain.roles", roles);
        m.put("yolotrain.worker.id", workerId);
        m.put("yolotrain.worker.gpus", "none");
        m.put("yolotrain.worker.lease", "4s");
        m.put("yolotrain.worker.heartbeat", "1s");
        m.put("yolotrain.worker.poll", "500ms");
        m.put("yolotrain.worker.reaper-interval", "1s");
        m.put("yolotrain.worker.cancel-grace", "20s");
        m.put("yolotrain.worker.child-jvm-options", "-Xmx1g -XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        m.put("yolotrain.jobs.default-loader-workers", "1");
        m.put("server.port", "0");
        m.put("spring.datasource.hikari.maximum-pool-size", "6");
        m.put("spring.datasource.hikari.minimum-idle", "1");
        return m;
    }

    public static void register(DynamicPropertyRegistry r, String schema, Path storage, String roles, String workerId) {
        resetSchema(schema);
        props(schema, storage, roles, workerId).forEach((k, v) -> r.add(k, () -> v));
    }

    /** Properties as command-line arguments (they win over application.yml, unlike default properties). */
    public static String[] args(Map<String, ?> props) {
        return props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    /** Removes a test's storage folder (checkpoints add up over runs). */
    public static void deleteStorage(Path dir) {
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort
        }
    }

    public static Path tempStorage(String name) {
        try {
            return Files.createTempDirectory("yolotrain-" + name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
