package dev.hangar.core.service;

import dev.hangar.core.http.AwsHttpRequest;

import java.time.Instant;

/** Who asked, where, and when: what every handler needs besides the typed request. */
public record RequestContext(
        String requestId,
        String accountId,
        String region,
        String serviceName,
        String operationName,
        AwsHttpRequest http,
        Instant receivedAt) {
}
