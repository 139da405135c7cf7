package dev.yolotrain.engine.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The image files of a split and their label files, as YOLOv5 finds them: a folder is searched
 * recursively (hidden files skipped); a list file holds one image path a line (relative paths resolve
 * against the list file's folder, a "./" prefix allowed; blank lines and CRLF fine); an image file is
 * itself. Only jpg/jpeg/png/bmp/tif/tiff/webp (any case) are kept; the result is sorted and deduplicated.
 */
public final class SplitFiles {

    /** The image extensions a split may hold (lower case, no dot). */
    public static final Set<String> IMAGE_FORMATS = Set.of("jpg", "jpeg", "png", "bmp", "tif", "tiff", "webp");

    private SplitFiles() {}

    /** The images of the given sources; a source that does not exist throws, naming the split and the path. */
    public static List<Path> images(String split, List<Path> sources) {
        List<Path> found = new ArrayList<>();
        for (Path source : sources) {
            Path s = source.toAbsolutePath().normalize();
            if (Files.isDirectory(s)) {
                walk(s, found);
            } else if (Files.isRegularFile(s)) {
                if (isImage(s)) {
                    found.add(s);
                } else {
                    readList(s, found);
                }
            } else {
                throw new DatasetException(split + ": " + s + " does not exist");
            }
        }
        found.sort(Comparator.comparing(Path::toString));
        return List.copyOf(new LinkedHashSet<>(found));
    }

    /** The label file of an image: the last {@code /images/} becomes {@code /labels/}, the extension {@code .txt}. */
    public static Path labelFor(Path image) {
        String sep = image.getFileSystem().getSeparator();
        String s = image.toString();
        String images = sep + "images" + sep;
        int i = s.lastIndexOf(images);
        if (i >= 0) {
            s = s.substring(0, i) + sep + "labels" + sep + s.substring(i + images.length());
        }
        int slash = s.lastIndexOf(sep);
        int dot = s.lastIndexOf('.');
        if (dot > slash) {
            s = s.substring(0, dot);
        }
        return image.getFileSystem().getPath(s + ".txt");
    }

    public static boolean isImage(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot >= 0 && IMAGE_FORMATS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static void walk(Path dir, List<Path> found) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> isImage(p) && Files.isRegularFile(p))
                    .forEach(found::add);
        } catch (IOException | UncheckedIOException e) {
            throw new DatasetException("cannot list " + dir + ": " + e.getMessage());
        }
    }

    private static void readList(Path list, List<Path> found) {
        List<String> lines;
        try {
            lines = Files.readAllLines(list, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            throw new DatasetException("cannot read list file " + list + ": " + e.getMessage());
        }
        Path dir = list.getParent();
        for (String line : lines) {
            String s = line.strip();
            if (s.startsWith("\uFEFF")) {
                s = s.substring(1).strip();
            }
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            try {
                Path p = dir.resolve(s).normalize();
                if (isImage(p)) {
                    found.add(p);
                }
            } catch (InvalidPathException e) {
                throw new DatasetException(list + ": not a path: " + s);
            }
        }
    }
}
