package dev.yolotrain.service.storage;

import dev.yolotrain.service.config.YolotrainProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** {@link Storage} in a folder: datasets/, jobs/, weights/, tmp/ under {@code yolotrain.storage.root}. */
@Component
public class LocalStorage implements Storage {
    private final Path root;

    public LocalStorage(YolotrainProperties props) {
        this.root = Path.of(props.storage().root()).toAbsolutePath().normalize();
        try {
            for (String d : new String[] {"datasets", "jobs", "weights", "tmp"}) {
                Files.createDirectories(root.resolve(d));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the storage folders under " + root, e);
        }
    }

    public Path root() {
        return root;
    }

    @Override
    public String hidePaths(String text) {
        return text == null ? null : text.replace(root + "/", "").replace(root.toString(), ".");
    }

    @Override
    public Path datasetDir(UUID id) {
        return root.resolve("datasets").resolve(id.toString());
    }

    @Override
    public Path jobDir(UUID id) {
        return root.resolve("jobs").resolve(id.toString());
    }

    @Override
    public Path weightFile(UUID id, String format) {
        return root.resolve("weights").resolve(id + "." + format);
    }

    @Override
    public Path newTempDir(String prefix) {
        try {
            return Files.createTempDirectory(root.resolve("tmp"), prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder under " + root.resolve("tmp"), e);
        }
    }

    @Override
    public void delete(Path path) {
        try {
            if (!Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.deleteIfExists(path);
                return;
            }
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException e) {
            // already gone
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }
}
