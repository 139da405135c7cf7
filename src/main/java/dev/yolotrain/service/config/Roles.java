package dev.yolotrain.service.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.Map;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Beans of one role: {@code api} (REST) or {@code worker} (supervisor); {@code yolotrain.roles} lists those this process plays. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Conditional(Roles.OnRole.class)
public @interface Roles {
    String value();

    final class OnRole implements Condition {
        @Override
        public boolean matches(ConditionContext ctx, AnnotatedTypeMetadata md) {
            Map<String, Object> a = md.getAnnotationAttributes(Roles.class.getName());
            String role = (String) a.get("value");
            String roles = ctx.getEnvironment().getProperty("yolotrain.roles", "api,worker");
            return Arrays.stream(roles.split(",")).map(String::strip).anyMatch(role::equals);
        }
    }
}
