package dev.precog.analyzer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.precog.analyzer.jfr.FullParseEventReader;
import dev.precog.analyzer.jfr.TestRecordings;
import dev.precog.analyzer.jfr.UnreadableRecordingException;
import dev.precog.model.Report;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfflineAnalysisTest {

    @Test
    void realRecordingGivesAReportAboutThisJvm() throws Exception {
        Path recording = TestRecordings.gcRecording();

        Report report = new OfflineAnalysis(Duration.ofSeconds(1)).analyze(recording, "test-version");

        assertThat(report.schemaVersion()).isEqualTo(1).isEqualTo(Report.SCHEMA_VERSION);
        assertThat(report.jvm().pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(report.jvm().heapMaxBytes()).isPositive();
        assertThat(report.analysis().windows()).isPositive();
        assertThat(report.analysis().windowSeconds()).isEqualTo(1.0);
        assertThat(report.analysis().source()).isEqualTo("offline:gc.jfr");
        assertThat(report.analysis().from()).isBefore(report.analysis().to());
        assertThat(report.agent().version()).isEqualTo("test-version");
        assertThat(report.agent().mode()).isEqualTo("offline");
        assertThat(report.agent().eventsProcessed()).isPositive();
        assertThat(report.agent().windowsAnalysed()).isEqualTo(report.analysis().windows());
        // two seconds of a healthy JVM: nothing to report, no dump to take
        assertThat(report.findings()).isEmpty();
        assertThat(report.heapDumpSuggestion().recommended()).isFalse();
    }

    @Test
    void skippingTheEventTypesNoHandlerReadsChangesNoFindingForecastOrWindow() throws Exception {
        Path recording = TestRecordings.busyRecording();

        Report fast = new OfflineAnalysis(Duration.ofSeconds(1)).analyze(recording, "v");
        Report full = new OfflineAnalysis(Duration.ofSeconds(1), new FullParseEventReader()).analyze(recording, "v");

        assertThat(fast.findings()).isEqualTo(full.findings());
        assertThat(fast.forecasts()).isEqualTo(full.forecasts());
        assertThat(fast.heapDumpSuggestion()).isEqualTo(full.heapDumpSuggestion());
        assertThat(fast.analysis()).isEqualTo(full.analysis());
        assertThat(fast.jvm()).isEqualTo(full.jvm());
        assertThat(fast.agent().eventsProcessed()).isEqualTo(full.agent().eventsProcessed());
    }

    @Test
    void unreadableFileIsReportedNotThrownAsSomethingElse(@TempDir Path dir) {
        Path missing = dir.resolve("missing.jfr");

        assertThatThrownBy(() -> new OfflineAnalysis(Duration.ofSeconds(10)).analyze(missing, "v"))
                .isInstanceOf(UnreadableRecordingException.class)
                .hasMessageContaining(missing.toString());
    }
}
