package dev.yolotrain.engine.io.pickle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A Python object from a pickle, kept as data: its class's qualified name, the arguments it was built from,
 * and the state BUILD gave it (usually its {@code __dict__}). Nothing is ever instantiated from a name.
 */
public final class PyObject {
    private final String type;
    private final List<Object> args;
    private Object state;

    PyObject(String type, List<Object> args) {
        this.type = type;
        this.args = Collections.unmodifiableList(new ArrayList<>(args));
    }

    /** "module.Name", e.g. "models.common.Conv". */
    public String type() {
        return type;
    }

    /** Constructor / reduce arguments (null for None). */
    public List<Object> args() {
        return args;
    }

    /** What BUILD set: a dict for ordinary objects, null when there was none. */
    public Object state() {
        return state;
    }

    void setState(Object state) {
        this.state = state;
    }

    @Override
    public String toString() {
        return type + "(...)";
    }
}
