package dev.hangar.core.admin;

import static dev.hangar.core.admin.AdminJson.error;
import static dev.hangar.core.admin.AdminJson.json;

import dev.hangar.core.http.AwsHttpRequest;
import dev.hangar.core.http.AwsHttpResponse;
import dev.hangar.core.service.BoundService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/** Hangar's own endpoints under /_hangar: health, state reset, and the web console (docs/console.md). */
public final class AdminHandler {

    public static final String PREFIX = "/_hangar/";
    private static final Logger log = LoggerFactory.getLogger(AdminHandler.class);

    private final String version;
    private final Instant startedAt;
    private final List<BoundService> services;
    private final List<String> plannedServices;
    private final RuntimeAdmin runtime;
    private final Executor workers;
    private final ConsoleEndpoints console;

    public AdminHandler(String version, Instant startedAt, List<BoundService> services, List<String> plannedServices,
                        RuntimeAdmin runtime, Executor workers) {
        this.version = version;
        this.startedAt = startedAt;
        this.services = services;
        this.plannedServices = plannedServices;
        this.runtime = runtime;
        this.workers = workers;
        this.console = new ConsoleEndpoints(services, runtime);
    }

    /** GET / from a browser (it asks for HTML first) is the console's page; SDK and CLI calls to / are not. */
    public static boolean isConsoleRoot(AwsHttpRequest request) {
        return request.path().equals("/") && ConsoleEndpoints.browserWantsPage(request);
    }

    public CompletableFuture<AwsHttpResponse> handle(AwsHttpRequest request) {
        String path = request.path().endsWith("/") ? request.path().substring(0, request.path().length() - 1)
                : request.path();
        return switch (path) {
            case "/_hangar/health" -> request.method().equals("GET")
                    ? CompletableFuture.supplyAsync(this::health, workers) : methodNotAllowed("GET");
            case "/_hangar/state/reset" -> request.method().equals("POST")
                    ? CompletableFuture.supplyAsync(this::reset, workers) : methodNotAllowed("POST");
            case "", "/_hangar" -> get(request, () -> console.file("index.html"));
            case "/_hangar/resources" -> request.method().equals("GET")
                    ? CompletableFuture.supplyAsync(console::resources, workers) : methodNotAllowed("GET");
            case "/_hangar/logs" -> request.method().equals("GET")
                    ? CompletableFuture.supplyAsync(() -> console.logs(request), workers) : methodNotAllowed("GET");
            default -> consoleFile(request, path);
        };
    }

    private CompletableFuture<AwsHttpResponse> consoleFile(AwsHttpRequest request, String path) {
        AwsHttpResponse file = path.startsWith("/_hangar/console/")
                ? console.file(path.substring("/_hangar/console/".length())) : null;
        if (file == null) {
            return CompletableFuture.completedFuture(error(404, "NotFound", "no admin endpoint " + path));
        }
        return get(request, () -> file);
    }

    private static CompletableFuture<AwsHttpResponse> get(AwsHttpRequest request, Supplier<AwsHttpResponse> answer) {
        return request.method().equals("GET") ? CompletableFuture.completedFuture(answer.get())
                : methodNotAllowed("GET");
    }

    private AwsHttpResponse health() {
        RuntimeAdmin.Health health = runtime.health();
        return json(200, g -> {
            g.writeStringField("version", version);
            g.writeNumberField("uptimeSeconds", Duration.between(startedAt, Instant.now()).toMillis() / 1000.0);
            g.writeObjectFieldStart("services");
            for (String name : plannedServices) {
                BoundService bound = services.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
                g.writeObjectFieldStart(name);
                g.writeBooleanField("implemented", bound != null);
                if (bound != null) {
                    g.writeNumberField("operations", bound.model().operations().size());
                    g.writeNumberField("implementedOperations", bound.implementedCount());
                }
                g.writeEndObject();
            }
            g.writeEndObject();
            AdminJson.writeRuntime(g, health);
        });
    }

    private AwsHttpResponse reset() {
        services.forEach(s -> s.service().reset());
        int removed = runtime.removeAllContainers();
        log.info("State reset: {} services cleared, {} containers removed", services.size(), removed);
        return json(200, g -> {
            g.writeBooleanField("reset", true);
            g.writeNumberField("containersRemoved", removed);
        });
    }

    private static CompletableFuture<AwsHttpResponse> methodNotAllowed(String allowed) {
        return CompletableFuture.completedFuture(
                error(405, "MethodNotAllowed", "use " + allowed).withHeader("Allow", allowed));
    }




}
