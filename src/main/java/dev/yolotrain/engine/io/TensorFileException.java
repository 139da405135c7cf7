package dev.yolotrain.engine.io;

/** A tensor file could not be read or written; the message names the file (and entry) and the problem. */
public class TensorFileException extends RuntimeException {

    public TensorFileException(String message) {
        super(message);
    }

    public TensorFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
