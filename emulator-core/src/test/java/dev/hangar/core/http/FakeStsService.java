package dev.hangar.core.http;

import dev.hangar.core.service.AwsService;
import dev.hangar.core.service.Protocol;
import dev.hangar.core.service.RequestContext;
import dev.hangar.core.service.RunsOn;
import dev.hangar.core.service.ServiceDescriptor;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.IdpRejectedClaimException;
import software.amazon.awssdk.services.sts.model.InvalidIdentityTokenException;

import java.time.Instant;

/** Two STS operations in awsQuery, one of which AWS serves unsigned: enough to drive query routing and the codec. */
@RunsOn(RunsOn.Pool.EVENT_LOOP)
final class FakeStsService implements AwsService {

    static final Instant EXPIRATION = Instant.parse("2030-01-02T03:04:05Z");

    volatile RequestContext lastContext;

    @Override
    public ServiceDescriptor descriptor() {
        return ServiceDescriptor.builder("sts").protocols(Protocol.AWS_QUERY).apiVersion("2011-06-15")
                .xmlNamespace("https://sts.amazonaws.com/doc/2011-06-15/").sdkClient(StsClient.class).build();
    }

    public GetCallerIdentityResponse getCallerIdentity(RequestContext ctx, GetCallerIdentityRequest request) {
        lastContext = ctx;
        return GetCallerIdentityResponse.builder().account(ctx.accountId()).userId("AIDAHANGAR")
                .arn("arn:aws:iam::" + ctx.accountId() + ":user/hangar").build();
    }

    public AssumeRoleWithWebIdentityResponse assumeRoleWithWebIdentity(RequestContext ctx,
                                                                       AssumeRoleWithWebIdentityRequest request) {
        lastContext = ctx;
        if ("expired".equals(request.webIdentityToken())) {
            throw InvalidIdentityTokenException.builder().message("The web identity token is expired").build();
        }
        if ("rejected".equals(request.webIdentityToken())) {
            throw IdpRejectedClaimException.builder().message("Rejected <claim> & more").build();
        }
        String session = request.roleSessionName();
        return AssumeRoleWithWebIdentityResponse.builder()
                .credentials(c -> c.accessKeyId("ASIAHANGAR").secretAccessKey("secret").sessionToken("token")
                        .expiration(EXPIRATION))
                .assumedRoleUser(u -> u.arn(request.roleArn().replace(":role/", ":assumed-role/") + "/" + session)
                        .assumedRoleId("AROAHANGAR:" + session))
                .subjectFromWebIdentityToken("subject of " + request.webIdentityToken())
                .provider(request.providerId()).build();
    }
}
