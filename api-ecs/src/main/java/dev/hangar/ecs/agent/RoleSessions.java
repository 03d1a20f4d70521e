package dev.hangar.ecs.agent;

import dev.hangar.core.port.CredentialsPort;
import dev.hangar.core.port.CredentialsPort.TemporaryCredentials;
import dev.hangar.core.port.Ports;
import dev.hangar.core.time.HangarClock;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The role sessions of running tasks: the task role's (served to its containers) and the execution role's (for what
 * Hangar does on the task's behalf), issued by the {@link CredentialsPort} with the task id as session name. The
 * credentials last six hours, as the ECS agent's do; one asked for within {@link #REFRESH_BEFORE} of its expiry is
 * replaced by a fresh session, so an SDK that refreshes early always gets credentials that last.
 */
final class RoleSessions {

    static final Duration LIFETIME = Duration.ofHours(6);
    static final Duration REFRESH_BEFORE = Duration.ofMinutes(30);

    private final Ports.Ref<CredentialsPort> credentials;
    private final HangarClock clock;
    /** By "task id role ARN". */
    private final Map<String, TemporaryCredentials> sessions = new ConcurrentHashMap<>();

    RoleSessions(Ports.Ref<CredentialsPort> credentials, HangarClock clock) {
        this.credentials = credentials;
        this.clock = clock;
    }

    /** Current credentials of the role for the task, issued or re-issued when they expire soon. */
    TemporaryCredentials current(String taskId, String roleArn) {
        String key = taskId + " " + roleArn;
        Instant now = clock.now();
        return sessions.compute(key, (k, held) -> held != null && held.expiration().minus(REFRESH_BEFORE).isAfter(now)
                ? held : credentials.get().assumeRole(roleArn, taskId, LIFETIME));
    }

    void forget(String taskId) {
        sessions.keySet().removeIf(k -> k.startsWith(taskId + " "));
    }
}
