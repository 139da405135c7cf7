package dev.yolotrain.service.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * The zero-configuration default: when no {@code spring.datasource.url} is given (SPRING_DATASOURCE_URL),
 * starts an embedded PostgreSQL whose data lives under {@code <storage root>/postgres} and points the
 * datasource at it. (As root, zonky runs PostgreSQL's tools under {@code unshare -U}, which they accept.)
 */
public final class EmbeddedPostgresLauncher implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresLauncher.class);
    private static volatile EmbeddedPostgres running;

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment env = event.getEnvironment();
        if (StringUtils.hasText(env.getProperty("spring.datasource.url"))
                || !env.getProperty("yolotrain.embedded-db.enabled", Boolean.class, true)) {
            return;
        }
        if (running == null) {
            running = start(env);
        }
        Map<String, Object> props = new HashMap<>();
        props.put("spring.datasource.url", running.getJdbcUrl("postgres", "postgres"));
        props.put("spring.datasource.username", "postgres");
        props.put("spring.datasource.password", "");
        env.getPropertySources().addFirst(new MapPropertySource("embeddedPostgres", props));
    }

    private static EmbeddedPostgres start(ConfigurableEnvironment env) {
        Path root = Path.of(env.getProperty("yolotrain.storage.root", "./data")).toAbsolutePath().normalize();
        Path binaries = Path.of(System.getProperty("java.io.tmpdir"), "yolotrain-embedded-pg");
        Path data = root.resolve("postgres");
        int port = env.getProperty("yolotrain.embedded-db.port", Integer.class, 0);
        try {
            Files.createDirectories(binaries);
            EmbeddedPostgres.Builder b = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(binaries.toFile())
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60));
            if (port > 0) {
                b.setPort(port);
            }
            Files.createDirectories(data);
            b.setDataDirectory(data.toFile());
            EmbeddedPostgres pg = b.start();
            LOG.info("embedded PostgreSQL on port {} with data in {} (set SPRING_DATASOURCE_URL to use another)", pg.getPort(), data);
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }
}
