package org.officialblogs.cli;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's training run for the class-data archive asks for every page it lists and fails when one does not
 * answer; the build only prints that failure, so this test is what notices (a robots.txt rule once kept the
 * training's fetcher off the API's pages, and the archive went without them).
 */
class ClassDataTrainingTest {

    @Test
    void everyPageTheTrainingAsksForAnswers(@TempDir Path dir, @TempDir Path folder) {
        assertThatCode(() -> ClassDataTraining.run(dir, folder)).doesNotThrowAnyException();
    }
}
