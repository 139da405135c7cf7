package dev.yolotrain.engine.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Reads a tensor file of either supported format, chosen by content rather than by file name. */
public final class TensorFiles {

    static final String PT_MESSAGE = "this is a PyTorch .pt archive, not a tensor file: it is read as starting "
            + "weights (--weights, POST /api/v1/weights)";
    static final String LEGACY_PT_MESSAGE = "this is a legacy (PyTorch < 1.6) .pt pickle, which is not read: re-save it "
            + "with a newer torch, or export a state_dict as .safetensors or .npz as config_document/ckpt_yolov5_v4/README.md explains";

    /** Start of a legacy (pre-1.6, non-zip) torch.save file: pickle protocol 2 and torch's magic number. */
    private static final byte[] LEGACY_TORCH_MAGIC = {(byte) 0x80, 0x02, (byte) 0x8a, 0x0a, 0x6c, (byte) 0xfc,
        (byte) 0x9c, 0x46};

    private TensorFiles() {
    }

    /**
     * A zip archive is read as .npz (metadata empty), anything else as safetensors. PyTorch .pt
     * files are refused with a message that says where they are read ({@link TorchArchive}).
     */
    public static TensorFile read(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8);
        } catch (NoSuchFileException e) {
            throw new TensorFileException(file + ": file not found", e);
        } catch (IOException e) {
            throw new TensorFileException(file + ": cannot read: " + e, e);
        }
        if (isZip(head)) {
            return new TensorFile(Npz.read(file), Map.of()); // Npz.read refuses .pt zips itself
        }
        if (Arrays.equals(head, LEGACY_TORCH_MAGIC)) {
            throw new TensorFileException(file + ": " + LEGACY_PT_MESSAGE);
        }
        return SafeTensors.read(file);
    }

    /**
     * "PK\3\4" (a local file header) or "PK\5\6" (an empty archive). A bare "PK" is not enough: a
     * safetensors header of 19280 bytes (0x4B50) also starts with "PK". Its bytes 4..7 are zero (the
     * header size is under 100 MB), whereas a zip's "version needed to extract" there never is.
     */
    static boolean isZip(byte[] head) {
        if (head.length < 8 || head[0] != 'P' || head[1] != 'K') {
            return false;
        }
        if (head[2] == 5 && head[3] == 6) {
            return true;
        }
        return head[2] == 3 && head[3] == 4 && (head[4] | head[5] | head[6] | head[7]) != 0;
    }

    /** True when the file is a torch.save zip archive (read with {@link TorchArchive}); false for anything else. */
    public static boolean isTorchArchive(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            if (!isZip(in.readNBytes(8))) {
                return false;
            }
        } catch (IOException e) {
            return false;
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return isTorchArchive(zip);
        } catch (IOException e) {
            return false;
        }
    }

    /** torch.save zips hold ARCHIVE/data.pkl (older ones a bare data.pkl). */
    static boolean isTorchArchive(ZipFile zip) {
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            String n = entries.nextElement().getName();
            if (n.equals("data.pkl") || n.endsWith("/data.pkl")) {
                return true;
            }
        }
        return false;
    }
}
