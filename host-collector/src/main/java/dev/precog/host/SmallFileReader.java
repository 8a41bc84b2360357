package dev.precog.host;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads the small files of /proc and the cgroup file system into one buffer kept between reads.
 * Their size is 0 until read, so {@code Files.readAllBytes} starts a fresh 8 KB buffer for each
 * and copies it twice: about 10 KB for a 1.5 KB file, and 140 KB for a whole sample every second.
 * One instance per sampling thread: not thread-safe.
 */
final class SmallFileReader {

    private byte[] buffer = new byte[4096];

    /** The whole file decoded with {@code charset}. */
    String read(Path file, Charset charset) throws IOException {
        int length = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer, length, buffer.length - length)) > 0) {
                length += n;
                if (length == buffer.length) {
                    // /proc/stat grows with the CPUs (its interrupt line too): keep the larger buffer
                    buffer = Arrays.copyOf(buffer, 2 * buffer.length);
                }
            }
        }
        return new String(buffer, 0, length, charset);
    }
}
