package dev.precog.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

class ClassLoaderStatsTest {

    /**
     * VM.classloader_stats of a JVM running the agent for 18 s on OpenJDK 17.0.15: sizes in words.
     * Abridged: its 19 reflection loaders (one class each) are left out, so the rows do not add up to the total.
     */
    private static final String JDK17 = """
            ClassLoader         Parent              CLD*               Classes   ChunkSz   BlockSz  Type
            0x00007f6a1b07af08  0x00007f6a1b07d1e8  0x00007f6a9c187290       4      2304      1865  jdk.internal.loader.ClassLoaders$AppClassLoader
            0x00007f6a1b07d1e8  0x0000000000000000  0x00007f6a9c1849a0       1       768       324  jdk.internal.loader.ClassLoaders$PlatformClassLoader
            0x0000000000000000  0x0000000000000000  0x00007f6a9c13a2d0    2490   1054976    922572  <boot class loader>
                                                                           165     65152     41735   + hidden classes
            0x00007f6a1c000c10  0x00007f6a1b07d1e8  0x00007f6a9c219000     350    228736    227994  dev.precog.agent.boot.IsolatedClassLoader
            Total = 23                                                    3029   1361152   1201817  \s
            ChunkSz: Total size of all allocated metaspace chunks
            BlockSz: Total size of all allocated metaspace blocks (each chunk has several blocks)
            """;
    /** Its metaspace used then (VM.metaspace: 9.17 MB). */
    private static final long JDK17_USED = 9_615_442;

    /** The same on Temurin 25: sizes in bytes. */
    private static final String JDK25 = """
            ClassLoader         Parent              CLD*               Classes   ChunkSz   BlockSz  Type
            0x00000000841c9698  0x00000000841c9bb8  0x00007f544c1389f0       4     15360     14432  jdk.internal.loader.ClassLoaders$AppClassLoader
            0x0000000085040c20  0x00000000841c9bb8  0x00007f544c1aebf0     351   1820672   1807112  dev.precog.agent.boot.IsolatedClassLoader
            0x00000000841c9bb8  0x0000000000000000  0x00007f544c137a20       1      6144      2048  jdk.internal.loader.ClassLoaders$PlatformClassLoader
            0x0000000000000000  0x0000000000000000  0x00007f544c0f0950    2795   8649728   7595208  <boot class loader>
                                                                           132    411648    246888   + hidden classes
            Total = 4                                                     3283  10903552   9665688  \s
            ChunkSz: Total size of all allocated metaspace chunks
            BlockSz: Total size of all allocated metaspace blocks (each chunk has several blocks)
            """;
    /** Its metaspace used then (VM.metaspace: 9439K). */
    private static final long JDK25_USED = 9_665_536;

    @Test
    void theAgentsLoaderHoldsAboutTheSameMetaspaceOnJdk17InWordsAsOnJdk25InBytes() {
        ClassLoaderStats old = ClassLoaderStats.parse(JDK17);
        ClassLoaderStats.Row own17 = old.of(AgentClassMetaspace.ISOLATED_LOADER);
        assertThat(own17.classes()).isEqualTo(350);
        assertThat(old.unitBytes(JDK17_USED, 8)).as("words").isEqualTo(8);
        long bytes17 = own17.chunkSize() * old.unitBytes(JDK17_USED, 8);

        ClassLoaderStats current = ClassLoaderStats.parse(JDK25);
        ClassLoaderStats.Row own25 = current.of(AgentClassMetaspace.ISOLATED_LOADER);
        assertThat(own25.classes()).isEqualTo(351);
        assertThat(current.unitBytes(JDK25_USED, 8)).as("bytes").isEqualTo(1);
        long bytes25 = own25.chunkSize() * current.unitBytes(JDK25_USED, 8);

        assertThat(bytes17).isEqualTo(1_829_888);
        assertThat(bytes25).isEqualTo(1_820_672);
    }

    @Test
    void hiddenClassesCountWithTheLoaderAboveThem() {
        ClassLoaderStats.Row boot = ClassLoaderStats.parse(JDK17).of("<boot class loader>");
        assertThat(boot.classes()).isEqualTo(2490 + 165);
        assertThat(boot.chunkSize()).isEqualTo(1054976 + 65152);
        assertThat(ClassLoaderStats.parse(JDK25).of("no.such.Loader")).isNull();
    }

    @Test
    void twoLoadersOfTheAgentsTypeAreAddedUpWithTheirHiddenClasses() {
        String twoAgents = """
                ClassLoader         Parent              CLD*               Classes   ChunkSz   BlockSz  Type
                0x0000000085040c20  0x00000000841c9bb8  0x00007f544c1aebf0     351   1820672   1807112  dev.precog.agent.boot.IsolatedClassLoader
                                                                                12     36864     30000   + hidden classes
                0x0000000085040d40  0x00000000841c9bb8  0x00007f544c1aec80     300   1500000   1400000  dev.precog.agent.boot.IsolatedClassLoader
                Total = 2                                                      663   3357536   3237112
                """;
        ClassLoaderStats stats = ClassLoaderStats.parse(twoAgents);
        assertThat(stats.of(AgentClassMetaspace.ISOLATED_LOADER))
                .isEqualTo(new ClassLoaderStats.Row(AgentClassMetaspace.ISOLATED_LOADER, 663, 3357536, 3237112));
        assertThat(stats.unitBytes(3_300_000, 8)).isEqualTo(1);
        assertThat(ClassLoaderStats.parse("no table here").unitBytes(3_300_000, 8)).as("no total: unit unknown").isNull();
    }

    @Test
    void theIsolatedLoaderIsWhereTheTableIsReadFor() throws Exception {
        // the name is a string (the loader's class is private to the boot package): it must name a real class
        Class.forName(AgentClassMetaspace.ISOLATED_LOADER);
    }

    /** Whatever this JDK prints, its loaders' blocks in the unit told add up to about the metaspace used. */
    @Test
    void thisJvmsTableAddsUpToItsCommittedMetaspace() throws Exception {
        String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmClassloaderStats",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        long used = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getName().equals("Metaspace"))
                .map(MemoryPoolMXBean::getUsage).findFirst().orElseThrow().getUsed();
        ClassLoaderStats stats = ClassLoaderStats.parse(text);
        long sum = stats.rows().stream().mapToLong(ClassLoaderStats.Row::blockSize).sum();
        assertThat(sum).as(text).isEqualTo(stats.totalBlockSize());
        double bytes = (double) sum * stats.unitBytes(used, 8);
        assertThat(bytes / used).as(text + "\nused " + used).isBetween(0.8, 1.25);
    }
}
