package dev.yolotrain.engine.io.pickle;

/** A pickle this reader cannot or will not read, with the reason. */
public class PickleException extends RuntimeException {
    public PickleException(String message) {
        super(message);
    }
}
