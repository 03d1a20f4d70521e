package dev.hangar.core.protocol;

import dev.hangar.core.service.AwsException;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.exception.SdkServiceException;

import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * What any error a handler throws means on the wire, for every protocol: code, status, message, and the members
 * beyond the message (an SDK modelled exception's own fields, or an AwsException's extra members).
 *
 * @param modelled the SDK modelled exception when it is one (its fields are written), else null
 */
record ErrorDescription(String code, int status, String message, SdkPojo modelled, Map<String, String> extra) {

    static ErrorDescription of(ServiceModel service, Throwable error) {
        Throwable e = unwrap(error);
        if (e instanceof AwsException aws) {
            return new ErrorDescription(aws.code(), aws.status(), aws.getMessage(), null, aws.extraMembers());
        }
        if (e instanceof SdkServiceException sdk) {
            ModelledErrors.ErrorInfo info = service.modelledErrors().of(e.getClass());
            String code = info.code();
            String message;
            if (e instanceof AwsServiceException awsSdk && awsSdk.awsErrorDetails() != null) {
                AwsErrorDetails details = awsSdk.awsErrorDetails();
                code = details.errorCode() != null ? details.errorCode() : code;
                message = details.errorMessage() != null ? details.errorMessage()
                        : awsSdk.toBuilder().awsErrorDetails(null).build().getMessage();
            } else {
                message = e.getMessage();
            }
            int status = sdk.statusCode() != 0 ? sdk.statusCode() : info.status();
            return new ErrorDescription(code, status, message, e instanceof SdkPojo pojo ? pojo : null, Map.of());
        }
        String detail = e.getMessage() == null ? e.getClass().getName() : e.getClass().getName() + ": " + e.getMessage();
        return new ErrorDescription("InternalFailure", 500, "Hangar internal error: " + detail, null, Map.of());
    }

    private static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
