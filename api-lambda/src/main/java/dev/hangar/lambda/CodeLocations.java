package dev.hangar.lambda;

import dev.hangar.core.service.RequestContext;
import dev.hangar.lambda.domain.CodePackage;
import dev.hangar.lambda.domain.FunctionConfigurationState;
import dev.hangar.lambda.domain.LambdaFunction;
import software.amazon.awssdk.services.lambda.model.FunctionCodeLocation;

/**
 * GetFunction's Code member. For a zip, AWS hands out a presigned S3 URL; Hangar hands out a URL on its own endpoint
 * that {@link CodeDownloads} serves (wired at {@link CodeDownloads#PREFIX}). Images answer with the image URI.
 */
final class CodeLocations {

    private CodeLocations() {
    }

    static FunctionCodeLocation of(RequestContext ctx, LambdaRegion region, LambdaFunction function,
                                   FunctionConfigurationState version) {
        CodePackage code = version.code();
        if (code.isImage()) {
            return FunctionCodeLocation.builder().repositoryType("ECR").imageUri(code.imageUri())
                    .resolvedImageUri(code.imageUri()).build();
        }
        FunctionCodeLocation.Builder b = FunctionCodeLocation.builder().repositoryType("S3");
        String host = ctx.http() == null ? null : ctx.http().header("host");
        if (code.packageFile() != null && host != null) {
            b.location("http://" + host + CodeDownloads.PREFIX + CodeDownloads.token(region, function, code));
        }
        return b.build();
    }
}
