package dev.yolotrain.engine.train.optim;

import java.util.Locale;

/** YOLOv5's {@code --optimizer} choices that are supported. */
public enum OptimizerKind {
    /** torch.optim.SGD with nesterov=True. */
    SGD,
    /** torch.optim.Adam, betas (momentum, 0.999), L2 decay added to the gradient. */
    ADAM,
    /** torch.optim.AdamW, betas (momentum, 0.999), decoupled decay. */
    ADAMW;

    /** Parses YOLOv5's names (SGD, Adam, AdamW), ignoring case. */
    public static OptimizerKind parse(String name) {
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "SGD" -> SGD;
            case "ADAM" -> ADAM;
            case "ADAMW" -> ADAMW;
            default -> throw new IllegalArgumentException("unsupported optimizer '" + name + "' (SGD, Adam, AdamW)");
        };
    }
}
