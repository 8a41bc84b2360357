package dev.precog.analyzer.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JfrRepositoryVolumeTest {

    @TempDir
    Path temp;
    Path repository;

    @BeforeEach
    void createTheRepository() throws IOException {
        repository = Files.createDirectory(temp.resolve("2026_12_02_00_35_01_4242"));
    }

    @AfterEach
    void forgetTheRepository() {
        System.clearProperty(JfrRepositoryVolume.REPOSITORY_PROPERTY);
    }

    @Test
    void unknownUntilJfrPublishesItsRepository() {
        System.clearProperty(JfrRepositoryVolume.REPOSITORY_PROPERTY);
        assertThat(new JfrRepositoryVolume().bytesWritten()).isEmpty();
    }

    @Test
    void countsGrowthOfChunksAndKeepsWhatDeletedChunksHeld() throws IOException {
        System.setProperty(JfrRepositoryVolume.REPOSITORY_PROPERTY, repository.toString());
        Path first = repository.resolve("2026_12_02_00_35_01.jfr");
        Files.write(first, new byte[1000]);
        Files.write(repository.resolve("not-a-chunk.txt"), new byte[5000]);
        JfrRepositoryVolume volume = new JfrRepositoryVolume();
        assertThat(volume.bytesWritten()).as("counts from the first look").isEqualTo(OptionalLong.of(0));
        Files.write(first, new byte[1500]);
        assertThat(volume.bytesWritten()).isEqualTo(OptionalLong.of(500));
        // the chunk is finished and a new one started; then the old one ages out and is deleted
        Path second = repository.resolve("2026_12_02_00_37_01.jfr");
        Files.write(second, new byte[300]);
        assertThat(volume.bytesWritten()).isEqualTo(OptionalLong.of(800));
        Files.delete(first);
        Files.write(second, new byte[400]);
        assertThat(volume.bytesWritten()).as("deleted bytes were written all the same").isEqualTo(OptionalLong.of(900));
        // the stream closes and JFR removes its repository: what was written stays written
        Files.delete(second);
        Files.delete(repository.resolve("not-a-chunk.txt"));
        Files.delete(repository);
        assertThat(volume.bytesWritten()).isEqualTo(OptionalLong.of(900));
    }
}
