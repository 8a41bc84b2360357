package dev.precog.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmallFileReaderTest {

    @TempDir
    Path dir;

    @Test
    void aFileLargerThanTheBufferIsReadWhole() throws IOException {
        // /proc/stat on a large machine: hundreds of CPU lines and a long interrupt line
        String stat = "cpu  1 2 3 4\n" + "intr 12345".repeat(3000) + "\nprocs_running 3\n";
        Path file = Files.writeString(dir.resolve("stat"), stat);

        assertThat(new SmallFileReader().read(file, StandardCharsets.ISO_8859_1)).isEqualTo(stat);
    }

    @Test
    void aShorterFileAfterALongerOneLeavesNothingOfTheFirst() throws IOException {
        SmallFileReader reader = new SmallFileReader();
        Path meminfo = Files.writeString(dir.resolve("meminfo"), "MemTotal:       24576000 kB\nMemAvailable:   20000000 kB\n");
        Path max = Files.writeString(dir.resolve("memory.max"), "max\n");
        Path empty = Files.writeString(dir.resolve("empty"), "");

        reader.read(meminfo, StandardCharsets.ISO_8859_1);

        assertThat(reader.read(max, StandardCharsets.UTF_8)).isEqualTo("max\n");
        assertThat(reader.read(empty, StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void theCharsetDecodesTheBytes() throws IOException {
        // a cgroup path may hold any UTF-8 name
        Path cgroup = Files.writeString(dir.resolve("cgroup"), "0::/system.slice/bücher.service\n", StandardCharsets.UTF_8);

        assertThat(new SmallFileReader().read(cgroup, StandardCharsets.UTF_8)).isEqualTo("0::/system.slice/bücher.service\n");
    }
}
