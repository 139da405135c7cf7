package dev.yolotrain.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;

/** Reads the deployment files of the repository (Compose files, k8s/ manifests, application.yml). */
final class DeployFiles {
    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path K8S = ROOT.resolve("k8s");
    /** Compose's {@code !reset} tag: the value is dropped before merging. */
    static final Object RESET = new Object() {
        @Override
        public String toString() {
            return "!reset";
        }
    };

    private DeployFiles() {}

    static Yaml yaml() {
        LoaderOptions o = new LoaderOptions();
        SafeConstructor c = new SafeConstructor(o) {
            {
                yamlConstructors.put(new Tag("!reset"), new AbstractConstruct() {
                    @Override
                    public Object construct(Node node) {
                        return RESET;
                    }
                });
            }
        };
        return new Yaml(c);
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> compose(String file) {
        return (Map<String, Object>) yaml().load(read(ROOT.resolve(file)));
    }

    /** Every YAML document of a file (empty ones skipped). */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> docs(String text) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object d : yaml().loadAll(text)) {
            if (d != null) {
                out.add((Map<String, Object>) d);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> kustomization() {
        return (Map<String, Object>) yaml().load(read(K8S.resolve("kustomization.yaml")));
    }

    /** The raw manifests listed in k8s/kustomization.yaml, namespaced and with images set as kustomize would. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rawManifests() {
        Map<String, Object> k = kustomization();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object r : (List<Object>) k.get("resources")) {
            out.addAll(docs(read(K8S.resolve((String) r))));
        }
        return out;
    }

    static boolean kubectlAvailable() {
        return Files.isExecutable(Path.of("/usr/bin/kubectl")) || onPath("kubectl");
    }

    private static boolean onPath(String cmd) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, cmd))) {
                return true;
            }
        }
        return false;
    }

    /** {@code kubectl kustomize DIR} (offline: kustomize is built into kubectl). */
    static List<Map<String, Object>> kustomize(Path dir, String... extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("kubectl", "kustomize", dir.toString()));
        cmd.addAll(List.of(extra));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("kubectl kustomize " + dir + " failed: " + err);
        }
        return docs(out);
    }

    /** The environment variables application.yml reads: every ${NAME:default}, plus those its comments name. */
    static Set<String> appEnvironment() {
        String yml = read(ROOT.resolve("src/main/resources/application.yml"));
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):").matcher(yml);
        while (m.find()) {
            names.add(m.group(1));
        }
        // Spring Boot's own datasource variables, documented at the top of application.yml
        for (String s : List.of("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD")) {
            if (!yml.contains(s)) {
                throw new AssertionError("application.yml no longer documents " + s);
            }
            names.add(s);
        }
        return names;
    }

    /** Variables the image and the JVM/DJL read besides the app's own (set in the Dockerfiles). */
    static final Set<String> RUNTIME_ENV = Set.of("JAVA_OPTS", "DJL_CACHE_DIR", "DJL_OFFLINE", "OPT_OUT_TRACKING", "PYTORCH_FLAVOR");

    /** The properties block of application.yml, as a tree. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> applicationYml() {
        return (Map<String, Object>) new Yaml().load(read(ROOT.resolve("src/main/resources/application.yml")));
    }

    @SuppressWarnings("unchecked")
    static Object at(Object node, String... path) {
        Object n = node;
        for (String p : path) {
            if (n instanceof Map<?, ?> m) {
                n = m.get(p);
            } else if (n instanceof List<?> l && p.matches("\\d+")) {
                n = l.get(Integer.parseInt(p));
            } else {
                return null;
            }
        }
        return n;
    }

    /** ${VAR:default} in application.yml → its default. */
    static String defaultOf(String placeholder) {
        Matcher m = Pattern.compile("\\$\\{[A-Z0-9_]+:(.*)}").matcher(placeholder);
        return m.matches() ? m.group(1) : placeholder;
    }

    static Map<String, Object> byKindName(List<Map<String, Object>> docs, String kind, String name) {
        for (Map<String, Object> d : docs) {
            if (kind.equals(d.get("kind")) && name.equals(at(d, "metadata", "name"))) {
                return d;
            }
        }
        throw new AssertionError("no " + kind + " " + name);
    }

    static Map<String, Object> copy(Map<String, Object> m) {
        return new LinkedHashMap<>(m);
    }
}
