package dev.hangar.ecs;

/**
 * A taskDefinition parameter: "family", "family:revision" or the full ARN (with or without the revision).
 *
 * @param revision null when only the family was named (meaning the latest ACTIVE revision)
 */
record TaskDefinitionRef(String family, Integer revision) {

    /** Null when the text is none of the accepted forms. */
    static TaskDefinitionRef parse(String text, EcsArns arns) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        String body = text;
        if (text.startsWith("arn:")) {
            String resource = arns.resourceOf(text);
            if (resource == null || !resource.startsWith("task-definition/")) {
                return null;
            }
            body = resource.substring("task-definition/".length());
        }
        int colon = body.lastIndexOf(':');
        String family = colon < 0 ? body : body.substring(0, colon);
        if (!EcsValidation.NAME.matcher(family).matches()) {
            return null;
        }
        if (colon < 0) {
            return new TaskDefinitionRef(family, null);
        }
        try {
            int revision = Integer.parseInt(body.substring(colon + 1));
            return revision < 1 ? null : new TaskDefinitionRef(family, revision);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    String arn(EcsArns arns) {
        return revision == null ? arns.taskDefinitionFamily(family) : arns.taskDefinition(family, revision);
    }
}
