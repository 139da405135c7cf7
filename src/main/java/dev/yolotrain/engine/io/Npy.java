package dev.yolotrain.engine.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes one numpy .npy array: magic "\x93NUMPY", version, header length, a Python dict
 * literal {'descr', 'fortran_order', 'shape'}, then the raw elements.
 */
public final class Npy {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** numpy itself refuses headers over 10 KB by default; allow more, but not an absurd allocation. */
    private static final int MAX_HEADER_BYTES = 1 << 20;
    private static final Set<String> HEADER_KEYS = Set.of("descr", "fortran_order", "shape");

    private Npy() {
    }

    /** Reads one array; errors name it "npy stream". */
    public static HostTensor read(InputStream in) {
        return read(in, "npy stream", -1);
    }

    /** Reads one array; {@code name} (a file or zip entry) is used in error messages. */
    public static HostTensor read(InputStream in, String name) {
        return read(in, name, -1);
    }

    /**
     * @param available bytes the stream holds, if known (else -1): a header that promises more data
     *                  is reported as truncated before a large array is allocated
     */
    static HostTensor read(InputStream in, String name, long available) {
        try {
            byte[] pre = in.readNBytes(8);
            if (pre.length < 8 || !Arrays.equals(Arrays.copyOf(pre, 6), MAGIC)) {
                throw fail(name, "not a .npy array (missing \\x93NUMPY magic)");
            }
            int major = pre[6] & 0xff;
            int minor = pre[7] & 0xff;
            long headerLen;
            int prefix;
            if (major == 1) {
                byte[] b = readExactly(in, 2, name, "header length");
                headerLen = (b[0] & 0xff) | (b[1] & 0xff) << 8;
                prefix = 10;
            } else if (major == 2 || major == 3) {
                byte[] b = readExactly(in, 4, name, "header length");
                headerLen = (b[0] & 0xffL) | (b[1] & 0xffL) << 8 | (b[2] & 0xffL) << 16 | (b[3] & 0xffL) << 24;
                prefix = 12;
            } else {
                throw fail(name, "unsupported .npy format version " + major + "." + minor);
            }
            if (headerLen > MAX_HEADER_BYTES) {
                throw fail(name, "header length " + headerLen + " is implausibly large");
            }
            byte[] hb = readExactly(in, (int) headerLen, name, "header");
            // version 3 allows UTF-8 (field names); 1 and 2 are latin-1
            String header = new String(hb, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);

            Map<?, ?> dict = parseHeader(header, name);
            Descr descr = descr(dict.get("descr"), name);
            long[] shape = shape(dict.get("shape"), name);
            Object fortran = dict.get("fortran_order");
            if (!(fortran instanceof Boolean)) {
                throw fail(name, "'fortran_order' is not True or False: " + fortran);
            }
            if ((Boolean) fortran && shape.length > 1) {
                throw fail(name, "Fortran-order (column-major) arrays with " + shape.length
                        + " dimensions are not supported; save with np.ascontiguousarray");
            }

            long bytes;
            try {
                bytes = HostTensor.byteSizeOf(descr.type, shape);
            } catch (IllegalArgumentException e) {
                throw fail(name, e.getMessage());
            }
            if (available >= 0 && bytes > available - prefix - headerLen) {
                throw fail(name, "file truncated: shape " + Arrays.toString(shape) + " of " + descr.type
                        + " needs " + bytes + " data bytes, only " + Math.max(0, available - prefix - headerLen)
                        + " present");
            }
            byte[] data = new byte[(int) bytes];
            int got = in.readNBytes(data, 0, data.length);
            if (got < data.length) {
                throw fail(name, "file truncated: expected " + bytes + " data bytes, got " + got);
            }
            if (descr.bigEndian) {
                swapBytes(data, descr.type.byteSize());
            }
            return HostTensor.wrap(descr.type, shape, data);
        } catch (IOException e) {
            throw new TensorFileException(name + ": cannot read: " + e, e);
        }
    }

    /** Writes one array in format version 1.0 (2.0 if the header is too long), little-endian. */
    public static void write(OutputStream out, HostTensor tensor) throws IOException {
        out.write(header(tensor, "npy stream"));
        out.write(tensor.rawData());
    }

    /** Magic, version, length and padded header; the data goes right after it. */
    static byte[] header(HostTensor t, String name) {
        String descr = switch (t.type()) {
            case F32 -> "<f4";
            case F16 -> "<f2";
            case F64 -> "<f8";
            case I64 -> "<i8";
            case I32 -> "<i4";
            case I16 -> "<i2";
            case I8 -> "|i1";
            case U8 -> "|u1";
            case BOOL -> "|b1";
            case BF16 -> throw fail(name, "BF16 has no numpy dtype; convert to F32 before writing .npy/.npz");
        };
        long[] shape = t.shape();
        StringBuilder sb = new StringBuilder("{'descr': '").append(descr)
                .append("', 'fortran_order': False, 'shape': (");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i > 0 ? ", " : "").append(shape[i]);
        }
        sb.append(shape.length == 1 ? ",), }" : "), }");
        // numpy pads so that the data starts 64-byte aligned, ending the header with '\n'
        int prefix = sb.length() + 1 + 64 > 0xffff ? 12 : 10; // v1 length field is 16 bits
        while ((prefix + sb.length() + 1) % 64 != 0) {
            sb.append(' ');
        }
        sb.append('\n');
        byte[] h = sb.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[prefix + h.length];
        System.arraycopy(MAGIC, 0, out, 0, 6);
        out[6] = (byte) (prefix == 10 ? 1 : 2);
        out[7] = 0;
        int len = h.length;
        out[8] = (byte) len;
        out[9] = (byte) (len >>> 8);
        if (prefix == 12) {
            out[10] = (byte) (len >>> 16);
            out[11] = (byte) (len >>> 24);
        }
        System.arraycopy(h, 0, out, prefix, h.length);
        return out;
    }

    private record Descr(TensorType type, boolean bigEndian) {
    }

    private static Map<?, ?> parseHeader(String header, String name) {
        Object v;
        try {
            v = PyLiteral.parse(header);
        } catch (PyLiteral.SyntaxError e) {
            throw fail(name, "malformed header " + quote(header) + ": " + e.getMessage());
        }
        if (!(v instanceof Map<?, ?> dict) || !dict.keySet().equals(HEADER_KEYS)) {
            throw fail(name, "header must be a dict with keys 'descr', 'fortran_order', 'shape': " + quote(header));
        }
        return dict;
    }

    private static Descr descr(Object v, String name) {
        if (!(v instanceof String s)) {
            throw fail(name, "structured or non-string dtype " + v + " is not supported");
        }
        if (s.length() < 2) {
            throw fail(name, "unsupported dtype '" + s + "'");
        }
        char order = s.charAt(0);
        TensorType type = switch (s.substring(1)) {
            case "f2" -> TensorType.F16;
            case "f4" -> TensorType.F32;
            case "f8" -> TensorType.F64;
            case "i1" -> TensorType.I8;
            case "i2" -> TensorType.I16;
            case "i4" -> TensorType.I32;
            case "i8" -> TensorType.I64;
            case "u1" -> TensorType.U8;
            case "b1" -> TensorType.BOOL;
            default -> null;
        };
        if (type == null) {
            throw fail(name, "unsupported dtype '" + s + "' (supported: f2 f4 f8 i1 i2 i4 i8 u1 b1"
                    + (s.endsWith("O") ? "; object arrays are pickles and are never read" : "") + ")");
        }
        // '|' (no byte order) only makes sense for one-byte types; '=' (native) is never written to files
        boolean ok = order == '<' || order == '>' || (order == '|' && type.byteSize() == 1);
        if (!ok) {
            throw fail(name, "unsupported byte order in dtype '" + s + "'");
        }
        return new Descr(type, order == '>' && type.byteSize() > 1);
    }

    private static long[] shape(Object v, String name) {
        if (!(v instanceof PyLiteral.Tuple t)) {
            throw fail(name, "'shape' is not a tuple: " + v);
        }
        List<Object> items = t.items();
        long[] shape = new long[items.size()];
        for (int i = 0; i < shape.length; i++) {
            if (!(items.get(i) instanceof Long d) || d < 0) {
                throw fail(name, "'shape' has an invalid dimension: " + items);
            }
            shape[i] = d;
        }
        return shape;
    }

    private static byte[] readExactly(InputStream in, int n, String name, String what) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) {
            throw fail(name, "file truncated in the " + what);
        }
        return b;
    }

    private static void swapBytes(byte[] data, int size) {
        for (int i = 0; i < data.length; i += size) {
            for (int a = i, b = i + size - 1; a < b; a++, b--) {
                byte x = data[a];
                data[a] = data[b];
                data[b] = x;
            }
        }
    }

    private static String quote(String header) {
        String h = header.strip();
        return "\"" + (h.length() > 200 ? h.substring(0, 200) + "..." : h) + "\"";
    }

    private static TensorFileException fail(String name, String problem) {
        return new TensorFileException(name + ": " + problem);
    }
}
