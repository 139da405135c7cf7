package dev.yolotrain.engine.loss;

/**
 * The loss settings of a hyp.yaml plus the label-smoothing option.
 *
 * <p>Values as written in hyp.yaml are "raw"; {@link #scaled(int, int, int)} applies the scaling
 * YOLOv5's training applies before it builds its loss (gains relative to 3 levels, 80 classes and
 * 640-pixel images). {@link YoloLoss} takes the scaled values.
 *
 * @param box box (CIoU) loss gain
 * @param cls class loss gain
 * @param clsPw class BCE positive weight
 * @param obj objectness loss gain
 * @param objPw objectness BCE positive weight
 * @param anchorT a target matches an anchor when no side ratio (either way) reaches this
 * @param flGamma focal loss gamma; 0 turns focal loss off
 * @param labelSmoothing epsilon: class targets become 1 − ε/2 and ε/2
 */
public record LossHyp(
        double box, double cls, double clsPw, double obj, double objPw, double anchorT, double flGamma, double labelSmoothing) {

    public LossHyp {
        requireFinite("box", box, 0);
        requireFinite("cls", cls, 0);
        requireFinite("cls_pw", clsPw, 0);
        requireFinite("obj", obj, 0);
        requireFinite("obj_pw", objPw, 0);
        requireFinite("fl_gamma", flGamma, 0);
        if (!(anchorT > 1) || Double.isInfinite(anchorT)) {
            throw new IllegalArgumentException("anchor_t must be a finite number > 1, got " + anchorT);
        }
        if (!(labelSmoothing >= 0 && labelSmoothing < 1)) {
            throw new IllegalArgumentException("label_smoothing must be in [0, 1), got " + labelSmoothing);
        }
    }

    /** The loss values of YOLOv5's hyp.scratch-low.yaml, no label smoothing. */
    public static LossHyp scratchLow() {
        return new LossHyp(0.05, 0.5, 1.0, 1.0, 1.0, 4.0, 0.0, 0.0);
    }

    /**
     * The gains as training uses them: box × 3/nl, cls × nc/80 × 3/nl, obj × (imgsz/640)² × 3/nl.
     *
     * @param nl number of detection levels
     * @param nc number of classes
     * @param imgsz training image size in pixels
     */
    public LossHyp scaled(int nl, int nc, int imgsz) {
        if (nl < 1 || nc < 1 || imgsz < 1) {
            throw new IllegalArgumentException("nl, nc and imgsz must be positive: " + nl + ", " + nc + ", " + imgsz);
        }
        double layers = 3.0 / nl;
        double size = imgsz / 640.0;
        return new LossHyp(box * layers, cls * nc / 80.0 * layers, clsPw, obj * size * size * layers, objPw, anchorT, flGamma,
                labelSmoothing);
    }

    public LossHyp withLabelSmoothing(double eps) {
        return new LossHyp(box, cls, clsPw, obj, objPw, anchorT, flGamma, eps);
    }

    private static void requireFinite(String name, double v, double min) {
        if (!(v >= min) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be a finite number >= " + min + ", got " + v);
        }
    }
}
