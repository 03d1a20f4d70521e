package dev.hangar.core.service;

import java.util.List;

/**
 * The wire identity of one AWS service.
 *
 * @param name             Hangar's id for it, as in IAM actions and docs: "ecs", "lambda", "apigatewayv2"
 * @param signingName      the SigV4 credential-scope service: "ecs", "lambda", "apigateway"
 * @param protocol         its wire protocol
 * @param targetPrefix     awsJson's X-Amz-Target prefix ("AmazonEC2ContainerServiceV20141113"), null for REST
 * @param sdkClient        the SDK v2 sync client interface (EcsClient.class); its methods list every operation
 * @param pathPrefixes     restJson path prefixes that identify the service when no credential scope does
 */
public record ServiceDescriptor(
        String name,
        String signingName,
        Protocol protocol,
        String targetPrefix,
        Class<?> sdkClient,
        List<String> pathPrefixes) {
}
