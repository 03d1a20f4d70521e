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

    /** AKID/date/region/service/aws4_request; as {@code split("/")} reads it: trailing empty parts do not count. */
    static CredentialScope parse(String credential) {
        int end = credential.length();
        while (end > 0 && credential.charAt(end - 1) == '/') {
            end--;
        }
        int first = credential.indexOf('/');
        if (first <= 0 || first >= end) {
            return null;
        }
        int second = credential.indexOf('/', first + 1);
        if (second < 0 || second >= end) {
            return null;
        }
        int third = credential.indexOf('/', second + 1);
        if (third < 0 || third >= end) {
            return null;
        }
        int fourth = credential.indexOf('/', third + 1);
        if (fourth < 0 || fourth >= end) {
            return null;
        }
        int fifth = credential.indexOf('/', fourth + 1);
        if (fifth >= 0 && fifth < end) {
            return null;
        }
        return new CredentialScope(credential.substring(0, first), credential.substring(second + 1, third),
                credential.substring(third + 1, fourth));
    }
}
