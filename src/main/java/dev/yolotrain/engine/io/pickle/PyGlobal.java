package dev.yolotrain.engine.io.pickle;

/** A name a pickle refers to (a class or function), e.g. {@code collections.OrderedDict}; never resolved. */
public record PyGlobal(String module, String name) {
    public String qualified() {
        return module + "." + name;
    }
}
