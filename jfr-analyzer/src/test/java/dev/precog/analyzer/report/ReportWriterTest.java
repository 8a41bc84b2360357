package dev.precog.analyzer.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

    @TempDir
    Path dir;

    @Test
    void replacesTheFileWholeAndLeavesNoTemporaryFiles() throws IOException {
        Path target = ReportWriter.reportFile(dir, 42);
        ReportWriter.writeAtomically(target, "{\"first\":true}");
        ReportWriter.writeAtomically(target, "{\"second\":true}");

        assertThat(target).hasFileName("precog-report-42.json").hasContent("{\"second\":true}");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void theReportIsAsReadableAsAnyNewFileNotOwnerOnly() throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Path target = dir.resolve("report.json");
        ReportWriter.writeAtomically(target, "{}");
        Path plain = Files.createFile(dir.resolve("plain.txt"));

        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void createsTheDirectoryWhenMissing() throws IOException {
        Path target = dir.resolve("a/b/report.json");
        ReportWriter.writeAtomically(target, "{}");
        assertThat(target).exists();
    }
}
