package dev.yolotrain.engine.config;

/** A configuration file that cannot be used; the message names the file, line or key. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
