package dev.hangar.server;

import dev.hangar.core.protocol.OperationModel;
import dev.hangar.core.protocol.ServiceModel;
import dev.hangar.core.service.BoundService;
import dev.hangar.core.service.Protocol;
import dev.hangar.core.service.ServiceDescriptor;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apprunner.AppRunnerClient;
import software.amazon.awssdk.services.eks.EksClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * docs/coverage.md is generated from the code: every operation of each service's SDK client, and whether the running
 * Hangar binds a handler to it. This test fails when the committed page is stale; regenerate it with
 * {@code mvn -pl emulator-server -am test -Dtest=CoverageDocTest -Dsurefire.failIfNoSpecifiedTests=false -Dhangar.updateDocs=true}.
 */
class CoverageDocTest {

    private static final Path PAGE = Path.of("..", "docs", "coverage.md");

    /** A wired service with more operations than this (EC2 has 811) lists its implemented ones only, and a count. */
    private static final int LISTED_IN_FULL = 300;

    /** Planned services not wired yet, with the SDK client that lists their operations. */
    private static final Map<String, Class<?>> NOT_STARTED = Map.of(
            "eks", EksClient.class, "apigateway", ApiGatewayClient.class,
            "apigatewayv2", ApiGatewayV2Client.class, "apprunner", AppRunnerClient.class);

    @Test
    void committedCoveragePageMatchesTheCode() throws Exception {
        String page;
        try (Hangar hangar = Hangar.start(HangarConfig.fromEnvironment(Map.of("HANGAR_PORT", "0")))) {
            page = render(hangar.server().services());
        }
        if (Boolean.getBoolean("hangar.updateDocs") || !Files.exists(PAGE)) {
            Files.writeString(PAGE, page);
        }
        assertEquals(page, Files.readString(PAGE), "docs/coverage.md is stale; see this test's javadoc to regenerate");
    }

    private static String render(List<BoundService> services) {
        // every wired service appears by itself, planned or not
        Set<String> names = new LinkedHashSet<>(Services.PLANNED);
        services.forEach(s -> names.add(s.name()));
        StringBuilder out = new StringBuilder("# Operation coverage\n\n"
                + "Generated from the code by `CoverageDocTest` (emulator-server): every operation of each service's "
                + "AWS SDK for Java v2 client, and whether Hangar implements it. An operation marked no answers "
                + "HTTP 501 \"not implemented in Hangar\". A service of more than " + LISTED_IN_FULL
                + " operations lists the ones implemented and counts the rest.\n\n"
                + "| service | implemented | operations |\n|---|---|---|\n");
        for (String name : names) {
            BoundService bound = services.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
            int total = bound != null ? bound.model().operations().size() : model(name).operations().size();
            out.append("| ").append(name).append(" | ").append(bound == null ? 0 : bound.implementedCount())
                    .append(" | ").append(total).append(" |\n");
        }
        for (String name : names) {
            BoundService bound = services.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
            ServiceModel model = bound != null ? bound.model() : model(name);
            out.append("\n## ").append(name).append("\n\n");
            if (bound == null) {
                out.append("Not started: every operation answers 501.\n\n");
            }
            boolean summarised = bound != null && model.operations().size() > LISTED_IN_FULL;
            out.append("| operation | implemented |\n|---|---|\n");
            for (OperationModel operation : model.operations()) {
                boolean implemented = bound != null && bound.implemented(operation.name());
                if (implemented || !summarised) {
                    out.append("| ").append(operation.name()).append(" | ").append(implemented ? "yes" : "no")
                            .append(" |\n");
                }
            }
            if (summarised) {
                out.append("\nThe other ").append(model.operations().size() - bound.implementedCount())
                        .append(" operations of the SDK client answer 501; they are not listed one by one.\n");
            }
        }
        return out.toString();
    }

    private static ServiceModel model(String name) {
        return ServiceModel.of(ServiceDescriptor.builder(name).protocols(Protocol.REST_JSON_1)
                .sdkClient(NOT_STARTED.get(name)).build());
    }
}
