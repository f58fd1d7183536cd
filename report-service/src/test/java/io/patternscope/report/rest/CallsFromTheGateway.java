package io.patternscope.report.rest;

import io.patternscope.core.internalapi.ServiceCredential;
import io.restassured.RestAssured;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The class's REST calls come from the gateway: each shows the service credential of the test profile. */
public class CallsFromTheGateway implements BeforeAllCallback, AfterAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        RestAssured.filters((request, response, next) -> {
            request.header(ServiceCredential.HEADER, "test-service-credential");
            return next.next(request, response);
        });
    }

    @Override
    public void afterAll(ExtensionContext context) {
        RestAssured.replaceFiltersWith(List.of());
    }
}
