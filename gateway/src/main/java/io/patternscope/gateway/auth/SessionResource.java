package io.patternscope.gateway.auth;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The UI's session: after logging in with a token the browser holds it in an HttpOnly cookie, so
 * every tab of the browser is logged in while no script on the page (an injected one included) can
 * read the token. SameSite=Strict and the {@link #CLIENT_HEADER} rule keep other sites from using
 * it; it is a session cookie (gone when the browser closes), limited to {@code /api/}, Secure behind
 * HTTPS. API clients keep sending {@code Authorization: Bearer}.
 */
@Path("/api/v1/session")
@Tag(name = "Auth", description = "The caller's token, tenants and clusters")
public class SessionResource {

    public static final String COOKIE = "patternscope_session";
    public static final String CLIENT_HEADER = "X-Patternscope-Client";

    static boolean isLogout(String method, String path) {
        return "DELETE".equals(method) && "/api/v1/session".equals(path);
    }

    @POST
    @Operation(summary = "Log in the browser: the bearer token of this (authenticated) call goes into an HttpOnly session cookie")
    public Response logIn(@Context HttpHeaders headers, @Context UriInfo uri) {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Response.noContent().build(); // already a session: the cookie stays as it is
        }
        return Response.noContent().header("Set-Cookie", cookie(authorization.substring(7).strip(), secure(headers, uri), false))
                .build();
    }

    @DELETE
    @Operation(summary = "Log out the browser: the session cookie is cleared")
    public Response logOut(@Context HttpHeaders headers, @Context UriInfo uri) {
        return Response.noContent().header("Set-Cookie", cookie("", secure(headers, uri), true)).build();
    }

    private static String cookie(String value, boolean secure, boolean expired) {
        return COOKIE + "=" + value + "; Path=/api/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
                + (expired ? "; Max-Age=0" : "");
    }

    /** Behind TLS (directly or at the Ingress): the cookie is never sent over plain HTTP. */
    private static boolean secure(HttpHeaders headers, UriInfo uri) {
        return "https".equalsIgnoreCase(uri.getRequestUri().getScheme())
                || "https".equalsIgnoreCase(headers.getHeaderString("X-Forwarded-Proto"));
    }
}
