package dev.yolotrain.engine.io.pickle;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A pickle reader (protocols 2–5, binary opcodes) that only builds data and never runs or instantiates
 * anything: classes become {@link PyGlobal} names, objects {@link PyObject}s holding their arguments and
 * state. Callers may map chosen callables (by qualified name) to functions of their arguments, e.g.
 * torch's tensor rebuild functions, and resolve persistent ids. None is null, tuples are unmodifiable
 * lists, lists are lists, dicts are insertion-ordered maps, ints are Long (BigInteger when larger), floats
 * Double, str String and bytes byte[].
 */
public final class Unpickler {

    private final byte[] data;
    private int pos;
    private final Map<String, Function<List<Object>, Object>> reducers;
    private final Function<Object, Object> persistent;
    private final List<Object> stack = new ArrayList<>();
    private final Deque<Integer> marks = new ArrayDeque<>();
    private final Map<Long, Object> memo = new HashMap<>();

    /**
     * @param reducers functions for REDUCE of these callables ("module.name" → args → value); others give PyObjects
     * @param persistent resolves BINPERSID ids (null: a persistent id is an error)
     */
    public Unpickler(byte[] data, Map<String, Function<List<Object>, Object>> reducers, Function<Object, Object> persistent) {
        this.data = data;
        this.reducers = reducers;
        this.persistent = persistent;
    }

    /** The pickled value. */
    public Object load() {
        while (true) {
            int op = u8();
            switch (op) {
                case 0x80 -> { // PROTO
                    int v = u8();
                    if (v < 2 || v > 5) {
                        throw fail("pickle protocol " + v + " is not supported (2 to 5 are)");
                    }
                }
                case 0x95 -> skip(8); // FRAME: a length hint
                case 0x2e -> { // STOP
                    if (stack.size() != 1) {
                        throw fail("STOP with " + stack.size() + " values on the stack");
                    }
                    return stack.get(0);
                }
                case 0x28 -> marks.push(stack.size()); // MARK
                case 0x30 -> pop(); // POP
                case 0x31 -> popMark(); // POP_MARK
                case 0x32 -> push(peek()); // DUP
                case 0x4e -> push(null); // NONE
                case 0x88 -> push(Boolean.TRUE); // NEWTRUE
                case 0x89 -> push(Boolean.FALSE); // NEWFALSE
                case 0x4a -> push((long) i32()); // BININT
                case 0x4b -> push((long) u8()); // BININT1
                case 0x4d -> push((long) (u8() | u8() << 8)); // BININT2
                case 0x8a -> push(longLE(u8())); // LONG1
                case 0x8b -> push(longLE(len(i32()))); // LONG4
                case 0x47 -> push(Double.longBitsToDouble(i64BigEndian())); // BINFLOAT
                case 0x58 -> push(utf8(len(i32()))); // BINUNICODE
                case 0x8c -> push(utf8(u8())); // SHORT_BINUNICODE
                case 0x8d -> push(utf8(len(i64()))); // BINUNICODE8
                case 0x54 -> push(latin1(len(i32()))); // BINSTRING (Python 2 str)
                case 0x55 -> push(latin1(u8())); // SHORT_BINSTRING
                case 0x42 -> push(bytes(len(i32()))); // BINBYTES
                case 0x43 -> push(bytes(u8())); // SHORT_BINBYTES
                case 0x8e -> push(bytes(len(i64()))); // BINBYTES8
                case 0x96 -> push(bytes(len(i64()))); // BYTEARRAY8
                case 0x29 -> push(tuple(List.of())); // EMPTY_TUPLE
                case 0x74 -> push(tuple(popMark())); // TUPLE
                case 0x85 -> push(tuple(popN(1))); // TUPLE1
                case 0x86 -> push(tuple(popN(2))); // TUPLE2
                case 0x87 -> push(tuple(popN(3))); // TUPLE3
                case 0x5d -> push(new ArrayList<>()); // EMPTY_LIST
                case 0x6c -> push(new ArrayList<>(popMark())); // LIST
                case 0x61 -> { // APPEND
                    Object v = pop();
                    list(peek()).add(v);
                }
                case 0x65 -> { // APPENDS
                    List<Object> items = popMark();
                    list(peek()).addAll(items);
                }
                case 0x7d -> push(new LinkedHashMap<>()); // EMPTY_DICT
                case 0x64 -> { // DICT
                    Map<Object, Object> m = new LinkedHashMap<>();
                    putAll(m, popMark());
                    push(m);
                }
                case 0x73 -> { // SETITEM
                    Object v = pop();
                    Object k = pop();
                    dict(peek()).put(k, v);
                }
                case 0x75 -> { // SETITEMS
                    List<Object> items = popMark();
                    putAll(dict(peek()), items);
                }
                case 0x8f -> push(new LinkedHashSet<>()); // EMPTY_SET
                case 0x90 -> { // ADDITEMS
                    List<Object> items = popMark();
                    set(peek()).addAll(items);
                }
                case 0x91 -> push(Collections.unmodifiableSet(new LinkedHashSet<>(popMark()))); // FROZENSET
                case 0x63 -> push(new PyGlobal(line(), line())); // GLOBAL
                case 0x93 -> { // STACK_GLOBAL
                    Object name = pop();
                    Object module = pop();
                    if (!(module instanceof String m) || !(name instanceof String n)) {
                        throw fail("STACK_GLOBAL needs two strings");
                    }
                    push(new PyGlobal(m, n));
                }
                case 0x52 -> { // REDUCE
                    Object args = pop();
                    push(call(pop(), args));
                }
                case 0x81 -> { // NEWOBJ
                    Object args = pop();
                    push(new PyObject(name(pop()), list(args)));
                }
                case 0x92 -> { // NEWOBJ_EX
                    pop(); // kwargs
                    Object args = pop();
                    push(new PyObject(name(pop()), list(args)));
                }
                case 0x62 -> { // BUILD
                    Object state = pop();
                    Object target = peek();
                    if (target instanceof PyObject o) {
                        o.setState(state);
                    } else if (target instanceof Map<?, ?> && state instanceof Map<?, ?> s) {
                        dict(target).putAll(s);
                    }
                }
                case 0x51 -> { // BINPERSID
                    if (persistent == null) {
                        throw fail("persistent id without a resolver");
                    }
                    push(persistent.apply(pop()));
                }
                case 0x71 -> memo.put((long) u8(), peek()); // BINPUT
                case 0x72 -> memo.put((long) i32() & 0xFFFFFFFFL, peek()); // LONG_BINPUT
                case 0x94 -> memo.put((long) memo.size(), peek()); // MEMOIZE
                case 0x68 -> push(memoGet(u8())); // BINGET
                case 0x6a -> push(memoGet((long) i32() & 0xFFFFFFFFL)); // LONG_BINGET
                default -> throw fail(String.format("unsupported pickle opcode 0x%02x", op));
            }
        }
    }

    private Object call(Object callable, Object args) {
        if (!(callable instanceof PyGlobal g)) {
            throw fail("REDUCE of something that is not a global: " + callable);
        }
        List<Object> a = list(args);
        Function<List<Object>, Object> f = reducers.get(g.qualified());
        if (f != null) {
            return f.apply(a);
        }
        switch (g.qualified()) {
            case "collections.OrderedDict", "builtins.dict" -> {
                return new LinkedHashMap<>();
            }
            case "builtins.set" -> {
                return new LinkedHashSet<>(a.isEmpty() ? List.of() : list(a.get(0)));
            }
            case "_codecs.encode" -> { // how protocol 2 pickles Python 3 bytes
                if (a.size() == 2 && a.get(0) instanceof String s) {
                    return s.getBytes(StandardCharsets.ISO_8859_1);
                }
                return new PyObject(g.qualified(), a);
            }
            default -> {
                return new PyObject(g.qualified(), a);
            }
        }
    }

    private static String name(Object cls) {
        if (cls instanceof PyGlobal g) {
            return g.qualified();
        }
        throw new PickleException("NEWOBJ of something that is not a class: " + cls);
    }

    private static List<Object> tuple(List<Object> items) {
        return Collections.unmodifiableList(new ArrayList<>(items));
    }

    private static void putAll(Map<Object, Object> m, List<Object> items) {
        if (items.size() % 2 != 0) {
            throw new PickleException("odd number of dict items");
        }
        for (int i = 0; i < items.size(); i += 2) {
            m.put(items.get(i), items.get(i + 1));
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object> list(Object o) {
        if (o instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw fail("expected a list or tuple, got " + type(o));
    }

    @SuppressWarnings("unchecked")
    private Map<Object, Object> dict(Object o) {
        if (o instanceof Map<?, ?> m) {
            return (Map<Object, Object>) m;
        }
        throw fail("expected a dict, got " + type(o));
    }

    @SuppressWarnings("unchecked")
    private Set<Object> set(Object o) {
        if (o instanceof Set<?> s) {
            return (Set<Object>) s;
        }
        throw fail("expected a set, got " + type(o));
    }

    private static String type(Object o) {
        return o == null ? "None" : o.getClass().getSimpleName();
    }

    private Object memoGet(long i) {
        if (!memo.containsKey(i)) {
            throw fail("memo entry " + i + " is not set");
        }
        return memo.get(i);
    }

    private void push(Object o) {
        stack.add(o);
    }

    private Object pop() {
        if (stack.isEmpty() || (!marks.isEmpty() && stack.size() <= marks.peek())) {
            throw fail("stack underflow");
        }
        return stack.remove(stack.size() - 1);
    }

    private Object peek() {
        if (stack.isEmpty()) {
            throw fail("stack underflow");
        }
        return stack.get(stack.size() - 1);
    }

    private List<Object> popN(int n) {
        List<Object> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(0, pop());
        }
        return out;
    }

    private List<Object> popMark() {
        if (marks.isEmpty()) {
            throw fail("no MARK on the stack");
        }
        int m = marks.pop();
        List<Object> items = new ArrayList<>(stack.subList(m, stack.size()));
        stack.subList(m, stack.size()).clear();
        return items;
    }

    private int u8() {
        if (pos >= data.length) {
            throw fail("unexpected end of the pickle");
        }
        return data[pos++] & 0xFF;
    }

    private int i32() {
        return u8() | u8() << 8 | u8() << 16 | u8() << 24;
    }

    private long i64() {
        long lo = i32() & 0xFFFFFFFFL;
        long hi = i32() & 0xFFFFFFFFL;
        return lo | hi << 32;
    }

    private long i64BigEndian() {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = v << 8 | u8();
        }
        return v;
    }

    private int len(long n) {
        if (n < 0 || n > data.length - pos) {
            throw fail("length " + n + " runs past the end of the pickle");
        }
        return (int) n;
    }

    private byte[] bytes(int n) {
        int k = len(n);
        byte[] b = java.util.Arrays.copyOfRange(data, pos, pos + k);
        pos += k;
        return b;
    }

    private void skip(int n) {
        pos += len(n);
    }

    private String utf8(int n) {
        return new String(bytes(n), StandardCharsets.UTF_8);
    }

    private String latin1(int n) {
        return new String(bytes(n), StandardCharsets.ISO_8859_1);
    }

    private Object longLE(int n) {
        byte[] le = bytes(n);
        if (n == 0) {
            return 0L;
        }
        byte[] be = new byte[n];
        for (int i = 0; i < n; i++) {
            be[i] = le[n - 1 - i];
        }
        BigInteger v = new BigInteger(be);
        return v.bitLength() < 64 ? (Object) v.longValue() : v;
    }

    private String line() {
        int start = pos;
        while (pos < data.length && data[pos] != '\n') {
            pos++;
        }
        if (pos >= data.length) {
            throw fail("unterminated GLOBAL name");
        }
        String s = new String(data, start, pos - start, StandardCharsets.UTF_8);
        pos++;
        return s;
    }

    private PickleException fail(String what) {
        return new PickleException(what + " (at byte " + pos + ")");
    }
}
