package dev.hangar.core.protocol;

import java.util.HashMap;
import java.util.Map;

/**
 * Success statuses other than 200, per operation: the SDK classes do not carry them (any 2xx is success to the
 * SDK), but the CLI and other SDKs see them. Taken from botocore 1.43.11's service-2.json ("http.responseCode");
 * ECS, App Runner and EKS answer 200 everywhere. Lambda's Invoke and DeleteFunction set their status through a StatusCode member;
 * DeleteFunction's default here (204) is what AWS answers when the handler leaves it unset.
 */
final class SuccessStatuses {

    private SuccessStatuses() {
    }

    static int of(String service, String operation) {
        Map<String, Integer> ops = TABLE.get(service);
        Integer status = ops == null ? null : ops.get(operation);
        return status == null ? 200 : status;
    }

    private static final Map<String, Map<String, Integer>> TABLE = Map.of(
            "lambda", parse("""
                    AddLayerVersionPermission=201 AddPermission=201 CreateAlias=201 CreateCapacityProvider=202
                    CreateCodeSigningConfig=201 CreateEventSourceMapping=202 CreateFunction=201
                    CreateFunctionUrlConfig=201 DeleteAlias=204 DeleteCapacityProvider=202 DeleteFunction=204 DeleteCodeSigningConfig=204
                    DeleteEventSourceMapping=202 DeleteFunctionCodeSigningConfig=204 DeleteFunctionConcurrency=204
                    DeleteFunctionEventInvokeConfig=204 DeleteFunctionUrlConfig=204 DeleteLayerVersion=204
                    DeleteProvisionedConcurrencyConfig=204 InvokeAsync=202 PublishLayerVersion=201 PublishVersion=201
                    PutFunctionScalingConfig=202 PutProvisionedConcurrencyConfig=202 RemoveLayerVersionPermission=204
                    RemovePermission=204 TagResource=204 UntagResource=204 UpdateCapacityProvider=202
                    UpdateEventSourceMapping=202
                    """),
            "apigateway", parse("""
                    CreateApiKey=201 CreateAuthorizer=201 CreateBasePathMapping=201 CreateDeployment=201
                    CreateDocumentationPart=201 CreateDocumentationVersion=201 CreateDomainName=201
                    CreateDomainNameAccessAssociation=201 CreateModel=201 CreateRequestValidator=201 CreateResource=201
                    CreateRestApi=201 CreateStage=201 CreateUsagePlan=201 CreateUsagePlanKey=201 CreateVpcLink=202
                    DeleteApiKey=202 DeleteAuthorizer=202 DeleteBasePathMapping=202 DeleteClientCertificate=202
                    DeleteDeployment=202 DeleteDocumentationPart=202 DeleteDocumentationVersion=202 DeleteDomainName=202
                    DeleteDomainNameAccessAssociation=202 DeleteGatewayResponse=202 DeleteIntegration=204
                    DeleteIntegrationResponse=204 DeleteMethod=204 DeleteMethodResponse=204 DeleteModel=202
                    DeleteRequestValidator=202 DeleteResource=202 DeleteRestApi=202 DeleteStage=202 DeleteUsagePlan=202
                    DeleteUsagePlanKey=202 DeleteVpcLink=202 FlushStageAuthorizersCache=202 FlushStageCache=202
                    GenerateClientCertificate=201 ImportApiKeys=201 ImportRestApi=201 PutGatewayResponse=201
                    PutIntegration=201 PutIntegrationResponse=201 PutMethod=201 PutMethodResponse=201
                    RejectDomainNameAccessAssociation=202 TagResource=204 UntagResource=204 UpdateMethodResponse=201
                    """),
            "apigatewayv2", parse("""
                    CreateApi=201 CreateApiMapping=201 CreateAuthorizer=201 CreateDeployment=201 CreateDomainName=201
                    CreateIntegration=201 CreateIntegrationResponse=201 CreateModel=201 CreatePortal=201
                    CreatePortalProduct=201 CreateProductPage=201 CreateProductRestEndpointPage=201 CreateRoute=201
                    CreateRouteResponse=201 CreateRoutingRule=201 CreateStage=201 CreateVpcLink=201
                    DeleteAccessLogSettings=204 DeleteApi=204 DeleteApiMapping=204 DeleteAuthorizer=204
                    DeleteCorsConfiguration=204 DeleteDeployment=204 DeleteDomainName=204 DeleteIntegration=204
                    DeleteIntegrationResponse=204 DeleteModel=204 DeletePortal=204 DeletePortalProduct=204
                    DeletePortalProductSharingPolicy=204 DeleteProductPage=204 DeleteProductRestEndpointPage=204
                    DeleteRoute=204 DeleteRouteRequestParameter=204 DeleteRouteResponse=204 DeleteRouteSettings=204
                    DeleteRoutingRule=204 DeleteStage=204 DeleteVpcLink=202 DisablePortal=204 ImportApi=201
                    PreviewPortal=202 PublishPortal=202 ReimportApi=201 ResetAuthorizersCache=204 TagResource=201
                    UntagResource=204
                    """));

    private static Map<String, Integer> parse(String table) {
        Map<String, Integer> ops = new HashMap<>();
        for (String pair : table.strip().split("\\s+")) {
            int eq = pair.indexOf('=');
            ops.put(pair.substring(0, eq), Integer.parseInt(pair.substring(eq + 1)));
        }
        return Map.copyOf(ops);
    }
}
