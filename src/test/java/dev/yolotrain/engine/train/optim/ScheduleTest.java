package dev.yolotrain.engine.train.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import dev.yolotrain.engine.io.HostTensor;
import dev.yolotrain.engine.io.Npz;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** LrSchedule, Warmup and NominalBatch against YOLOv5 train.py's formulas evaluated in Python/numpy. */
class ScheduleTest {
    private static final Map<String, HostTensor> REF = Npz.read(Tiny.DIR.resolve("schedule_ref.npz"));

    @ParameterizedTest
    @ValueSource(strings = {"A", "B", "C"})
    void matchesPythonFormulas(String key) {
        double[] c = Tiny.doubles(REF.get("cfg" + key));
        int epochs = (int) c[0];
        double lrf = c[1];
        boolean cos = c[2] != 0;
        double warmupEpochs = c[3];
        int nb = (int) c[4];
        int batch = (int) c[5];
        double lr0 = c[6];
        LrSchedule s = LrSchedule.of(cos, epochs, lrf);
        double[] lf = Tiny.doubles(REF.get("lf" + key));
        for (int e = 0; e <= epochs; e++) {
            assertEquals(lf[e], s.factor(e), 1e-15, "lf(" + e + ")");
            assertEquals(lr0 * lf[e], s.lr(lr0, e), 1e-15);
        }
        Warmup w = new Warmup(warmupEpochs, nb, batch, lr0, c[7], c[8], c[9], s);
        assertEquals((int) c[11], w.iterations(), "nw");
        assertEquals((int) c[12], NominalBatch.accumulate(batch), "accumulate");
        assertEquals(c[13], NominalBatch.scaledWeightDecay(c[10], batch), 1e-18, "scaled decay");
        double[] rows = Tiny.doubles(REF.get("warm" + key));
        double worst = 0;
        for (int r = 0; r < rows.length / 7; r++) {
            long ni = (long) rows[r * 7];
            int epoch = (int) rows[r * 7 + 1];
            assertEquals((int) rows[r * 7 + 2], w.accumulate(ni), "accumulate at ni=" + ni);
            for (int g = 0; g < 3; g++) {
                double d = Math.abs(rows[r * 7 + 3 + g] - w.lr(g, ni, epoch));
                worst = Math.max(worst, d);
                assertEquals(rows[r * 7 + 3 + g], w.lr(g, ni, epoch), 1e-15, "lr" + g + " at ni=" + ni);
            }
            assertEquals(rows[r * 7 + 6], w.momentum(ni), 1e-15, "momentum at ni=" + ni);
        }
        System.out.printf("schedule %s: %d warmup rows, max |lr diff| %.3g%n", key, rows.length / 7, worst);
    }

    @Test
    void halfEvenRounding() {
        // 2.5 warmup epochs x 41 batches = 102.5 -> 102; interp 2.5 -> 2 (Python round / numpy round)
        Warmup w = new Warmup(2.5, 41, 16, 0.01, 0.937, 0.8, 0.1, LrSchedule.linear(100, 0.01));
        assertEquals(102, w.iterations());
        Warmup w2 = new Warmup(3.0, 40, 16, 0.01, 0.937, 0.8, 0.1, LrSchedule.linear(100, 0.01));
        assertEquals(2, w2.accumulate(60)); // interp(60, [0,120], [1,4]) = 2.5
        assertEquals(100, new Warmup(0.0, 7, 16, 0.01, 0.937, 0.8, 0.1, LrSchedule.linear(100, 0.01)).iterations());
        assertEquals(1, NominalBatch.accumulate(128));
        assertEquals(2, NominalBatch.accumulate(32));
        assertEquals(4, NominalBatch.accumulate(16)); // round(4.0)
        assertEquals(2, NominalBatch.accumulate(26)); // round(2.46)
    }

    @Test
    void applySetsGroupsAndOnlyDuringWarmup() {
        Warmup w = new Warmup(1.0, 200, 16, 0.01, 0.937, 0.8, 0.1, LrSchedule.cosine(10, 0.1));
        try (NDManager m = NDManager.newBaseManager();
             YoloOptimizer opt = YoloOptimizer.create(OptimizerKind.SGD, ParamGroups.of(Tiny.KINDS, List.of()),
                     Tiny.params(m, Tiny.ref(), "init"), 0.01, 0.937, 0.0005)) {
            w.apply(opt, 0, 0);
            assertEquals(0.1, opt.lr(0));
            assertEquals(0.0, opt.lr(1));
            assertEquals(0.0, opt.lr(2));
            assertEquals(0.8, opt.momentum(1));
            w.apply(opt, 200, 1);
            assertEquals(0.01 * LrSchedule.cosine(10, 0.1).factor(1), opt.lr(2), 1e-18);
            assertEquals(0.937, opt.momentum(0));
            opt.setLr(0, 5);
            w.apply(opt, 201, 1);
            assertEquals(5.0, opt.lr(0), "after warmup apply changes nothing");
            LrSchedule.cosine(10, 0.1).apply(opt, 0.01, 3);
            assertEquals(0.01 * LrSchedule.cosine(10, 0.1).factor(3), opt.lrs()[0], 1e-18);
            assertEquals(0.0005, opt.weightDecay(ParamGroups.DECAY));
            assertEquals(0.0, opt.weightDecay(ParamGroups.BIAS));
            assertEquals(0.0, opt.weightDecay(ParamGroups.BN_WEIGHT));
        }
    }
}
