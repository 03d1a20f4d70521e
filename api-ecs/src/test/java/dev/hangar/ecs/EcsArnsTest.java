package dev.hangar.ecs;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class EcsArnsTest {

    private static final EcsArns ARNS = new EcsArns("us-east-1", "000000000000");

    @Test
    void clusterParameter() {
        assertEquals("default", ARNS.clusterName(null));
        assertEquals("a", ARNS.clusterName("a"));
        assertEquals("a", ARNS.clusterName("arn:aws:ecs:us-east-1:000000000000:cluster/a"));
        assertNull(ARNS.clusterName("arn:aws:ecs:eu-west-1:000000000000:cluster/a"), "another region");
        assertNull(ARNS.clusterName("arn:aws:ecs:us-east-1:000000000000:task/a/b"));
    }

    @Test
    void taskParameter() {
        assertEquals("abc", EcsArns.taskId("abc"));
        assertEquals("abc", EcsArns.taskId("arn:aws:ecs:us-east-1:000000000000:task/c/abc"));
        assertEquals("abc", EcsArns.taskId("arn:aws:ecs:us-east-1:000000000000:task/abc"), "old ARN format");
        assertNull(EcsArns.taskId("a/b"));
        assertNull(EcsArns.taskId("arn:aws:ecs:us-east-1:000000000000:cluster/c"));
    }

    @Test
    void taskDefinitionParameter() {
        assertEquals(new TaskDefinitionRef("fam", null), TaskDefinitionRef.parse("fam", ARNS));
        assertEquals(new TaskDefinitionRef("fam", 2), TaskDefinitionRef.parse("fam:2", ARNS));
        assertEquals(new TaskDefinitionRef("fam", 2), TaskDefinitionRef.parse(ARNS.taskDefinition("fam", 2), ARNS));
        assertEquals(new TaskDefinitionRef("fam", null), TaskDefinitionRef.parse(ARNS.taskDefinitionFamily("fam"), ARNS));
        assertNull(TaskDefinitionRef.parse("fam:0", ARNS));
        assertNull(TaskDefinitionRef.parse("fam:x", ARNS));
        assertNull(TaskDefinitionRef.parse("bad name", ARNS));
        assertNull(TaskDefinitionRef.parse("arn:aws:ecs:us-east-1:000000000000:cluster/c", ARNS));
    }
}
