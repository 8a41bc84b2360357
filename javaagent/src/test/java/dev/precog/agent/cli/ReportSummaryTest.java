package dev.precog.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReportSummaryTest {

    @Test
    void heapDumpAdviceShowsCommandOperationFlagsAndTheAutomaticDump() throws IOException {
        String json = """
                {"heapDumpSuggestion": {"recommended": true,
                  "reason": "Confident heap leak (heap); take the dump now while it is small: about 300.0 MB of live objects",
                  "command": "jcmd 42 GC.heap_dump /r/precog-heap-42.hprof",
                  "mbeanOperation": "dev.precog:type=Precog dumpHeap()",
                  "onOutOfMemoryFlags": "-XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath=/r",
                  "autoDump": {"status": "taken", "reason": "Taken on a MEMORY_LEAK: 466.0 MB written to /r/precog-heap-42.hprof"}}}
                """;

        assertThat(print(json)).contains("""
                Heap dump recommended: Confident heap leak (heap); take the dump now while it is small: about 300.0 MB of live objects
                  jcmd 42 GC.heap_dump /r/precog-heap-42.hprof
                  or JMX: dev.precog:type=Precog dumpHeap()
                  keep one if the heap runs out: -XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath=/r
                Automatic heap dump (taken): Taken on a MEMORY_LEAK: 466.0 MB written to /r/precog-heap-42.hprof
                """);
    }

    @Test
    void aFindingHeldThroughAShortAbsenceSaysSinceWhenItWasNotFound() throws IOException {
        String json = """
                {"analysis": {"windows": 30, "windowSeconds": 10.0, "from": "2026-12-07T02:00:00Z", "to": "2026-12-07T02:05:00Z"},
                 "findings": [
                  {"kind": "MEMORY_LEAK", "severity": "WARNING", "confidence": 0.9, "firstDetectedAt": "2026-12-07T02:03:00Z",
                   "lastDetectedAt": "2026-12-07T02:04:20Z", "summary": "Heap live set grows 1.0 MB/min", "suspects": []},
                  {"kind": "THREAD_LEAK", "severity": "WARNING", "confidence": 0.8, "firstDetectedAt": "2026-12-07T02:02:00Z",
                   "lastDetectedAt": "2026-12-07T02:05:00Z", "summary": "Threads grow", "suspects": []}]}
                """;

        assertThat(print(json)).contains("""
                  WARNING  MEMORY_LEAK (confidence 0.90, since 2026-12-07T02:03:00Z): Heap live set grows 1.0 MB/min
                           held: not found since 2026-12-07T02:04:20Z, shown as it was then
                  WARNING  THREAD_LEAK (confidence 0.80, since 2026-12-07T02:02:00Z): Threads grow
                """);
    }

    @Test
    void aCpuForecastSaysWhatTheFillingHeapAddsToIt() throws IOException {
        String json = """
                {"forecasts": [{"metric": "cpu.jvmTotal", "unit": "RATIO", "model": "level", "direction": "rising",
                  "threshold": 0.9, "thresholdSource": "90% of all CPUs", "currentValue": 0.013, "horizonSeconds": 7200,
                  "timeToThresholdSeconds": null,
                  "adjustment": "upper bands raised by what the garbage collector may cost as the live set nears the max heap"},
                 {"metric": "host.cpuLoad", "unit": "RATIO", "model": "level", "direction": "rising", "threshold": 0.9,
                  "thresholdSource": "90% of all CPUs", "currentValue": 0.2, "horizonSeconds": 7200,
                  "timeToThresholdSeconds": null, "adjustment": null}]}
                """;

        assertThat(print(json)).contains("""
                Forecast: cpu.jvmTotal stays below 90% (90% of all CPUs) for the next 2h00m, level, now 1%, upper bands raised\
                 by what the garbage collector may cost as the live set nears the max heap
                Forecast: host.cpuLoad stays below 90% (90% of all CPUs) for the next 2h00m, level, now 20%
                """);
    }

    @Test
    void aForecastFittedAfterAWarmUpRampSaysWhereItsHistoryStarts() throws IOException {
        String json = """
                {"forecasts": [{"metric": "heap.usedAfterGc", "unit": "BYTES", "model": "level", "direction": "rising",
                  "threshold": 268435456, "thresholdSource": "max heap (-Xmx)", "currentValue": 115343360,
                  "horizonSeconds": 2400, "timeToThresholdSeconds": null, "adjustment": null,
                  "historyNote": "fitted from where the series settled after a warm-up ramp, whose 6 points (30s) are left out"}]}
                """;

        assertThat(print(json)).contains("""
                Forecast: heap.usedAfterGc stays below 256.0 MB (max heap (-Xmx)) for the next 40m00s, level, now 110.0 MB;\
                 fitted from where the series settled after a warm-up ramp, whose 6 points (30s) are left out
                """);
    }

    @Test
    void theAgentsCostAndBudgetAreShownWithWhatWasLowered() throws IOException {
        String json = """
                {"agent": {"cpuFractionOfOneCore": 0.0327, "allocatedBytes": 1048576, "eventsProcessed": 3839, "eventsDropped": 0,
                  "retainedBytes": 830464, "retainedFractionOfMaxHeap": 0.0031,
                  "recent": {"seconds": 60.0, "agentCpuMillis": 250, "jfrThreadsCpuMillis": 20, "cpuFractionOfOneCore": 0.0045,
                    "cpuFractionOfProcess": 0.012, "allocatedBytesPerSecond": 1153433.6, "allocatedFractionOfProcess": 0.03,
                    "jfrEventsPerSecond": 14.5, "jfrBytesPerSecond": 4198.4, "topEventTypes": []},
                  "budget": {"budgetFractionOfOneCore": 0.0001, "measuredFractionOfOneCore": 0.0045, "measuredOverSeconds": 10.0,
                    "level": 1, "maxLevel": 4,
                    "actions": ["level 1: JFR sampling lowered 5-fold: jdk.ExecutionSample period 1000 ms (was 200 ms)"],
                    "reason": "over budget (0.45% of one core over the last 10s, budget 0.01%): lowered to level 1",
                    "since": "2026-12-02T00:41:37Z"},
                  "jfrAllocationSamplesLowered": "jdk.ObjectAllocationSample throttle 30/s (was 150/s) since 2026-12-04T08:40:00Z",
                  "classCount": 1351, "classMetaspaceBytes": 1820672}}
                """;

        assertThat(print(json)).contains("""
                Agent overhead: 3.27% of one core, 1.0 MB allocated, 3839 events, 0 dropped
                Agent cost over the last 60s: 0.45% of one core with JFR's threads (1.20% of the process's CPU), 1.1 MB/s allocated\
                 (3.00% of the process's), JFR 15 events/s and 4.1 KB/s; its own data holds 811.0 KB (0.31% of max heap;\
                 not counted: its classes and JFR's stream parser); beside it its 1,351 classes hold 1.7 MB of metaspace
                Overhead budget 0.01% of one core: level 1 of 4, over budget (0.45% of one core over the last 10s, budget 0.01%):\
                 lowered to level 1
                  level 1: JFR sampling lowered 5-fold: jdk.ExecutionSample period 1000 ms (was 200 ms)
                Parser memory: jdk.ObjectAllocationSample throttle 30/s (was 150/s) since 2026-12-04T08:40:00Z
                """);
    }

    @Test
    void withoutALeakTheCommandIsStillGivenAndNothingAboutFlagsTheJvmHas() throws IOException {
        String json = """
                {"heapDumpSuggestion": {"recommended": false, "reason": "No confident heap leak: a heap dump is not needed now",
                  "command": "jcmd 42 GC.heap_dump /r/precog-heap-42.hprof", "mbeanOperation": null, "onOutOfMemoryFlags": null,
                  "autoDump": null}}
                """;

        String text = print(json);

        assertThat(text).contains("Heap dump: No confident heap leak: a heap dump is not needed now\n"
                + "  jcmd 42 GC.heap_dump /r/precog-heap-42.hprof\n");
        assertThat(text).doesNotContain("JMX", "runs out", "Automatic");
    }

    private static String print(String json) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            ReportSummary.print(ReportSummary.parse(json), out);
        }
        return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }
}
