package dev.yolotrain.engine.data;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Scans the splits of a dataset: finds the images and their label files, verifies each on a thread
 * pool (see {@link ImageCheck}), and reports found / missing / empty / corrupt / duplicates and the
 * instances per class. The per-image results are cached per split ({@link ScanCache}) next to the
 * split's labels folder (or list file), or in a fallback folder when that is not writable; a second
 * scan of unchanged files reads the cache and decodes nothing. The class-id check (id ≥ nc is fatal)
 * runs on every scan, cached or not.
 */
public final class DatasetScanner {

    private final int workers;
    private final boolean cache;
    private final Path fallbackCacheDir;
    private final LongAdder decodes = new LongAdder();

    private DatasetScanner(Builder b) {
        this.workers = b.workers;
        this.cache = b.cache;
        this.fallbackCacheDir = b.fallbackCacheDir;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Scans every split of the data.yaml (train, val, test when given). */
    public DatasetReport scan(DataConfig config) {
        Map<String, SplitReport> splits = new LinkedHashMap<>();
        config.splits().forEach((name, sources) -> splits.put(name, scanSplit(name, sources, config.nc())));
        return new DatasetReport(config, splits);
    }

    /** Scans one split against {@code nc} classes. */
    public SplitReport scanSplit(String name, List<Path> sources, int nc) {
        List<Path> images;
        try {
            images = SplitFiles.images(name, sources);
        } catch (DatasetException e) {
            return SplitSummary.failed(name, sources, nc, new Problem(null, sources.isEmpty() ? null : sources.get(0), e.getMessage()));
        }
        if (images.isEmpty()) {
            return SplitSummary.failed(name, sources, nc,
                    new Problem(null, sources.isEmpty() ? null : sources.get(0), name + ": no images found in " + sources));
        }
        List<Path> labels = images.stream().map(SplitFiles::labelFor).toList();
        List<String> warnings = new ArrayList<>();
        if (!cache) {
            return SplitSummary.of(name, sources, nc, check(images, labels), warnings, null, false);
        }
        Path primary = primaryCacheFile(sources, labels.get(0));
        Path fallback = fallbackCacheDir.resolve(name + "-" + shortHash(primary.toString()) + ScanCache.SUFFIX);
        String hash = ScanCache.hash(images, labels);
        for (Path f : new Path[] {primary, fallback}) {
            List<ScanEntry> cached = ScanCache.read(f, hash, images);
            if (cached != null) {
                return SplitSummary.of(name, sources, nc, cached, warnings, f, true);
            }
        }
        List<ScanEntry> entries = check(images, labels);
        Path written = primary;
        if (!ScanCache.write(primary, hash, entries)) {
            written = ScanCache.write(fallback, hash, entries) ? fallback : null;
            warnings.add("cache: cannot write " + primary + (written == null ? "; not cached" : "; cached in " + fallback));
        }
        return SplitSummary.of(name, sources, nc, entries, warnings, written, false);
    }

    /** Images decoded so far by this scanner (the cache test's hook). */
    long decodes() {
        return decodes.sum();
    }

    private List<ScanEntry> check(List<Path> images, List<Path> labels) {
        ImageCheck checker = new ImageCheck(decodes);
        int n = Math.max(1, Math.min(workers, images.size()));
        ExecutorService pool = Executors.newFixedThreadPool(n, daemonThreads());
        try {
            List<Future<ScanEntry>> futures = new ArrayList<>(images.size());
            for (int i = 0; i < images.size(); i++) {
                Path im = images.get(i);
                Path lb = labels.get(i);
                futures.add(pool.submit(() -> {
                    try {
                        return checker.check(im, lb);
                    } catch (RuntimeException e) {
                        return ScanEntry.corrupt(im, lb, Files.isRegularFile(lb), im, "cannot check image: " + e.getMessage(), -1);
                    }
                }));
            }
            List<ScanEntry> out = new ArrayList<>(images.size());
            for (Future<ScanEntry> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatasetException("dataset scan interrupted");
        } catch (ExecutionException e) {
            throw new DatasetException("dataset scan failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** A single list file → beside it; otherwise beside the labels folder of the first image. */
    private static Path primaryCacheFile(List<Path> sources, Path firstLabel) {
        if (sources.size() == 1 && Files.isRegularFile(sources.get(0)) && !SplitFiles.isImage(sources.get(0))) {
            Path list = sources.get(0).toAbsolutePath().normalize();
            String n = list.getFileName().toString();
            int dot = n.lastIndexOf('.');
            return list.resolveSibling((dot > 0 ? n.substring(0, dot) : n) + ScanCache.SUFFIX);
        }
        Path dir = firstLabel.getParent();
        return dir.resolveSibling(dir.getFileName() + ScanCache.SUFFIX);
    }

    private static String shortHash(String s) {
        return ScanCache.sha256(s.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "yolotrain-scan-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Settings of a {@link DatasetScanner}; every one is optional. */
    public static final class Builder {
        private int workers = Math.min(8, Runtime.getRuntime().availableProcessors());
        private boolean cache = true;
        private Path fallbackCacheDir = Path.of(System.getProperty("java.io.tmpdir"), "yolotrain-cache");

        private Builder() {}

        /** Threads that check images (default min(8, CPUs), as YOLOv5). */
        public Builder optWorkers(int workers) {
            if (workers < 1) {
                throw new IllegalArgumentException("workers must be >= 1, got " + workers);
            }
            this.workers = workers;
            return this;
        }

        /** Read and write the scan cache (default true). */
        public Builder optCache(boolean cache) {
            this.cache = cache;
            return this;
        }

        /** Where the cache goes when the dataset folder is not writable (default java.io.tmpdir/yolotrain-cache). */
        public Builder optFallbackCacheDir(Path dir) {
            this.fallbackCacheDir = dir;
            return this;
        }

        public DatasetScanner build() {
            return new DatasetScanner(this);
        }
    }
}
