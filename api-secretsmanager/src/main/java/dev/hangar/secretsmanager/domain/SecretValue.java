package dev.hangar.secretsmanager.domain;

import software.amazon.awssdk.core.SdkBytes;

/**
 * The protected data of one version: a string or bytes, never both (the handlers refuse both and neither).
 * SdkBytes compares by content, so two requests with the same data make equal values, which idempotent retries need.
 */
public record SecretValue(String string, SdkBytes binary) {
}
