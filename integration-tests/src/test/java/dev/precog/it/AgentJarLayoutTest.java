package dev.precog.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precog.it.harness.Paths;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The agent jar shows the application nothing but Precog's own boot classes. */
class AgentJarLayoutTest {

    @Test
    void everyEntryIsPrecogsOwnOrHiddenUnderInst() throws IOException {
        try (JarFile jar = new JarFile(Paths.agentJar().toFile())) {
            List<String> names = Collections.list(jar.entries()).stream().map(JarEntry::getName).toList();
            assertThat(names).allSatisfy(n -> assertThat(n).matches("(dev/precog/.*|dev/|META-INF/.*|inst/.*)"));
            // Classes outside inst/ would land on the application's class path with -javaagent.
            assertThat(names).filteredOn(n -> n.endsWith(".class"))
                    .allSatisfy(n -> assertThat(n).matches("dev/precog/agent/boot/.*"));
            assertThat(names).filteredOn(n -> n.startsWith("inst/")).noneMatch(n -> n.endsWith(".class"));
            assertThat(names).contains("inst/com/fasterxml/jackson/databind/ObjectMapper.classdata",
                    "inst/oshi/SystemInfo.classdata", "inst/com/sun/jna/Native.classdata",
                    "inst/org/HdrHistogram/Histogram.classdata", "inst/net/bytebuddy/agent/ByteBuddyAgent.classdata");
        }
    }

    @Test
    void manifestDeclaresAgentAndCommandLineEntryPoints() throws IOException {
        try (JarFile jar = new JarFile(Paths.agentJar().toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();
            assertThat(main.getValue("Premain-Class")).isEqualTo("dev.precog.agent.boot.PrecogAgent");
            assertThat(main.getValue("Agent-Class")).isEqualTo("dev.precog.agent.boot.PrecogAgent");
            assertThat(main.getValue("Main-Class")).isEqualTo("dev.precog.agent.boot.PrecogMain");
            assertThat(main.getValue("Can-Retransform-Classes")).isEqualTo("true");
        }
    }
}
