package dev.precog.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precog.model.Metric;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cgroup layouts a JVM meets: v2 with its group mounted or as the namespace root, v1, no limit, no cgroups. */
class CgroupMemoryTest {

    @TempDir
    Path dir;

    private Map<Metric, Double> read() {
        Map<Metric, Double> values = new EnumMap<>(Metric.class);
        new CgroupMemory(dir.resolve("proc"), dir.resolve("cgroup")).read(values);
        return values;
    }

    private void write(String path, String content) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    @Test
    void cgroupV2LimitAndUseWithoutPageCache() throws IOException {
        write("proc/self/cgroup", "0::/kubepods/pod1/app\n");
        write("cgroup/kubepods/pod1/app/memory.max", "1073741824\n");
        write("cgroup/kubepods/pod1/app/memory.current", "943718400\n");
        write("cgroup/kubepods/pod1/app/memory.stat", "anon 800000000\nfile 143718400\ninactive_file 100000000\n");

        assertThat(read()).containsEntry(Metric.CONTAINER_MEMORY_LIMIT, 1073741824.0)
                .containsEntry(Metric.CONTAINER_MEMORY_USED, 800000000.0);
    }

    @Test
    void cgroupV2InsideAContainerReadsTheNamespaceRoot() throws IOException {
        // the group's path is the host's; inside the container its files sit at the mount's root
        write("proc/self/cgroup", "0::/system.slice/docker-abc.scope\n");
        write("cgroup/memory.max", "536870912\n");
        write("cgroup/memory.current", "268435456\n");

        assertThat(read()).containsEntry(Metric.CONTAINER_MEMORY_LIMIT, 536870912.0)
                .containsEntry(Metric.CONTAINER_MEMORY_USED, 268435456.0);
    }

    @Test
    void noLimitIsNoLimitButTheUseIsStillRead() throws IOException {
        write("proc/self/cgroup", "0::/\n");
        write("cgroup/memory.max", "max\n");
        write("cgroup/memory.current", "1000\n");

        assertThat(read()).doesNotContainKey(Metric.CONTAINER_MEMORY_LIMIT).containsEntry(Metric.CONTAINER_MEMORY_USED, 1000.0);
    }

    @Test
    void cgroupV1WithTheKernelsUnlimitedValue() throws IOException {
        write("proc/self/cgroup", "4:memory:/process_api/abc\n3:cpuset:/\n");
        write("cgroup/memory/process_api/abc/memory.limit_in_bytes", "9223372036854771712\n");
        write("cgroup/memory/process_api/abc/memory.usage_in_bytes", "1181384704\n");
        write("cgroup/memory/process_api/abc/memory.stat", "cache 600000000\ntotal_cache 650000000\ntotal_inactive_file 500000000\n");

        assertThat(read()).doesNotContainKey(Metric.CONTAINER_MEMORY_LIMIT).containsEntry(Metric.CONTAINER_MEMORY_USED, 531384704.0);
    }

    @Test
    void cgroupV1LimitedController() throws IOException {
        write("proc/self/cgroup", "7:cpu,cpuacct:/\n4:memory:/\n");
        write("cgroup/memory/memory.limit_in_bytes", "2147483648\n");
        write("cgroup/memory/memory.usage_in_bytes", "2000000000\n");

        assertThat(read()).containsEntry(Metric.CONTAINER_MEMORY_LIMIT, 2147483648.0)
                .containsEntry(Metric.CONTAINER_MEMORY_USED, 2000000000.0);
    }

    @Test
    void noCgroupsIsNothing() {
        assertThat(read()).isEmpty();
    }

    /** The group's directory is kept between samples, found again only when the process moves to another group. */
    @Test
    void aProcessMovedToAnotherGroupIsReadThere() throws IOException {
        CgroupMemory memory = new CgroupMemory(dir.resolve("proc"), dir.resolve("cgroup"));
        write("proc/self/cgroup", "0::/batch/a\n");
        write("cgroup/batch/a/memory.max", "1000000\n");
        write("cgroup/batch/a/memory.current", "600000\n");
        write("cgroup/batch/a/memory.stat", "anon 500000\nfile 100000\n");
        write("cgroup/batch/b/memory.max", "2000000\n");
        write("cgroup/batch/b/memory.current", "900000\n");
        write("cgroup/batch/b/memory.stat", "file 200000\nanon 700000\n");
        Map<Metric, Double> first = new EnumMap<>(Metric.class);
        memory.read(first);
        write("cgroup/batch/a/memory.current", "700000\n");
        Map<Metric, Double> grown = new EnumMap<>(Metric.class);
        memory.read(grown);
        write("proc/self/cgroup", "0::/batch/b\n");
        Map<Metric, Double> moved = new EnumMap<>(Metric.class);
        memory.read(moved);

        assertThat(first).containsEntry(Metric.CONTAINER_MEMORY_USED, 500000.0);
        assertThat(grown).containsEntry(Metric.CONTAINER_MEMORY_USED, 600000.0);
        // the stat's key on its first line is found too
        assertThat(moved).containsEntry(Metric.CONTAINER_MEMORY_LIMIT, 2000000.0)
                .containsEntry(Metric.CONTAINER_MEMORY_USED, 700000.0);
    }
}
