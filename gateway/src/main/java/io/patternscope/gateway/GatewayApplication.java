package io.patternscope.gateway;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The OpenAPI document's frame: every /api/ operation needs a bearer token (./patternscope token create). */
@OpenAPIDefinition(info = @Info(title = "Patternscope API", version = "0.1.0"),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API token from `./patternscope token create TENANTS`; tokens are scoped to their tenants' clusters")
public class GatewayApplication extends Application {
}
