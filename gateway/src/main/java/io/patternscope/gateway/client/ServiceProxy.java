package io.patternscope.gateway.client;

import io.patternscope.core.api.AuthorHeader;
import io.patternscope.core.api.ClusterScope;
import io.patternscope.core.internalapi.ServiceCredential;
import io.patternscope.gateway.config.InternalApiConfig;
import io.patternscope.gateway.config.RoutesConfig;
import io.patternscope.gateway.rest.ErrorResponses;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
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
 * Location back unchanged, showing the service credential; a service that cannot be reached becomes
 * a 503 with a JSON message.
 */
@ApplicationScoped
public class ServiceProxy {

    private final WebClient client;
    private final RoutesConfig routes;
    private final ServiceCredential credential;

    public ServiceProxy(Vertx vertx, RoutesConfig routes, InternalApiConfig internalApi) {
        this.routes = routes;
        this.credential = new ServiceCredential(internalApi.credential());
        this.client = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true)
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, routes.timeout().toMillis())));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** Forwards with the caller's clusters, which report-service enforces (404 for any other cluster). */
    public Uni<Response> toReportService(ClusterScope scope, HttpMethod method, String pathAndQuery, String body) {
        return toReportService(scope, null, method, pathAndQuery, body);
    }

    /** The same, naming {@code author} (the caller's token) as the one who wrote what the call stores. */
    public Uni<Response> toReportService(ClusterScope scope, String author, HttpMethod method, String pathAndQuery,
                                         String body) {
        return forward(routes.reportService(), "report-service", scope, author, method, pathAndQuery, body)
                .map(ServiceProxy::relay).onFailure().recoverWithItem(failure -> unavailable("report-service", failure));
    }

    /** The same call, answered as the service's raw response (status and body), for the gateway's own use. */
    public Uni<HttpResponse<Buffer>> callReportService(ClusterScope scope, HttpMethod method, String pathAndQuery) {
        return forward(routes.reportService(), "report-service", scope, null, method, pathAndQuery, null);
    }

    public Uni<Response> toClassifierService(HttpMethod method, String pathAndQuery, String body) {
        return forward(routes.classifierService(), "classifier-service", null, null, method, pathAndQuery, body)
                .map(ServiceProxy::relay).onFailure().recoverWithItem(failure -> unavailable("classifier-service", failure));
    }

    private Uni<HttpResponse<Buffer>> forward(URI service, String name, ClusterScope scope, String author,
                                              HttpMethod method, String pathAndQuery, String body) {
        HttpRequest<Buffer> request = client.requestAbs(method, service.toString().replaceAll("/$", "") + pathAndQuery)
                .timeout(routes.timeout().toMillis())
                .putHeader("Accept", MediaType.WILDCARD)
                .putHeader(ServiceCredential.HEADER, credential.value());
        if (scope != null) {
            request.putHeader(ClusterScope.HEADER, scope.header());
        }
        if (author != null) {
            request.putHeader(AuthorHeader.HEADER, author);
        }
        return body == null ? request.send()
                : request.putHeader("Content-Type", MediaType.APPLICATION_JSON).sendBuffer(Buffer.buffer(body));
    }

    static Response unavailable(String name, Throwable failure) {
        return ErrorResponses.json(503, name + " is unavailable: " + failure.getMessage()).build();
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
