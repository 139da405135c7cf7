package dev.yolotrain.engine.eval;

/** An axis-aligned box given by its corners (x1, y1) top-left and (x2, y2) bottom-right, in pixels. */
public interface Xyxy {
    double x1();

    double y1();

    double x2();

    double y2();

    /** Width × height; 0 for a degenerate box. */
    default double area() {
        return Math.max(0, x2() - x1()) * Math.max(0, y2() - y1());
    }
}
