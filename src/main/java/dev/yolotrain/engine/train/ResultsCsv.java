package dev.yolotrain.engine.train;

import dev.yolotrain.engine.util.PyFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** results.csv in YOLOv5's layout: right-aligned 20-wide columns, values as %.5g. */
public final class ResultsCsv {
    private ResultsCsv() {}

    public static String header() {
        List<String> cells = new ArrayList<>();
        for (String c : EpochResult.COLUMNS) {
            cells.add(pad(c));
        }
        return String.join(",", cells) + "\n";
    }

    public static String line(EpochResult r) {
        List<String> cells = new ArrayList<>();
        for (double v : r.row()) {
            cells.add(pad(PyFormat.g(v, 5)));
        }
        return String.join(",", cells) + "\n";
    }

    private static String pad(String s) {
        return s.length() >= 20 ? s : " ".repeat(20 - s.length()) + s;
    }

    /** Appends a row, writing the header first when the file is new or empty; flushed to disk at once. */
    public static void append(Path file, EpochResult r) {
        try {
            String text = (Files.exists(file) && Files.size(file) > 0 ? "" : header()) + line(r);
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The file's text ("" when absent), for checkpoints. */
    public static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Rewrites the file keeping only rows of epochs before {@code epoch} (a resumed run redoes the rest). */
    public static void truncate(Path file, String csv, int epoch) {
        StringBuilder sb = new StringBuilder();
        for (String l : csv.split("\n")) {
            String first = l.split(",")[0].trim();
            if (l.isBlank()) {
                continue;
            }
            if (first.equals("epoch")) {
                sb.append(l).append('\n');
                continue;
            }
            try {
                if (Integer.parseInt(first) < epoch) {
                    sb.append(l).append('\n');
                }
            } catch (NumberFormatException e) {
                // not a data row
            }
        }
        try {
            Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
