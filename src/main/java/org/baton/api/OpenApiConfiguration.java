package org.baton.api;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3.1 description at {@code /v3/api-docs}: Bearer tokens (and HTTP Basic where it is
 * switched on) secure every operation, and every operation may answer 401 with a problem document,
 * so that one is added here rather than on each operation.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER = "bearerToken";
    static final String BASIC = "basic";
    static final String PROBLEM_SCHEMA = "Problem";

    @Bean
    OpenAPI batonOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Baton API")
                        .version("v1")
                        .description("The REST API of Baton, an IT service desk. JSON in and out, camelCase fields, cursor "
                                + "pagination ({\"items\": [...], \"nextCursor\": \"...\"} plus a Link rel=\"next\" header), "
                                + "optimistic locking with ETag and If-Match, and RFC 9457 problem documents for every error. "
                                + "Authenticate with a personal API token: 'Authorization: Bearer baton_...'.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .description("A personal API token (baton_...), created with POST /api/v1/tokens or in your profile."))
                        .addSecuritySchemes(BASIC, new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("basic")
                                .description("Username and password; only where the administrator switched HTTP Basic on.")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }

    @Bean
    OpenApiCustomizer unauthenticatedResponses() {
        return openApi -> {
            Components components = openApi.getComponents();
            if (components.getSchemas() == null || !components.getSchemas().containsKey(PROBLEM_SCHEMA)) {
                ModelConverters.getInstance().read(ProblemDocument.class).forEach(components::addSchemas);
            }
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                if (operation.getResponses() != null && !operation.getResponses().containsKey("401")) {
                    operation.getResponses().addApiResponse("401", new ApiResponse()
                            .description("No credentials, or a token that is unknown, revoked or expired, or an account that is deactivated.")
                            .addHeaderObject("WWW-Authenticate", new io.swagger.v3.oas.models.headers.Header()
                                    .description("Bearer realm=\"baton\"")
                                    .schema(new Schema<String>().type("string")))
                            .content(new Content().addMediaType("application/problem+json",
                                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA)))));
                }
            }));
        };
    }
}
