package dev.yolotrain.service.config;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL refuses to run as root. When the service runs as root, the embedded server's
 * {@code initdb} and {@code pg_ctl} are replaced by small scripts that drop to an unprivileged user
 * with util-linux {@code setpriv}, and the data folder is handed to that user.
 */
final class RootPostgres {
    private static final Logger LOG = LoggerFactory.getLogger(RootPostgres.class);
    private final String user;

    RootPostgres(String user) {
        this.user = user;
    }

    static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Wraps the binaries and returns the data folder to use (owned by the unprivileged user). */
    Path prepare(Path binariesDir, Path data) throws IOException {
        String uid = run("id", "-u", user);
        String gid = run("id", "-g", user);
        File pgDir = extract(binariesDir);
        for (String tool : new String[] {"initdb", "pg_ctl"}) {
            wrap(pgDir.toPath().resolve("bin"), tool, uid, gid);
        }
        if (!reachable(data.getParent())) {
            Path fallback = Path.of(System.getProperty("java.io.tmpdir"), "yolotrain-postgres-"
                    + Integer.toHexString(data.toString().hashCode()));
            LOG.warn("{} is not reachable by user {}; the embedded PostgreSQL keeps its data in {}", data, user, fallback);
            data = fallback;
        }
        Files.createDirectories(data);
        run("chown", uid + ":" + gid, data.toString());
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
        return data;
    }

    private static File extract(Path binariesDir) throws IOException {
        try {
            Method m = EmbeddedPostgres.class.getDeclaredMethod("prepareBinaries", PgBinaryResolver.class, File.class);
            m.setAccessible(true);
            return (File) m.invoke(null, DefaultPostgresBinaryResolver.INSTANCE, binariesDir.toFile());
        } catch (ReflectiveOperationException e) {
            throw new IOException("cannot unpack the embedded PostgreSQL binaries: " + e, e);
        }
    }

    private static void wrap(Path bin, String tool, String uid, String gid) throws IOException {
        Path real = bin.resolve(tool + ".real");
        Path script = bin.resolve(tool);
        if (!Files.exists(real)) {
            Files.move(script, real);
        }
        String text = "#!/bin/sh\n# PostgreSQL refuses root: run as an unprivileged user (written by yolotrain)\ncd / && exec setpriv --reuid="
                + uid + " --regid=" + gid + " --clear-groups \"$(dirname \"$0\")/" + tool + ".real\" \"$@\"\n";
        Files.writeString(script, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** Every folder from / down to {@code dir} can be entered by others. */
    private static boolean reachable(Path dir) throws IOException {
        for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
                if (!perms.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String run(String... cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            if (p.waitFor() != 0) {
                throw new IOException(String.join(" ", cmd) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return out;
    }
}
