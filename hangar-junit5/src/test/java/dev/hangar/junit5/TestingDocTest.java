package dev.hangar.junit5;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/testing.md shows the example project's test word for word, so the snippet users copy is the one that runs. */
class TestingDocTest {

    @Test
    void theDocsSnippetIsTheExampleTest() throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        String doc = Files.readString(root.resolve("docs/testing.md"));
        String test = Files.readString(root.resolve("examples/src/test/java/dev/hangar/examples/ComputeAppTest.java"));
        assertTrue(doc.contains("```java\n" + test + "```\n"),
                "docs/testing.md's snippet differs from examples/.../ComputeAppTest.java: copy the file into it");
        String container = Files.readString(
                root.resolve("examples/src/test/java/dev/hangar/examples/ComputeAppContainerTest.java"));
        assertTrue(doc.contains("```java\n" + container + "```\n"),
                "docs/testing.md's snippet differs from examples/.../ComputeAppContainerTest.java: copy the file into it");
    }
}
