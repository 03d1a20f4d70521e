package dev.hangar.core.resource;

/** How a service refuses a page token it did not hand out for this request (each service has AWS's own error). */
@FunctionalInterface
public interface PagingErrors {

    /** @param token the token as the request carried it */
    RuntimeException invalidToken(String token);
}
