package dev.yolotrain.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The Compose files and the k8s manifests against vendored public JSON schemas (src/test/resources/schemas). */
class SchemaValidationTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Path SCHEMAS = DeployFiles.ROOT.resolve("src/test/resources/schemas");

    @Test
    @SuppressWarnings("unchecked")
    void composeFilesMatchTheComposeSpecification() {
        // the schema's draft-04 style "id" members are labels only (its $refs are JSON pointers): drop them
        JsonNode spec = JSON.readTree(DeployFiles.read(SCHEMAS.resolve("compose-spec.json")));
        dropIds(spec);
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09).getSchema(spec.toString(), InputFormat.JSON);
        for (String f : List.of("docker-compose.yml", "docker-compose.cpu.yml")) {
            Object doc = withoutResets(DeployFiles.compose(f));
            List<Error> errors = schema.validate(JSON.valueToTree(doc));
            assertThat(errors).as(f).isEmpty();
        }
        // the validator does reject a wrong file
        Map<String, Object> bad = DeployFiles.compose("docker-compose.yml");
        ((Map<String, Object>) bad.get("services")).put("api", Map.of("image", "x", "portz", List.of("80:80")));
        assertThat(schema.validate(JSON.valueToTree(bad))).isNotEmpty();
    }

    @Test
    void rawManifestsMatchKubernetesSchemas() {
        K8sSchemas k = new K8sSchemas();
        for (Map<String, Object> d : DeployFiles.rawManifests()) {
            k.assertValid(d);
        }
    }

    @Test
    void renderedManifestsMatchKubernetesSchemas(@TempDir Path tmp) throws Exception {
        assumeTrue(DeployFiles.kubectlAvailable(), "kubectl not installed: only the raw manifests were validated");
        K8sSchemas k = new K8sSchemas();
        for (Map<String, Object> d : DeployFiles.kustomize(DeployFiles.K8S)) {
            k.assertValid(d);
        }
        for (Map<String, Object> d : DeployFiles.kustomize(KubernetesManifestsTest.externalDbOverlay(tmp), "--load-restrictor", "LoadRestrictionsNone")) {
            k.assertValid(d);
        }
    }

    @Test
    void kubernetesSchemasRejectMistakes() {
        K8sSchemas k = new K8sSchemas();
        Map<String, Object> dep = DeployFiles.byKindName(DeployFiles.rawManifests(), "Deployment", "yolotrain-worker");
        JsonNode ok = JSON.valueToTree(dep);
        assertThat(k.errors(ok)).isEmpty();
        ObjectNode typo = (ObjectNode) ok.deepCopy();
        ((ObjectNode) typo.get("spec")).put("replica", 2);
        assertThat(k.errors(typo)).isNotEmpty();
        ObjectNode wrongType = (ObjectNode) ok.deepCopy();
        ((ObjectNode) wrongType.get("spec")).put("replicas", "two");
        assertThat(k.errors(wrongType)).isNotEmpty();
        ObjectNode badProbe = (ObjectNode) ok.deepCopy();
        ((ObjectNode) badProbe.at("/spec/template/spec/containers/0/livenessProbe")).putObject("httpGett");
        assertThat(k.errors(badProbe)).isNotEmpty();
    }

    static void dropIds(JsonNode n) {
        if (n instanceof ObjectNode o) {
            if (o.has("id") && o.get("id").isString()) {
                o.remove("id");
            }
            o.values().forEach(SchemaValidationTest::dropIds);
        } else if (n.isArray()) {
            n.values().forEach(SchemaValidationTest::dropIds);
        }
    }

    /** Drops Compose's {@code !reset} entries (Compose removes them before merging). */
    @SuppressWarnings("unchecked")
    static Object withoutResets(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> {
                if (v != DeployFiles.RESET) {
                    out.put((String) k, withoutResets(v));
                }
            });
            return out;
        }
        if (o instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(v -> out.add(withoutResets(v)));
            return out;
        }
        return o;
    }

    /** fabric8's Kubernetes 1.30 schemas, adjusted at load time (see schemas/README.md). */
    static final class K8sSchemas {
        final ObjectNode root;
        final Map<String, Schema> byKind = new LinkedHashMap<>();
        final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

        K8sSchemas() {
            root = (ObjectNode) JSON.readTree(DeployFiles.read(SCHEMAS.resolve("k8s/kubernetes-1.30-fabric8-6.13.4.json")));
            ObjectNode defs = (ObjectNode) root.get("definitions");
            for (Iterator<Map.Entry<String, JsonNode>> it = defs.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                ObjectNode def = (ObjectNode) e.getValue();
                if (e.getKey().endsWith("IntOrString") || e.getKey().endsWith("_Quantity")) {
                    def.removeAll();
                    def.putArray("type").add("integer").add("number").add("string");
                } else if (def.has("properties") && def.has("javaType")) {
                    def.put("additionalProperties", false);
                }
            }
        }

        Schema schemaFor(String apiVersion, String kind) {
            String key = apiVersion + "/" + kind;
            return byKind.computeIfAbsent(key, x -> {
                JsonNode def = root.get("x-kinds").get(key);
                assertThat(def).as("a schema for %s", key).isNotNull();
                ObjectNode s = root.deepCopy();
                s.remove("x-kinds");
                s.put("$ref", "#/definitions/" + def.asString());
                return registry.getSchema(s.toString(), InputFormat.JSON);
            });
        }

        List<Error> errors(JsonNode doc) {
            return schemaFor(doc.get("apiVersion").asString(), doc.get("kind").asString()).validate(doc);
        }

        void assertValid(Map<String, Object> doc) {
            JsonNode n = JSON.valueToTree(doc);
            assertThat(errors(n)).as("%s %s", doc.get("kind"), DeployFiles.at(doc, "metadata", "name")).isEmpty();
        }
    }
}
