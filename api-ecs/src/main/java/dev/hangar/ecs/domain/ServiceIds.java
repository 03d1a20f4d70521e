package dev.hangar.ecs.domain;

/** The identifiers a service's deployments get, in ECS's formats (the ARNs need the region and account). */
public interface ServiceIds {

    /** ecs-svc/ and 19 digits. */
    String deploymentId();

    /** arn:…:service-revision/&lt;cluster&gt;/&lt;service&gt;/&lt;the deployment id's digits&gt; */
    String revisionArn(String deploymentId);

    /** arn:…:service-deployment/&lt;cluster&gt;/&lt;service&gt;/&lt;22 characters&gt; */
    String serviceDeploymentArn();
}
