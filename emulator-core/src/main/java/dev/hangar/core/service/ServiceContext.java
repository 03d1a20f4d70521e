package dev.hangar.core.service;

import dev.hangar.core.dataplane.DataPlaneRouter;
import dev.hangar.core.http.Listeners;
import dev.hangar.core.port.Accounts;
import dev.hangar.core.port.Ports;
import dev.hangar.core.time.HangarClock;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * What Hangar shares with every service it makes: time, threads, the ports to other services, the in-process client,
 * the data-plane router and extra listeners, and the settings. All of it exists before the first service is made.
 *
 * @param clock          Hangar's clock (HANGAR_TIME_SCALE) and its timers
 * @param realTimeTimers timers for durations that measure real work and must not scale (short tasks only)
 * @param workers        blocking work that is not the Docker engine's (files, zips, waiting)
 * @param engine         calls to the container engine, which may take long (image pulls): kept apart so they cannot
 *                       starve the control planes
 * @param endpoint       Hangar's own API endpoint, known once the server listens (for functions' and tasks' SDKs)
 * @param dataDirectory  where services keep files (function code), removed at shutdown unless configured
 * @param environment    the process environment, for services' own settings (HANGAR_LAMBDA_* …)
 */
public record ServiceContext(
        String defaultRegion,
        HangarClock clock,
        ScheduledExecutorService realTimeTimers,
        ExecutorService workers,
        ExecutorService engine,
        Ports ports,
        Accounts accounts,
        ServiceCalls calls,
        DataPlaneRouter dataPlane,
        Listeners listeners,
        Supplier<URI> endpoint,
        Path dataDirectory,
        Map<String, String> environment) {

    public String defaultAccount() {
        return accounts.defaultAccount();
    }
}
