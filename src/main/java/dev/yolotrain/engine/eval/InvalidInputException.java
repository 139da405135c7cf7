package dev.yolotrain.engine.eval;

/** An evaluation input that cannot be scored; the message says where and why, for a person. */
public final class InvalidInputException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }
}
