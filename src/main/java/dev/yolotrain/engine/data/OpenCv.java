package dev.yolotrain.engine.data;

/** Loads the OpenCV native library (bundled in org.openpnp:opencv) once per JVM. */
public final class OpenCv {

    private static volatile boolean loaded;

    private OpenCv() {}

    public static void load() {
        if (loaded) {
            return;
        }
        synchronized (OpenCv.class) {
            if (!loaded) {
                try {
                    nu.pattern.OpenCV.loadLocally();
                } catch (RuntimeException | LinkageError e) {
                    throw new IllegalStateException("cannot load the OpenCV native library: " + e.getMessage(), e);
                }
                loaded = true;
            }
        }
    }
}
