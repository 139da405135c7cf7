package dev.yolotrain.deploy;

import static dev.yolotrain.deploy.DeployFiles.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The k8s/ manifests: wiring between objects and against what the application really reads. */
class KubernetesManifestsTest {

    @Test
    void kustomizationListsEveryManifestAndOnlyExistingOnes() throws Exception {
        @SuppressWarnings("unchecked")
        List<String> resources = (List<String>) DeployFiles.kustomization().get("resources");
        Set<String> files = new HashSet<>();
        try (Stream<Path> s = Files.list(DeployFiles.K8S)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml") && !n.equals("kustomization.yaml")).forEach(files::add);
        }
        assertThat(resources).containsExactlyInAnyOrderElementsOf(files);
        assertThat(DeployFiles.kustomization().get("namespace")).isEqualTo("yolotrain");
    }

    @Test
    void rawManifestsAreWired() {
        checkWiring(DeployFiles.rawManifests(), true, false);
    }

    @Test
    void renderedManifestsAreWired() throws Exception {
        assumeTrue(DeployFiles.kubectlAvailable(), "kubectl not installed: rendered manifests not checked");
        List<Map<String, Object>> docs = DeployFiles.kustomize(DeployFiles.K8S);
        checkWiring(docs, true, true);
        for (Map<String, Object> d : docs) {
            if (!"Namespace".equals(d.get("kind"))) {
                assertThat(at(d, "metadata", "namespace")).as("namespace of %s", at(d, "metadata", "name")).isEqualTo("yolotrain");
            }
        }
    }

    @Test
    void externalDatabaseComponentRemovesPostgres(@TempDir Path tmp) throws Exception {
        assumeTrue(DeployFiles.kubectlAvailable(), "kubectl not installed");
        List<Map<String, Object>> docs = DeployFiles.kustomize(externalDbOverlay(tmp), "--load-restrictor", "LoadRestrictionsNone");
        assertThat(docs).noneMatch(d -> "StatefulSet".equals(d.get("kind")));
        assertThat(docs).noneMatch(d -> "postgres".equals(at(d, "metadata", "name")));
        checkWiring(docs, false, true);
        assertThat((String) at(DeployFiles.byKindName(docs, "ConfigMap", "yolotrain-config"), "data", "SPRING_DATASOURCE_URL"))
                .startsWith("jdbc:postgresql://").doesNotContain("//postgres:");
    }

    /** An overlay outside k8s/ (kustomize refuses one inside it) with the external-db component. */
    static Path externalDbOverlay(Path tmp) throws Exception {
        String rel = tmp.relativize(DeployFiles.K8S).toString();
        Files.writeString(tmp.resolve("kustomization.yaml"), "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n"
                + "resources: [" + rel + "]\ncomponents: [" + rel + "/components/external-db]\n");
        return tmp;
    }

    @SuppressWarnings("unchecked")
    static void checkWiring(List<Map<String, Object>> docs, boolean inClusterDb, boolean rendered) {
        Map<String, Object> app = DeployFiles.applicationYml();
        Set<String> appEnv = DeployFiles.appEnvironment();
        int port = Integer.parseInt(DeployFiles.defaultOf((String) at(app, "server", "port")));
        String exposure = DeployFiles.defaultOf((String) at(app, "management", "endpoints", "web", "exposure", "include"));
        assertThat(exposure.split(",")).contains("health", "prometheus");
        assertThat(at(app, "management", "endpoint", "health", "probes", "enabled")).isEqualTo(true);

        Map<String, Object> config = DeployFiles.byKindName(docs, "ConfigMap", "yolotrain-config");
        Map<String, Object> configData = (Map<String, Object>) config.get("data");
        Map<String, Object> secret = DeployFiles.byKindName(docs, "Secret", "yolotrain-secrets");
        Map<String, Object> secretData = new HashMap<>();
        for (String k : List.of("data", "stringData")) {
            if (secret.get(k) != null) {
                secretData.putAll((Map<String, Object>) secret.get(k));
            }
        }
        Set<String> pvcs = new HashSet<>();
        for (Map<String, Object> d : docs) {
            if ("PersistentVolumeClaim".equals(d.get("kind"))) {
                pvcs.add((String) at(d, "metadata", "name"));
            }
        }
        assertThat(at(DeployFiles.byKindName(docs, "PersistentVolumeClaim", "yolotrain-storage"), "spec", "accessModes"))
                .asList().containsExactly("ReadWriteMany");

        Map<String, Map<String, Object>> pods = new LinkedHashMap<>();
        for (Map<String, Object> d : docs) {
            if (List.of("Deployment", "StatefulSet").contains(d.get("kind"))) {
                String name = (String) at(d, "metadata", "name");
                Map<String, Object> tpl = (Map<String, Object>) at(d, "spec", "template");
                pods.put(name, tpl);
                assertThat((Map<String, Object>) at(tpl, "metadata", "labels"))
                        .as("%s selector matches its pods", name).containsAllEntriesOf((Map<String, Object>) at(d, "spec", "selector", "matchLabels"));
                Set<String> volumes = new HashSet<>();
                for (Object v : (List<Object>) at(tpl, "spec", "volumes") == null ? List.of() : (List<Object>) at(tpl, "spec", "volumes")) {
                    volumes.add((String) at(v, "name"));
                    Object claim = at(v, "persistentVolumeClaim", "claimName");
                    if (claim != null) {
                        assertThat(pvcs).as("%s: claim %s", name, claim).contains((String) claim);
                    }
                }
                List<Object> vct = (List<Object>) at(d, "spec", "volumeClaimTemplates");
                if (vct != null) {
                    vct.forEach(v -> volumes.add((String) at(v, "metadata", "name")));
                }
                for (Object c : (List<Object>) at(tpl, "spec", "containers")) {
                    List<Object> mounts = (List<Object>) at(c, "volumeMounts");
                    for (Object m : mounts == null ? List.of() : mounts) {
                        assertThat(volumes).as("%s: volume of mount %s", name, at(m, "mountPath")).contains((String) at(m, "name"));
                    }
                    for (Object e : envList(c)) {
                        Object cmk = at(e, "valueFrom", "configMapKeyRef");
                        if (cmk != null) {
                            assertThat(at(cmk, "name")).isEqualTo("yolotrain-config");
                            assertThat(configData).as("%s: config key", name).containsKey((String) at(cmk, "key"));
                        }
                        Object sk = at(e, "valueFrom", "secretKeyRef");
                        if (sk != null) {
                            assertThat(at(sk, "name")).isEqualTo("yolotrain-secrets");
                            assertThat(secretData).as("%s: secret key", name).containsKey((String) at(sk, "key"));
                        }
                    }
                }
            }
        }

        Map<String, Object> api = pods.get("yolotrain-api");
        Map<String, Object> worker = pods.get("yolotrain-worker");
        assertThat(api).isNotNull();
        assertThat(worker).isNotNull();
        Map<String, Object> apiC = yolotrainContainer(api);
        Map<String, Object> workerC = yolotrainContainer(worker);
        for (Map<String, Object> c : List.of(apiC, workerC)) {
            // every variable the app container gets is one the application (or the JVM/DJL) reads
            Set<String> names = new HashSet<>(configData.keySet());
            envList(c).forEach(e -> names.add((String) at(e, "name")));
            for (String n : names) {
                assertThat(appEnv.contains(n) || DeployFiles.RUNTIME_ENV.contains(n)).as("variable %s is read by the app", n).isTrue();
            }
            for (Object ef : (List<Object>) c.get("envFrom")) {
                assertThat(at(ef, "configMapRef", "name")).isEqualTo("yolotrain-config");
            }
            assertThat(at(c, "ports", "0", "containerPort")).isEqualTo(port);
            assertThat(at(c, "ports", "0", "name")).isEqualTo("http");
            assertThat(at(c, "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
            assertThat(at(c, "readinessProbe", "httpGet", "path")).isEqualTo("/actuator/health/readiness");
            assertThat(at(c, "startupProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
            for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
                assertThat(at(c, probe, "httpGet", "port")).isIn("http", port);
            }
            assertThat(at(c, "volumeMounts", "0", "mountPath")).isEqualTo(configData.get("YOLOTRAIN_STORAGE_ROOT"));
        }
        for (Map<String, Object> tpl : List.of(api, worker)) {
            assertThat(at(tpl, "metadata", "annotations", "prometheus.io/path")).isEqualTo("/actuator/prometheus");
            assertThat(String.valueOf(at(tpl, "metadata", "annotations", "prometheus.io/port"))).isEqualTo(String.valueOf(port));
            assertThat(at(tpl, "spec", "securityContext", "runAsNonRoot")).isEqualTo(true);
        }
        // same image, same database, same storage; roles split
        assertThat(apiC.get("image")).isEqualTo(workerC.get("image"));
        if (rendered) {
            assertThat((String) apiC.get("image")).isNotEqualTo("yolotrain").contains("yolotrain");
        }
        assertThat(dbSettings(apiC)).isEqualTo(dbSettings(workerC)).containsKeys("SPRING_DATASOURCE_PASSWORD");
        assertThat(configData).containsKeys("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME");
        assertThat(at(api, "spec", "volumes")).isEqualTo(at(worker, "spec", "volumes"));
        assertThat(at(api, "spec", "volumes", "0", "persistentVolumeClaim", "claimName")).isEqualTo("yolotrain-storage");
        assertThat(envValue(apiC, "YOLOTRAIN_ROLES")).isEqualTo("api");
        assertThat(envValue(workerC, "YOLOTRAIN_ROLES")).isEqualTo("worker");

        // worker: a GPU, scheduled on GPU nodes, time to save `last`
        assertThat(String.valueOf(at(workerC, "resources", "limits", "nvidia.com/gpu"))).isEqualTo("1");
        assertThat(at(worker, "spec", "nodeSelector")).isNotNull();
        assertThat((List<Object>) at(worker, "spec", "tolerations")).anyMatch(t -> "nvidia.com/gpu".equals(at(t, "key")));
        int grace = seconds((String) configData.getOrDefault("YOLOTRAIN_CANCEL_GRACE",
                DeployFiles.defaultOf((String) at(app, "yolotrain", "worker", "cancel-grace"))));
        assertThat((Integer) at(worker, "spec", "terminationGracePeriodSeconds")).isGreaterThanOrEqualTo(grace + 30);

        Map<String, Object> pdb = DeployFiles.byKindName(docs, "PodDisruptionBudget", "yolotrain-worker");
        assertThat((Map<String, Object>) at(worker, "metadata", "labels")).containsAllEntriesOf((Map<String, Object>) at(pdb, "spec", "selector", "matchLabels"));
        assertThat((Map<String, Object>) at(api, "metadata", "labels")).doesNotContainEntry("app.kubernetes.io/component", "worker");

        // Service → api pods and their named port; Ingress → Service
        Map<String, Object> svc = DeployFiles.byKindName(docs, "Service", "yolotrain-api");
        assertThat((Map<String, Object>) at(api, "metadata", "labels")).containsAllEntriesOf((Map<String, Object>) at(svc, "spec", "selector"));
        assertThat(at(svc, "spec", "ports", "0", "targetPort")).isIn("http", port);
        Map<String, Object> ing = DeployFiles.byKindName(docs, "Ingress", "yolotrain");
        Object backend = at(ing, "spec", "rules", "0", "http", "paths", "0", "backend", "service");
        assertThat(at(backend, "name")).isEqualTo("yolotrain-api");
        assertThat(at(backend, "port", "name")).isEqualTo(at(svc, "spec", "ports", "0", "name"));

        if (inClusterDb) {
            Map<String, Object> pg = DeployFiles.byKindName(docs, "StatefulSet", "postgres");
            Map<String, Object> pgSvc = DeployFiles.byKindName(docs, "Service", "postgres");
            Map<String, Object> pgC = (Map<String, Object>) at(pg, "spec", "template", "spec", "containers", "0");
            int pgPort = (Integer) at(pgC, "ports", "0", "containerPort");
            assertThat(at(pg, "spec", "serviceName")).isEqualTo("postgres");
            assertThat((Map<String, Object>) at(pg, "spec", "template", "metadata", "labels")).containsAllEntriesOf((Map<String, Object>) at(pgSvc, "spec", "selector"));
            assertThat((String) configData.get("SPRING_DATASOURCE_URL"))
                    .isEqualTo("jdbc:postgresql://postgres:" + at(pgSvc, "spec", "ports", "0", "port") + "/" + envValue(pgC, "POSTGRES_DB"));
            assertThat(pgPort).isEqualTo(at(pgSvc, "spec", "ports", "0", "port"));
            assertThat(envSource(pgC, "POSTGRES_USER")).isEqualTo("configMap:SPRING_DATASOURCE_USERNAME");
            assertThat(envSource(pgC, "POSTGRES_PASSWORD")).isEqualTo(envSource(apiC, "SPRING_DATASOURCE_PASSWORD"));
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yolotrainContainer(Map<String, Object> tpl) {
        return (Map<String, Object>) at(tpl, "spec", "containers", "0");
    }

    @SuppressWarnings("unchecked")
    static List<Object> envList(Object container) {
        Object e = at(container, "env");
        return e == null ? List.of() : (List<Object>) e;
    }

    static Object envValue(Object container, String name) {
        for (Object e : envList(container)) {
            if (name.equals(at(e, "name"))) {
                return at(e, "value");
            }
        }
        return null;
    }

    /** Where a variable comes from: "value:…", "secret:key", "configMap:key". */
    static String envSource(Object container, String name) {
        for (Object e : envList(container)) {
            if (name.equals(at(e, "name"))) {
                if (at(e, "valueFrom", "secretKeyRef") != null) {
                    return "secret:" + at(e, "valueFrom", "secretKeyRef", "key");
                }
                if (at(e, "valueFrom", "configMapKeyRef") != null) {
                    return "configMap:" + at(e, "valueFrom", "configMapKeyRef", "key");
                }
                return "value:" + at(e, "value");
            }
        }
        return null;
    }

    static Map<String, String> dbSettings(Map<String, Object> c) {
        Map<String, String> m = new HashMap<>();
        for (Object e : envList(c)) {
            String n = (String) at(e, "name");
            if (n.startsWith("SPRING_DATASOURCE_") || n.startsWith("YOLOTRAIN_EMBEDDED_DB")) {
                m.put(n, envSource(c, n));
            }
        }
        m.put("envFrom", String.valueOf(c.get("envFrom")));
        return m;
    }

    static int seconds(String duration) {
        String d = duration.strip();
        if (d.endsWith("ms")) {
            return Integer.parseInt(d.substring(0, d.length() - 2)) / 1000;
        }
        if (d.endsWith("m")) {
            return Integer.parseInt(d.substring(0, d.length() - 1)) * 60;
        }
        return Integer.parseInt(d.endsWith("s") ? d.substring(0, d.length() - 1) : d);
    }

    static List<String> list(Object... o) {
        List<String> l = new ArrayList<>();
        for (Object x : o) {
            l.add(String.valueOf(x));
        }
        return l;
    }
}
