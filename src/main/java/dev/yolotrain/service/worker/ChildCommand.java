package dev.yolotrain.service.worker;

import dev.yolotrain.Main;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;

/**
 * The java command that runs the engine in a child JVM: {@code java -jar <the Boot jar> train …} when
 * this process runs from the fat jar, else {@code java -cp <class path> dev.yolotrain.Main train …}.
 */
final class ChildCommand {
    private ChildCommand() {}

    static List<String> java(String javaBin, String jvmOptions, boolean parentDeathSignal) {
        List<String> cmd = new ArrayList<>();
        if (parentDeathSignal && new File("/usr/bin/setpriv").canExecute()) {
            // the child dies with this JVM even when it is killed with SIGKILL
            cmd.addAll(List.of("/usr/bin/setpriv", "--pdeathsig", "KILL", "--"));
        }
        cmd.add(javaBin == null || javaBin.isBlank() ? Path.of(System.getProperty("java.home"), "bin", "java").toString() : javaBin);
        if (jvmOptions != null && !jvmOptions.isBlank()) {
            cmd.addAll(Arrays.asList(jvmOptions.strip().split("\\s+")));
        }
        cmd.add("-Dai.djl.offline=true");
        String cp = System.getProperty("java.class.path");
        Path bootJar = bootJar(cp);
        if (bootJar != null) {
            cmd.add("-jar");
            cmd.add(bootJar.toString());
        } else {
            cmd.add("-cp");
            cmd.add(cp);
            cmd.add(Main.class.getName());
        }
        return cmd;
    }

    /** The Spring Boot executable jar this JVM was started from, if it was. */
    static Path bootJar(String classPath) {
        if (classPath == null || classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
            return null;
        }
        Path p = Path.of(classPath).toAbsolutePath();
        if (!Files.isRegularFile(p)) {
            return null;
        }
        try (JarFile jar = new JarFile(p.toFile())) {
            var mf = jar.getManifest();
            String main = mf == null ? null : mf.getMainAttributes().getValue("Main-Class");
            return main != null && main.startsWith("org.springframework.boot.loader") ? p : null;
        } catch (IOException e) {
            return null;
        }
    }
}
