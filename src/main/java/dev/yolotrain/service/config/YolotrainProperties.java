package dev.yolotrain.service.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings under {@code yolotrain.*}; application.yml documents each one and its environment variable. */
@ConfigurationProperties("yolotrain")
public record YolotrainProperties(
        List<String> roles,
        Storage storage,
        Security security,
        Datasets datasets,
        Jobs jobs,
        Worker worker) {

    public boolean hasRole(String role) {
        return roles == null || roles.contains(role);
    }

    public record Storage(String root) {}

    public record Security(String apiKey) {}

    public record Datasets(long maxArchiveBytes, long maxExtractedBytes, int maxEntries, double maxRatio) {}

    public record Jobs(int maxAttempts, int maxEpochs, int defaultLoaderWorkers) {}

    public record Worker(
            String id,
            String gpus,
            int cpuSlots,
            Duration lease,
            Duration heartbeat,
            Duration poll,
            Duration reaperInterval,
            Duration cancelGrace,
            String java,
            String childJvmOptions,
            boolean parentDeathSignal) {}
}
