package dev.yolotrain.service.api;

import dev.yolotrain.service.security.Caller;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** /v3/api-docs and Swagger UI (/swagger-ui.html): the API key goes in "Authorize" as a Bearer token. */
@Configuration
public class OpenApiConfig {
    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    OpenAPI yolotrainOpenApi() {
        return new OpenAPI()
                .info(new Info().title("yolotrain").version("v1")
                        .description("YOLOv5 training as a service. Upload a dataset zip, submit a job, watch its epochs "
                                + "(SSE), download results.csv and the best checkpoint. Every call needs "
                                + "'Authorization: Bearer <API key>'."))
                .components(new Components().addSecuritySchemes("apiKey",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").description("the API key")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }
}
