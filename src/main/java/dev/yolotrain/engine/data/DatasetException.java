package dev.yolotrain.engine.data;

/** A dataset that cannot be used: unreadable data.yaml, a missing split, a class id ≥ nc. The message names the file. */
public class DatasetException extends RuntimeException {
    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
