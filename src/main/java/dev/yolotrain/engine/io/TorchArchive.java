package dev.yolotrain.engine.io;

import dev.yolotrain.engine.io.pickle.PickleException;
import dev.yolotrain.engine.io.pickle.PyGlobal;
import dev.yolotrain.engine.io.pickle.Unpickler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads what torch.save wrote (the zip format of PyTorch 1.6 and later): the pickle in {@code <dir>/data.pkl},
 * read as data only ({@link Unpickler}), with every tensor materialised as a {@link HostTensor} from its storage
 * {@code <dir>/data/<key>}. Nothing named in the pickle is executed or instantiated.
 */
public final class TorchArchive {

    /** Pickles larger than this are refused (a model's structure pickles to a few hundred KB). */
    static final int MAX_PICKLE_BYTES = 64 << 20;

    private TorchArchive() {}

    /** A storage a tensor views: element type, the archive entry holding it, its length in elements. */
    private record StorageRef(TensorType type, String key, long numel) {}

    /** The pickled value, with tensors as HostTensors (contiguous copies of their views). */
    public static Object read(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            String dir = pickleDir(zip);
            if (dir == null) {
                throw new TensorFileException(file + ": not a torch.save archive (no data.pkl)");
            }
            byte[] pickle = entry(zip, dir + "data.pkl", -1, file);
            Map<String, byte[]> storages = new HashMap<>();
            Function<Object, Object> persistent = pid -> storageRef(pid);
            Map<String, Function<List<Object>, Object>> reducers = Map.of(
                    "torch._utils._rebuild_tensor_v2", a -> tensor(a, storages, zip, dir, file),
                    "torch._utils._rebuild_tensor", a -> tensor(a, storages, zip, dir, file),
                    "torch._utils._rebuild_parameter", a -> a.get(0),
                    "torch._utils._rebuild_parameter_with_state", a -> a.get(0));
            try {
                return new Unpickler(pickle, reducers, persistent).load();
            } catch (PickleException e) {
                throw new TensorFileException(file + ": " + dir + "data.pkl: " + e.getMessage(), e);
            }
        } catch (NoSuchFileException e) {
            throw new TensorFileException(file + ": file not found", e);
        } catch (ZipException e) {
            throw new TensorFileException(file + ": not a readable zip archive: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new TensorFileException(file + ": cannot read: " + e, e);
        }
    }

    /** The folder of data.pkl ("archive/", "yolov5s/", or "" for a bare one); null when there is none. */
    static String pickleDir(ZipFile zip) {
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            String n = entries.nextElement().getName();
            if (n.equals("data.pkl")) {
                return "";
            }
            if (n.endsWith("/data.pkl") && n.indexOf('/') == n.length() - "/data.pkl".length()) {
                return n.substring(0, n.length() - "data.pkl".length());
            }
        }
        return null;
    }

    private static StorageRef storageRef(Object pid) {
        // ('storage', torch.HalfStorage, '0', 'cpu', 1234)
        if (!(pid instanceof List<?> t) || t.size() < 5 || !"storage".equals(t.get(0)) || !(t.get(1) instanceof PyGlobal g)
                || !(t.get(2) instanceof String key) || !(t.get(4) instanceof Long numel)) {
            throw new PickleException("unexpected persistent id " + pid);
        }
        TensorType type = switch (g.name()) {
            case "FloatStorage" -> TensorType.F32;
            case "HalfStorage" -> TensorType.F16;
            case "BFloat16Storage" -> TensorType.BF16;
            case "DoubleStorage" -> TensorType.F64;
            case "LongStorage" -> TensorType.I64;
            case "IntStorage" -> TensorType.I32;
            case "ShortStorage" -> TensorType.I16;
            case "CharStorage" -> TensorType.I8;
            case "ByteStorage" -> TensorType.U8;
            case "BoolStorage" -> TensorType.BOOL;
            default -> throw new PickleException("tensor storage " + g.qualified() + " is not supported");
        };
        if (numel < 0 || numel * type.byteSize() > Integer.MAX_VALUE - 8) {
            throw new PickleException("storage " + key + " of " + numel + " elements is too large");
        }
        return new StorageRef(type, key, numel);
    }

    /** _rebuild_tensor_v2(storage, offset, size, stride, ...): a contiguous copy of the view. */
    private static HostTensor tensor(List<Object> a, Map<String, byte[]> storages, ZipFile zip, String dir, Path file) {
        if (a.size() < 4 || !(a.get(0) instanceof StorageRef s) || !(a.get(1) instanceof Long offset)
                || !(a.get(2) instanceof List<?> size) || !(a.get(3) instanceof List<?> stride) || size.size() != stride.size()) {
            throw new PickleException("unexpected tensor arguments " + a);
        }
        byte[] storage = storages.computeIfAbsent(s.key(), k -> {
            try {
                return entry(zip, dir + "data/" + k, s.numel() * s.type().byteSize(), file);
            } catch (IOException e) {
                throw new TensorFileException(file + ": cannot read storage " + k + ": " + e, e);
            }
        });
        int nd = size.size();
        long[] shape = new long[nd];
        long[] strides = new long[nd];
        long numel = 1;
        long last = offset;
        for (int i = 0; i < nd; i++) {
            if (!(size.get(i) instanceof Long n) || !(stride.get(i) instanceof Long st) || n < 0 || st < 0) {
                throw new PickleException("unexpected tensor size/stride " + size + " / " + stride);
            }
            shape[i] = n;
            strides[i] = st;
            numel *= n;
            last += (n - 1) * st;
        }
        int es = s.type().byteSize();
        if (numel == 0) {
            return HostTensor.of(s.type(), shape, new byte[0]);
        }
        if (offset < 0 || last >= s.numel()) {
            throw new PickleException("tensor view outside its storage " + s.key());
        }
        byte[] out = new byte[Math.toIntExact(numel * es)];
        if (contiguous(shape, strides)) { // what state dicts hold: one copy instead of a walk element by element
            System.arraycopy(storage, (int) (offset * es), out, 0, out.length);
            return HostTensor.of(s.type(), shape, out);
        }
        long[] idx = new long[nd];
        for (long e = 0; e < numel; e++) {
            long src = offset;
            for (int i = 0; i < nd; i++) {
                src += idx[i] * strides[i];
            }
            System.arraycopy(storage, (int) (src * es), out, (int) (e * es), es);
            for (int i = nd - 1; i >= 0; i--) {
                if (++idx[i] < shape[i]) {
                    break;
                }
                idx[i] = 0;
            }
        }
        return HostTensor.of(s.type(), shape, out);
    }

    /** True when the strides are the row-major ones of the shape (size-1 dimensions may have any stride). */
    private static boolean contiguous(long[] shape, long[] strides) {
        long expected = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (shape[i] != 1 && strides[i] != expected) {
                return false;
            }
            expected *= shape[i];
        }
        return true;
    }

    /** An entry's bytes; exactly {@code expected} of them unless expected < 0 (then at most MAX_PICKLE_BYTES). */
    private static byte[] entry(ZipFile zip, String name, long expected, Path file) throws IOException {
        ZipEntry e = zip.getEntry(name);
        if (e == null) {
            throw new TensorFileException(file + ": " + name + " is missing");
        }
        long limit = expected < 0 ? MAX_PICKLE_BYTES : expected;
        try (InputStream in = zip.getInputStream(e)) {
            byte[] b = in.readNBytes((int) limit + 1); // one more: detects an entry longer than declared
            if (b.length > limit) {
                throw new TensorFileException(file + ": " + name + " is larger than " + (expected < 0 ? "allowed" : "its tensor"));
            }
            if (expected >= 0 && b.length != expected) {
                throw new TensorFileException(file + ": " + name + " holds " + b.length + " bytes, its tensor needs " + expected);
            }
            return b;
        }
    }
}
