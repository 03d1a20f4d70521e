package dev.hangar.server;

import dev.hangar.core.service.ServiceFactory;
import dev.hangar.ec2.Ec2Service;
import dev.hangar.ecs.EcsService;
import dev.hangar.lambda.LambdaService;
import dev.hangar.logs.LogsService;
import dev.hangar.secretsmanager.SecretsManagerService;
import dev.hangar.ssm.SsmService;

import java.util.List;

/**
 * Every service Hangar serves, one line each: adding a service is its module, its dependency in this module's pom,
 * and its line here (docs/architecture.md, "Adding a service"). Services meet through ports, so the order does not
 * matter to them; it is the order health and docs/coverage.md list them in.
 */
final class Services {

    static final List<ServiceFactory> ALL = List.of(
            LogsService::new,
            EcsService::new,
            LambdaService::new,
            SsmService::new,
            Ec2Service::new,
            SecretsManagerService::new);

    /** Every service Hangar is to emulate; health lists the ones not implemented yet too. */
    static final List<String> PLANNED =
            List.of("ecs", "lambda", "eks", "apigateway", "apigatewayv2", "apprunner", "logs");

    private Services() {
    }
}
