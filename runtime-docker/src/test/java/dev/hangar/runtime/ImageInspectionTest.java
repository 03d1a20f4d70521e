package dev.hangar.runtime;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** inspectImage reads the image's own configuration (scripts/build-test-images.sh and build-lambda-images.sh). */
class ImageInspectionTest {

    private static RuntimeFixture fx;

    @BeforeAll
    static void connect() {
        fx = new RuntimeFixture();
        for (String image : List.of(TestImages.LAMBDA_PYTHON, TestImages.PYTHON_PLAIN)) {
            assertTrue(fx.runtime.imagePresent(image), image + " missing: run bash scripts/build-lambda-images.sh");
        }
    }

    @AfterAll
    static void cleanUp() {
        fx.close();
    }

    @Test
    void anImageWithARuntimeClientHasItAsEntrypoint() {
        ImageInfo info = fx.runtime.inspectImage(TestImages.LAMBDA_PYTHON);
        assertTrue(info.id().startsWith("sha256:"), info.id());
        assertEquals(List.of("python3", "-u", "/var/runtime/bootstrap.py"), info.entrypoint());
        assertEquals("/var/task", info.workingDir());
        assertTrue(info.environment().containsKey("PATH"), info.environment().toString());
    }

    @Test
    void plainImagesHaveNoEntrypointOnlyACommand() {
        ImageInfo web = fx.runtime.inspectImage(TestImages.WEB);
        assertEquals(List.of(), web.entrypoint());
        assertEquals(List.of("httpd", "-f", "-p", "8080", "-h", "/www"), web.command());
        assertNull(web.workingDir());
        assertNull(web.user());

        ImageInfo python = fx.runtime.inspectImage(TestImages.PYTHON_PLAIN);
        assertEquals(List.of(), python.entrypoint());
        assertEquals(List.of("python3"), python.command());
        assertEquals("/var/task", python.workingDir());
        // the same image under a name without a tag, and by id
        assertEquals(python.id(), fx.runtime.inspectImage("hangar-test/python-plain").id());
        assertEquals(python, fx.runtime.inspectImage(python.id()));
    }

    @Test
    void aMissingImageIsNotPulledAndSaysSo() {
        String missing = "127.0.0.1:1/hangar-test/missing:1.0";
        ImageNotFoundException e = assertThrows(ImageNotFoundException.class, () -> fx.runtime.inspectImage(missing));
        assertTrue(e.getMessage().startsWith("Cannot inspect image " + missing + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("No such image"), e.getMessage());
        assertFalse(fx.runtime.imagePresent(missing));
    }
}
