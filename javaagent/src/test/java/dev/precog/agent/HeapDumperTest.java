package dev.precog.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeapDumperTest {

    @TempDir
    Path dir;

    @Test
    void aRealDumpOfThisJvmIsAnHprofFileOnlyItsOwnerCanRead() throws IOException {
        Path target = dir.resolve("reports/precog-heap-1.hprof");

        HeapDumper.Written w = HeapDumper.hotSpot().dump(target);

        assertThat(w.file()).isEqualTo(target);
        assertThat(w.bytes()).isEqualTo(Files.size(target)).isPositive();
        assertThat(w.seconds()).isPositive();
        try (InputStream in = Files.newInputStream(target)) {
            assertThat(new String(in.readNBytes(18), StandardCharsets.US_ASCII)).isEqualTo("JAVA PROFILE 1.0.2");
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(w.ownerOnly()).isTrue();
            assertThat(Files.getPosixFilePermissions(target)).isEqualTo(HeapDumper.OWNER_ONLY_FILE);
        }
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertThat(files).as("the private directory is gone").containsExactly(target);
        }
    }

    @Test
    void roomIsTheDumpAndAQuarterGigabyteToSpare() {
        long mb = 1024L * 1024;
        Path target = dir.resolve("precog-heap-1.hprof");
        assertThat(HeapDumper.lackOfRoom(target, 100 * mb, 356 * mb)).isNull();
        assertThat(HeapDumper.lackOfRoom(target, 100 * mb, 356 * mb - 1))
                .isEqualTo("only 356.0 MB is usable in " + dir + ", and a dump needs about 356.0 MB (an estimated 100.0 MB file and"
                        + " 256.0 MB to spare)");
    }
}
