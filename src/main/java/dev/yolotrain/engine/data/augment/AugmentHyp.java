package dev.yolotrain.engine.data.augment;

import dev.yolotrain.engine.config.Hyp;

/**
 * The augmentation part of the hyperparameters, with YOLOv5's meaning.
 *
 * @param hsvH hue gain: the hue is multiplied by 1 + uniform(-hsvH, hsvH)
 * @param hsvS saturation gain (same rule)
 * @param hsvV value gain (same rule)
 * @param degrees rotation drawn from uniform(-degrees, degrees)
 * @param translate shift drawn from uniform(0.5 - t, 0.5 + t) times the output size, about the centre
 * @param scale zoom drawn from uniform(1 - scale, 1 + scale)
 * @param shear x and y shear angles drawn from uniform(-shear, shear) degrees
 * @param perspective x and y perspective terms drawn from uniform(-p, p)
 * @param flipud probability of an up-down flip
 * @param fliplr probability of a left-right flip
 * @param mosaic probability of a 4-image mosaic (training, non-rect)
 * @param mixup probability of mixing a mosaic with a second mosaic
 */
public record AugmentHyp(double hsvH, double hsvS, double hsvV, double degrees, double translate, double scale,
        double shear, double perspective, double flipud, double fliplr, double mosaic, double mixup) {

    public static AugmentHyp from(Hyp h) {
        return new AugmentHyp(h.get("hsv_h"), h.get("hsv_s"), h.get("hsv_v"), h.get("degrees"), h.get("translate"),
                h.get("scale"), h.get("shear"), h.get("perspective"), h.get("flipud"), h.get("fliplr"),
                h.get("mosaic"), h.get("mixup"));
    }

    /** YOLOv5's hyp.scratch-low values. */
    public static AugmentHyp defaults() {
        return from(Hyp.defaults());
    }

    /** Everything off: no colour or geometric change, no mosaic. */
    public static AugmentHyp none() {
        return new AugmentHyp(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    public RandomPerspective perspectiveTransform() {
        return new RandomPerspective(degrees, translate, scale, shear, perspective);
    }
}
