package io.patternscope.gateway.client;

import io.patternscope.core.api.ApiViews.ErrorView;
import io.patternscope.gateway.config.RoutesConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.Json;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * Forwards a request to a backing service with the Vert.x web client and hands its status, body and
 * Location back unchanged; a service that cannot be reached becomes a 503 with a JSON message.
 */
@ApplicationScoped
public class ServiceProxy {

    private final WebClient client;
    private final RoutesConfig routes;

    public ServiceProxy(Vertx vertx, RoutesConfig routes) {
        this.routes = routes;
        this.client = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true)
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, routes.timeout().toMillis())));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    public Uni<Response> toReportService(HttpMethod method, String pathAndQuery, String body) {
        return forward(routes.reportService(), "report-service", method, pathAndQuery, body);
    }

    public Uni<Response> toClassifierService(HttpMethod method, String pathAndQuery, String body) {
        return forward(routes.classifierService(), "classifier-service", method, pathAndQuery, body);
    }

    private Uni<Response> forward(URI service, String name, HttpMethod method, String pathAndQuery, String body) {
        HttpRequest<Buffer> request = client.requestAbs(method, service.toString().replaceAll("/$", "") + pathAndQuery)
                .timeout(routes.timeout().toMillis())
                .putHeader("Accept", MediaType.WILDCARD);
        Uni<HttpResponse<Buffer>> sent = body == null ? request.send()
                : request.putHeader("Content-Type", MediaType.APPLICATION_JSON).sendBuffer(Buffer.buffer(body));
        return sent.map(ServiceProxy::relay).onFailure().recoverWithItem(failure -> Response.status(503)
                .type(MediaType.APPLICATION_JSON)
                .entity(Json.encode(new ErrorView(503, name + " is unavailable: " + failure.getMessage()))).build());
    }

    private static Response relay(HttpResponse<Buffer> upstream) {
        Response.ResponseBuilder out = Response.status(upstream.statusCode());
        String type = upstream.getHeader("Content-Type");
        if (type != null) {
            out.type(type);
        }
        String location = upstream.getHeader("Location");
        if (location != null) {
            // The service answers with its own host; the client only ever sees the gateway's paths.
            out.location(URI.create(URI.create(location).getRawPath()));
        }
        Buffer body = upstream.body();
        return out.entity(body == null ? null : body.toString()).build();
    }
}
