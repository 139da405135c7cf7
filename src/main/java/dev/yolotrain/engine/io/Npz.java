package dev.yolotrain.engine.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Reads and writes numpy .npz archives: a zip of NAME.npy entries, stored or deflated. */
public final class Npz {

    /** A fixed entry time keeps written archives byte-identical for identical tensors. */
    private static final long ENTRY_TIME = 315_532_800_000L; // 1980-01-01, the zip epoch

    private Npz() {
    }

    /** Reads every array, keyed by entry name without ".npy", in archive order. */
    public static LinkedHashMap<String, HostTensor> read(Path file) {
        LinkedHashMap<String, HostTensor> out = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (TensorFiles.isTorchArchive(zip)) {
                throw new TensorFileException(file + ": " + TensorFiles.PT_MESSAGE);
            }
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.isDirectory()) {
                    continue;
                }
                String entryName = e.getName();
                String where = file + ":" + entryName;
                if (!entryName.endsWith(".npy")) {
                    throw new TensorFileException(where + ": entry is not a .npy array");
                }
                String key = entryName.substring(0, entryName.length() - 4);
                if (out.containsKey(key)) {
                    throw new TensorFileException(where + ": duplicate entry");
                }
                try (InputStream in = zip.getInputStream(e)) {
                    out.put(key, Npy.read(in, where, e.getSize()));
                } catch (ZipException ex) {
                    throw new TensorFileException(where + ": corrupt zip entry: " + ex.getMessage(), ex);
                } catch (IOException ex) {
                    throw new TensorFileException(where + ": cannot read: " + ex, ex);
                }
            }
        } catch (NoSuchFileException ex) {
            throw new TensorFileException(file + ": file not found", ex);
        } catch (ZipException ex) {
            throw new TensorFileException(file + ": not a readable zip/.npz archive: " + ex.getMessage(), ex);
        } catch (IOException ex) {
            throw new TensorFileException(file + ": cannot read: " + ex, ex);
        }
        return out;
    }

    /** Writes the tensors as stored (uncompressed) NAME.npy entries in map order, atomically. */
    public static void write(Path file, Map<String, HostTensor> tensors) {
        Objects.requireNonNull(tensors, "tensors");
        // build headers first so a BF16 or a bad name fails before anything is written
        Map<String, byte[]> headers = new LinkedHashMap<>();
        for (Map.Entry<String, HostTensor> e : tensors.entrySet()) {
            String name = Objects.requireNonNull(e.getKey(), "tensor name");
            if (name.isEmpty()) {
                throw new TensorFileException(file + ": tensor names must not be empty in an .npz");
            }
            HostTensor t = Objects.requireNonNull(e.getValue(), "tensor " + name);
            headers.put(name, Npy.header(t, file + ":" + name + ".npy"));
        }
        AtomicFileWriter.write(file, os -> {
            ZipOutputStream zip = new ZipOutputStream(os);
            for (Map.Entry<String, byte[]> h : headers.entrySet()) {
                byte[] header = h.getValue();
                byte[] data = tensors.get(h.getKey()).rawData();
                // STORED entries need size and CRC up front
                CRC32 crc = new CRC32();
                crc.update(header);
                crc.update(data);
                ZipEntry entry = new ZipEntry(h.getKey() + ".npy");
                entry.setMethod(ZipEntry.STORED);
                entry.setSize((long) header.length + data.length);
                entry.setCompressedSize((long) header.length + data.length);
                entry.setCrc(crc.getValue());
                entry.setTime(ENTRY_TIME);
                zip.putNextEntry(entry);
                zip.write(header);
                zip.write(data);
                zip.closeEntry();
            }
            zip.finish(); // not close(): the atomic writer owns and syncs the underlying stream
        });
    }
}
