package dev.yolotrain.engine.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * The loader's small JNI library (src/main/native: JPEG decoding through the system's libjpeg-turbo),
 * bundled in the jar when the build machine had gcc and libjpeg-turbo's headers. When it is missing or cannot load, {@link #available()} is false and the loader does the same
 * work with OpenCV, to the same pixels, more slowly; {@code -Dyolotrain.native=false} forces that.
 */
public final class NativeLibrary {

    private static final String NAME = "yolotrain_native";
    private static final Object LOCK = new Object();
    private static volatile Boolean available;
    private static String unavailableReason = "";

    private NativeLibrary() {}

    /** True when the library is loaded (loads it on the first call). */
    public static boolean available() {
        Boolean a = available;
        if (a == null) {
            synchronized (LOCK) {
                if (available == null) {
                    available = load();
                }
                a = available;
            }
        }
        return a;
    }

    /** Why {@link #available()} is false ("" when it is true). */
    public static String unavailableReason() {
        available();
        return unavailableReason;
    }

    private static boolean load() {
        if (!Boolean.parseBoolean(System.getProperty("yolotrain.native", "true"))) {
            unavailableReason = "disabled by -Dyolotrain.native=false";
            return false;
        }
        String platform = platform();
        String resource = "/native/" + platform + "/lib" + NAME + ".so";
        try (InputStream in = NativeLibrary.class.getResourceAsStream(resource)) {
            if (in == null) {
                unavailableReason = "not built for " + platform + " (needs gcc and libjpeg-turbo's headers at build time)";
                return false;
            }
            OpenCv.load(); // its functions read and write OpenCV images
            Path dir = Files.createTempDirectory("yolotrain-native");
            Path lib = dir.resolve("lib" + NAME + ".so");
            Files.copy(in, lib, StandardCopyOption.REPLACE_EXISTING);
            try {
                System.load(lib.toString());
            } finally { // the mapping stays valid after the file is gone
                Files.deleteIfExists(lib);
                Files.deleteIfExists(dir);
            }
            return true;
        } catch (IOException | LinkageError e) {
            unavailableReason = "cannot load: " + e.getMessage();
            return false;
        }
    }

    private static String platform() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String a = arch.equals("amd64") ? "x86_64" : arch;
        return (os.contains("linux") ? "linux" : os.replace(' ', '-')) + "-" + a;
    }
}
