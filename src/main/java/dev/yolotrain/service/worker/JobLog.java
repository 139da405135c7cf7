package dev.yolotrain.service.worker;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/** A job's train.log: every attempt appends what its child said (log lines, status, epochs, stderr). */
final class JobLog implements AutoCloseable {
    private final BufferedWriter out;

    JobLog(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    synchronized void line(String s) {
        try {
            out.write(Instant.now().toString().substring(11, 19));
            out.write(' ');
            out.write(s);
            out.newLine();
            out.flush();
        } catch (IOException e) {
            // the log is best effort; the job goes on
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            // ignore
        }
    }
}
