package dev.precog.agent.profiler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AsyncProfilerLibraryTest {

    @Test
    void onlyLinuxX64AndArm64HaveALibrary() {
        assertThat(AsyncProfilerLibrary.platform("Linux", "amd64")).isEqualTo("linux-x64");
        assertThat(AsyncProfilerLibrary.platform("Linux", "aarch64")).isEqualTo("linux-arm64");
        assertThat(AsyncProfilerLibrary.platform("Mac OS X", "aarch64")).isNull();
        assertThat(AsyncProfilerLibrary.platform("Linux", "s390x")).isNull();
    }

    @Test
    void fromJdk24NativeAccessMustBeGrantedByTheOperator() {
        assertThat(AsyncProfilerLibrary.nativeAccessRefusal(17, false, List.of())).isNull();
        assertThat(AsyncProfilerLibrary.nativeAccessRefusal(23, false, List.of())).isNull();
        assertThat(AsyncProfilerLibrary.nativeAccessRefusal(25, true, List.of())).isNull();
        assertThat(AsyncProfilerLibrary.nativeAccessRefusal(25, false, List.of("--illegal-native-access=allow"))).isNull();
        assertThat(AsyncProfilerLibrary.nativeAccessRefusal(25, false, List.of("-Xmx1g")))
                .contains("JEP 472", "--enable-native-access=ALL-UNNAMED");
    }
}
