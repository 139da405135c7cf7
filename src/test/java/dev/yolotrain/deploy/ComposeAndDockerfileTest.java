package dev.yolotrain.deploy;

import static dev.yolotrain.deploy.DeployFiles.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** docker-compose*.yml and the Dockerfiles: ports, variables, probe paths, volumes, same image and database. */
class ComposeAndDockerfileTest {

    @Test
    @SuppressWarnings("unchecked")
    void composeIsWired() {
        Map<String, Object> c = DeployFiles.compose("docker-compose.yml");
        Set<String> appEnv = DeployFiles.appEnvironment();
        Map<String, Object> api = (Map<String, Object>) at(c, "services", "api");
        Map<String, Object> worker = (Map<String, Object>) at(c, "services", "worker");
        for (Map<String, Object> s : List.of(api, worker)) {
            ((Map<String, Object>) s.get("environment")).keySet().forEach(n -> assertThat(appEnv).as("variable %s", n).contains(n));
            assertThat(s.get("volumes")).asList().containsExactly("storage:" + at(s, "environment", "YOLOTRAIN_STORAGE_ROOT"));
            assertThat(String.valueOf(at(s, "healthcheck", "test"))).contains("http://localhost:8080/actuator/health/readiness");
            assertThat(at(s, "depends_on", "postgres", "condition")).isEqualTo("service_healthy");
        }
        assertThat(api.get("image")).isEqualTo(worker.get("image"));
        for (String k : List.of("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD")) {
            assertThat(at(api, "environment", k)).isNotNull().isEqualTo(at(worker, "environment", k));
        }
        assertThat(at(api, "environment", "YOLOTRAIN_ROLES")).isEqualTo("api");
        assertThat(at(worker, "environment", "YOLOTRAIN_ROLES")).isEqualTo("worker");
        assertThat(api.get("ports")).asList().containsExactly("8080:8080");
        assertThat(((Map<String, Object>) c.get("volumes")).keySet()).containsExactlyInAnyOrder("storage", "pgdata");
        Map<String, Object> pg = (Map<String, Object>) at(c, "services", "postgres");
        assertThat(at(api, "environment", "SPRING_DATASOURCE_URL")).isEqualTo("jdbc:postgresql://postgres:5432/" + at(pg, "environment", "POSTGRES_DB"));
        assertThat(at(api, "environment", "SPRING_DATASOURCE_USERNAME")).isEqualTo(at(pg, "environment", "POSTGRES_USER"));
        assertThat(at(api, "environment", "SPRING_DATASOURCE_PASSWORD")).isEqualTo(at(pg, "environment", "POSTGRES_PASSWORD"));
        assertThat(at(worker, "deploy", "resources", "reservations", "devices", "0", "capabilities")).asList().contains("gpu");
        int grace = KubernetesManifestsTest.seconds((String) at(worker, "environment", "YOLOTRAIN_CANCEL_GRACE"));
        assertThat(KubernetesManifestsTest.seconds((String) worker.get("stop_grace_period"))).isGreaterThanOrEqualTo(grace + 20);

        Map<String, Object> cpu = DeployFiles.compose("docker-compose.cpu.yml");
        assertThat(at(cpu, "services", "worker", "deploy", "resources", "reservations", "devices")).isSameAs(DeployFiles.RESET);
        assertThat(at(cpu, "services", "worker", "environment", "YOLOTRAIN_GPUS")).isEqualTo("none");
        assertThat(at(cpu, "services", "api", "image")).isEqualTo(at(cpu, "services", "worker", "image"));
        ((Map<String, Object>) at(cpu, "services", "worker", "environment")).keySet().forEach(n -> assertThat(appEnv).contains(n));
    }

    @Test
    void dockerfiles() {
        for (String f : List.of("Dockerfile", "Dockerfile.cuda")) {
            String d = DeployFiles.read(DeployFiles.ROOT.resolve(f));
            assertThat(d.lines().filter(l -> l.startsWith("FROM ")).count()).as(f).isGreaterThanOrEqualTo(2);
            assertThat(d).contains("USER 10001:10001", "EXPOSE 8080", "/actuator/health/liveness", "MaxRAMPercentage",
                    "DJL_CACHE_DIR=/opt/djl", "YOLOTRAIN_STORAGE_ROOT=/data", "COPY config_document config_document");
            d.lines().filter(l -> l.matches("\\s*(ENV )?[A-Z_]+=.*")).map(l -> l.replaceFirst("^\\s*(ENV )?", "").split("=")[0])
                    .forEach(n -> assertThat(DeployFiles.appEnvironment().contains(n) || DeployFiles.RUNTIME_ENV.contains(n)
                            || n.equals("JAVA_HOME") || n.equals("PATH")).as("%s: %s", f, n).isTrue());
        }
        String cuda = DeployFiles.read(DeployFiles.ROOT.resolve("Dockerfile.cuda"));
        assertThat(cuda).contains("-Pcuda", "PYTORCH_FLAVOR", "FROM ${CUDA_BASE}", "model-info");
        String pom = DeployFiles.read(DeployFiles.ROOT.resolve("pom.xml"));
        String cudaProfile = pom.substring(pom.indexOf("<id>cuda</id>"));
        assertThat(cudaProfile.substring(0, cudaProfile.indexOf("</profile>"))).doesNotContain("pytorch-native-cpu");
    }
}
