package dev.yolotrain.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolotrain.engine.checkpoint.Checkpoint;
import dev.yolotrain.engine.checkpoint.CheckpointFile;
import dev.yolotrain.engine.config.ConfigException;
import dev.yolotrain.engine.data.OpenCv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/** Really trains yolov5n for a few tiny CPU epochs: results, checkpoints, cancel and resume. */
class TrainerTest {
    @TempDir
    static Path dir;
    static Path data;

    @BeforeAll
    static void dataset() throws Exception {
        OpenCv.load();
        Random r = new Random(0);
        for (String split : List.of("train", "val")) {
            Files.createDirectories(dir.resolve("images/" + split));
            Files.createDirectories(dir.resolve("labels/" + split));
            int n = split.equals("train") ? 8 : 4;
            for (int i = 0; i < n; i++) {
                Mat im = new Mat(64, 64, org.opencv.core.CvType.CV_8UC3, new Scalar(200, 200, 200));
                StringBuilder labels = new StringBuilder();
                for (int k = 0; k < 2; k++) {
                    int cls = r.nextInt(2);
                    int w = 12 + r.nextInt(16);
                    int h = 12 + r.nextInt(16);
                    int x = r.nextInt(64 - w);
                    int y = r.nextInt(64 - h);
                    Imgproc.rectangle(im, new Point(x, y), new Point(x + w, y + h),
                            cls == 0 ? new Scalar(20, 20, 20) : new Scalar(30, 30, 220), -1);
                    labels.append(String.format(java.util.Locale.ROOT, "%d %.6f %.6f %.6f %.6f%n", cls, (x + w / 2.0) / 64,
                            (y + h / 2.0) / 64, w / 64.0, h / 64.0));
                }
                Imgcodecs.imwrite(dir.resolve("images/" + split + "/" + i + ".jpg").toString(), im);
                Files.writeString(dir.resolve("labels/" + split + "/" + i + ".txt"), labels);
            }
        }
        data = dir.resolve("data.yaml");
        Files.writeString(data, "path: " + dir + "\ntrain: images/train\nval: images/val\nnames: [dark, red]\n");
    }

    private static TrainOptions options(String name, int epochs, Path resume) {
        return options("", "yolov5n", name, epochs, resume);
    }

    private static TrainOptions options(String weights, String cfg, String name, int epochs, Path resume) {
        return new TrainOptions(weights, cfg, data, null, epochs, 4, 64, false, resume, false, false, false, null, false,
                "cpu", false, false, "SGD", 1, dir.resolve("runs"), name, false, false, 0.0, 100, List.of(0), -1, 0);
    }

    /** Stops at (epoch, batch) — batch 1-based as in Progress — and resumes to the end. */
    private static RunDirectory stopAndResume(String name, int epochs, int atEpoch, int atBatch) {
        StopSignal stop = new StopSignal();
        Recorder rec = new Recorder() {
            @Override
            public void onProgress(Progress p) {
                super.onProgress(p);
                if (p.epoch() == atEpoch && p.batch() == atBatch) {
                    stop.request();
                }
            }
        };
        RunDirectory run = new Trainer(rec, stop).run(options(name, epochs, null));
        assertEquals("cancelled", rec.statuses.get(rec.statuses.size() - 1));
        new Trainer(new Recorder(), new StopSignal()).run(options(name, epochs, run.last()));
        return run;
    }

    @Test
    void aRunStoppedMidEpochAndResumedEndsExactlyAsAnUninterruptedOne() throws Exception {
        // batch 4 of 8 images: 2 batches per epoch, and gradients accumulate over several batches (nominal 64)
        RunDirectory whole = new Trainer(new Recorder(), new StopSignal()).run(options("exact-whole", 3, null));
        List<String> want = Files.readAllLines(whole.results());
        Checkpoint wantLast = CheckpointFile.read(whole.last());
        // at epoch 2 batch 1 (global batch 4) warmup accumulates 2 batches: the stop leaves a gradient pending
        for (int[] at : new int[][] {{0, 1}, {1, 1}, {2, 1}}) {
            RunDirectory run = stopAndResume("exact-" + at[0] + "-" + at[1], 3, at[0], at[1]);
            assertEquals(want, Files.readAllLines(run.results()), "stopped at epoch " + at[0] + " batch " + at[1]);
            Checkpoint last = CheckpointFile.read(run.last());
            assertEquals(wantLast.model(), last.model(), "weights, stopped at epoch " + at[0] + " batch " + at[1]);
            assertEquals(wantLast.ema(), last.ema());
            assertEquals(wantLast.emaUpdates(), last.emaUpdates());
        }
    }

    @Test
    void startsFromAYolov5PtWithTheArchitectureItCarries() {
        // tools/make_pt_reference.py: YOLOv5 v7.0's train.py checkpoint layout, nc=3; this dataset has nc=2
        Recorder rec = new Recorder();
        new Trainer(rec, new StopSignal()).run(options("src/test/resources/pt/tiny_ckpt.pt", "", "from-pt", 1, null));
        assertEquals(1, rec.epochs.size());
        assertTrue(rec.logs.contains("Transferred 343/349 items from src/test/resources/pt/tiny_ckpt.pt"), rec.logs.toString());
        assertTrue(rec.logs.stream().anyMatch(l -> l.startsWith("31") && l.contains("parameters")), rec.logs.toString());
    }

    static class Recorder implements TrainListener {
        final List<EpochResult> epochs = new ArrayList<>();
        final List<EpochResult> recovered = new ArrayList<>();
        final List<String> statuses = new ArrayList<>();
        final List<String> logs = new ArrayList<>();
        int progress;

        @Override
        public void onStatus(String status, String detail) {
            statuses.add(status);
        }

        @Override
        public void onLog(String message) {
            logs.add(message);
        }

        @Override
        public void onProgress(Progress p) {
            progress++;
        }

        @Override
        public void onEpochEnd(EpochResult r) {
            epochs.add(r);
        }

        @Override
        public void onEpochRecovered(EpochResult r) {
            recovered.add(r);
        }
    }

    @Test
    void trainsWritesResultsAndCheckpoints() throws Exception {
        Recorder rec = new Recorder();
        RunDirectory run = new Trainer(rec, new StopSignal()).run(options("plain", 2, null));
        assertEquals(2, rec.epochs.size());
        assertEquals(4, rec.progress, "2 batches x 2 epochs");
        assertEquals("finished", rec.statuses.get(rec.statuses.size() - 1));
        List<String> csv = Files.readAllLines(run.results());
        assertEquals(3, csv.size(), "header + 2 epochs");
        assertEquals(14, csv.get(0).split(",").length);
        assertTrue(csv.get(0).trim().startsWith("epoch,"));
        Checkpoint last = CheckpointFile.read(run.last());
        assertEquals(1, last.epoch());
        assertTrue(last.optimizer().isEmpty(), "finished runs are stripped");
        assertTrue(last.ema() != null && last.emaUpdates() > 0);
        assertTrue(Files.exists(run.best()));
        assertTrue(Files.exists(run.dir().resolve("hyp.yaml")) && Files.exists(run.dir().resolve("opt.yaml")));
        assertTrue(rec.logs.stream().anyMatch(l -> l.trim().startsWith("all")), "final per-class table");
        // lr of the bias group falls from warmup_bias_lr, the others rise from 0
        assertTrue(rec.epochs.get(0).lr()[0] > rec.epochs.get(0).lr()[1]);
        // a finished run cannot be resumed
        ConfigException e = assertThrows(ConfigException.class,
                () -> new Trainer(new Recorder(), new StopSignal()).run(options("plain", 2, run.last())));
        assertTrue(e.getMessage().contains("finished"), e.getMessage());
    }

    @Test
    void cancelMidEpochSavesLastAndResumeCompletesEachEpochOnce() throws Exception {
        StopSignal stop = new StopSignal();
        Recorder rec = new Recorder() {
            @Override
            public void onProgress(Progress p) {
                super.onProgress(p);
                if (p.epoch() == 1 && p.batch() == 1) {
                    stop.request();
                }
            }
        };
        RunDirectory run = new Trainer(rec, stop).run(options("cancel", 3, null));
        assertEquals("cancelled", rec.statuses.get(rec.statuses.size() - 1));
        Checkpoint last = CheckpointFile.read(run.last());
        assertEquals(0, last.epoch(), "epoch 0 is the last one completed");
        assertEquals(1, last.state().nextBatch(), "epoch 1 goes on at its second batch on resume");
        assertFalse(last.optimizer().isEmpty(), "resumable");

        // the epoch log (written before each checkpoint) holds epoch 0 and the half-done epoch 1 left nothing
        assertEquals(1, Files.readAllLines(run.epochLog()).size());
        Recorder again = new Recorder();
        new Trainer(again, new StopSignal()).run(options("ignored", 3, run.last()));
        assertEquals(List.of(1, 2), again.epochs.stream().map(EpochResult::epoch).toList());
        // the resumed run reports the epoch its checkpoint covers again, with its original numbers
        assertEquals(1, again.recovered.size());
        assertEquals(rec.epochs.get(0).asMap(), again.recovered.get(0).asMap());
        assertEquals(3, Files.readAllLines(run.epochLog()).size());
        List<String> rows = Files.readAllLines(run.results());
        assertEquals(List.of("0", "1", "2"), rows.subList(1, rows.size()).stream().map(l -> l.split(",")[0].trim()).toList());
        assertEquals(2, CheckpointFile.read(run.last()).epoch());
    }
}
