package dev.hangar.runtime;

import com.github.dockerjava.api.exception.NotFoundException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EngineErrorsTest {

    @Test
    void readsTheEnginesMessageOutOfDockerJavasWording() {
        // docker-java prefixes the response body with "Status 404: "
        NotFoundException e = new NotFoundException("{\"message\":\"No such container: abc\"}\n");
        assertEquals("No such container: abc", EngineErrors.engineMessage(e));
        assertEquals("plain text", EngineErrors.engineMessage(new NotFoundException("plain text")));
    }

    @Test
    void anIoFailureUnderneathMeansNoEngineAnsweredButAnHttpErrorDoesNot() {
        RuntimeException wrapped = new RuntimeException(new ConnectException("Connection refused"));
        assertTrue(EngineErrors.isUnreachable(wrapped));
        assertEquals("Connection refused", EngineErrors.rootMessage(wrapped));
        assertFalse(EngineErrors.isUnreachable(new NotFoundException("x")));
        assertFalse(EngineErrors.isUnreachable(new IllegalStateException("bug")));
    }

    @Test
    void onlyABrokenPipeCountsAsAStaleConnectionWorthRetrying() {
        assertTrue(EngineErrors.isStaleConnection(new RuntimeException(new java.net.SocketException("Broken pipe"))));
        assertFalse(EngineErrors.isStaleConnection(new RuntimeException(new ConnectException("Connection refused"))));
        assertFalse(EngineErrors.isStaleConnection(new RuntimeException(new java.net.SocketException("Connection reset"))));
        assertFalse(EngineErrors.isStaleConnection(new NotFoundException("Broken pipe")));
    }
}
