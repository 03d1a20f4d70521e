package dev.hangar.core.routing;

import dev.hangar.core.http.AwsHttpRequest;

/**
 * The SigV4 credential scope of a request: AKID/date/region/service/aws4_request, from the Authorization header or a
 * presigned URL's X-Amz-Credential. Hangar does not check signatures (as LocalStack does not); it reads who and where.
 */
public record CredentialScope(String accessKeyId, String region, String service) {

    private static final String MARKER = "Credential=";

    /** The scope, or null when the request is unsigned or its scope is malformed. */
    public static CredentialScope of(AwsHttpRequest request) {
        String authorization = request.header("authorization");
        if (authorization != null) {
            int start = authorization.indexOf(MARKER);
            if (start >= 0) {
                start += MARKER.length();
                int end = authorization.indexOf(',', start);
                return parse(authorization.substring(start, end < 0 ? authorization.length() : end).trim());
            }
        }
        String presigned = request.queryParam("X-Amz-Credential");
        return presigned == null ? null : parse(presigned);
    }

    static CredentialScope parse(String credential) {
        String[] parts = credential.split("/");
        if (parts.length != 5 || parts[0].isEmpty()) {
            return null;
        }
        return new CredentialScope(parts[0], parts[2], parts[3]);
    }
}
