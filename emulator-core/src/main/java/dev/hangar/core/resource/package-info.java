/**
 * What every service's resources share, written once so that services cannot drift apart: the pager and its opaque
 * tokens ({@link dev.hangar.core.resource.Pager}), a resource's tags with AWS's rules
 * ({@link dev.hangar.core.resource.ResourceTags}, {@link dev.hangar.core.resource.TagRules},
 * {@link dev.hangar.core.resource.SdkTags}), ARNs ({@link dev.hangar.core.resource.Arn},
 * {@link dev.hangar.core.resource.ArnScope}) and AWS's front-end validation message
 * ({@link dev.hangar.core.resource.Validation}).
 *
 * <p>None of it knows a service's error codes: each piece takes the service's own error factory
 * ({@link dev.hangar.core.resource.PagingErrors}, {@link dev.hangar.core.resource.TagErrors},
 * {@link dev.hangar.core.resource.ValidationErrors}), so ECS keeps its InvalidParameterException, Lambda its
 * InvalidParameterValueException and CloudWatch Logs its InvalidParameterException for validation, each with the
 * texts AWS sends.
 */
package dev.hangar.core.resource;
