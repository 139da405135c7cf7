package dev.yolotrain.engine.model;

/** What a state-dict entry is; decides its initial value, whether it trains, and its optimizer group. */
public enum ParamKind {
    /** Convolution kernel: trained, weight decay applies. */
    CONV_WEIGHT,
    /** Convolution bias: trained, no decay. */
    CONV_BIAS,
    /** BatchNorm scale: trained, no decay. */
    BN_WEIGHT,
    /** BatchNorm shift: trained, no decay. */
    BN_BIAS,
    /** BatchNorm running mean (buffer). */
    BN_MEAN,
    /** BatchNorm running variance (buffer). */
    BN_VAR,
    /** Detect anchors in grid units, (nl, na, 2) (buffer). */
    ANCHORS;

    public boolean trainable() {
        return this == CONV_WEIGHT || this == CONV_BIAS || this == BN_WEIGHT || this == BN_BIAS;
    }
}
