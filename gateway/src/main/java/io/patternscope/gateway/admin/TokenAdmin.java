package io.patternscope.gateway.admin;

import io.patternscope.gateway.auth.ApiTokens;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;

/**
 * {@code ./patternscope token create TENANTS [NAME] | list | revoke ID}: the admin command for API
 * tokens. Creating prints the token once (only its SHA-256 is stored); TENANTS is a comma list of
 * tenant names or {@code *} for all. Plain JDBC on the gateway's database (PATTERNSCOPE_DB_JDBC_URL,
 * PGUSER, PGPASSWORD), with the gateway's own migrations applied first, so it works before the
 * gateway ever ran.
 */
public final class TokenAdmin {

    private static final Pattern TENANT = Pattern.compile("\\*|[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");

    private TokenAdmin() {
    }

    public static void main(String[] args) {
        try {
            System.exit(run(args));
        } catch (IllegalArgumentException e) {
            System.err.println("token: " + e.getMessage());
            System.exit(2);
        } catch (SQLException | RuntimeException e) {
            System.err.println("token: the token database is unavailable: " + e.getMessage());
            System.exit(1);
        }
    }

    static int run(String[] args) throws SQLException {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: token create TENANTS [NAME] | token list | token revoke ID");
        }
        String url = env("PATTERNSCOPE_DB_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/patternscope");
        String user = env("PGUSER", "patternscope");
        String password = env("PGPASSWORD", "patternscope");
        switch (args[0]) {
            case "create" -> {
                if (args.length < 2) {
                    throw new IllegalArgumentException("usage: token create TENANTS [NAME] (TENANTS: a,b or *)");
                }
                String tenants = tenants(args[1]);
                String name = args.length > 2 ? args[2] : "token for " + tenants;
                migrate(url, user, password);
                String token = ApiTokens.generate();
                try (Connection c = DriverManager.getConnection(url, user, password);
                     PreparedStatement insert = c.prepareStatement(
                             "INSERT INTO gateway.api_token (id, name, tenants, token_sha256) VALUES (?, ?, ?, ?)")) {
                    UUID id = UUID.randomUUID();
                    insert.setObject(1, id);
                    insert.setString(2, name);
                    insert.setString(3, tenants);
                    insert.setString(4, ApiTokens.sha256Hex(token));
                    insert.executeUpdate();
                    System.err.println("created token " + id + " (" + name + ") for tenants " + tenants
                            + "; it is shown once, keep it:");
                    System.out.println(token);
                }
                return 0;
            }
            case "list" -> {
                migrate(url, user, password);
                try (Connection c = DriverManager.getConnection(url, user, password);
                     ResultSet rows = c.createStatement().executeQuery(
                             "SELECT id, name, tenants, created_at, revoked_at FROM gateway.api_token ORDER BY created_at")) {
                    while (rows.next()) {
                        System.out.printf("%s  %-10s  %-24s  %s  %s%n", rows.getString("id"),
                                rows.getTimestamp("revoked_at") == null ? "active" : "revoked", rows.getString("tenants"),
                                rows.getTimestamp("created_at").toInstant(), rows.getString("name"));
                    }
                }
                return 0;
            }
            case "revoke" -> {
                if (args.length < 2) {
                    throw new IllegalArgumentException("usage: token revoke ID (see token list)");
                }
                UUID id;
                try {
                    id = UUID.fromString(args[1]);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("'" + args[1] + "' is not a token id (see token list)");
                }
                migrate(url, user, password);
                try (Connection c = DriverManager.getConnection(url, user, password);
                     PreparedStatement revoke = c.prepareStatement(
                             "UPDATE gateway.api_token SET revoked_at = now() WHERE id = ? AND revoked_at IS NULL")) {
                    revoke.setObject(1, id);
                    if (revoke.executeUpdate() == 0) {
                        System.err.println("token: no active token " + id);
                        return 1;
                    }
                    System.err.println("revoked " + id + "; gateways stop accepting it within their cache TTL (30 s)");
                }
                return 0;
            }
            default -> throw new IllegalArgumentException("unknown subcommand '" + args[0] + "'; use create, list or revoke");
        }
    }

    static String tenants(String list) {
        String[] names = Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toArray(String[]::new);
        if (names.length == 0) {
            throw new IllegalArgumentException("name at least one tenant (or * for all)");
        }
        for (String name : names) {
            if (!TENANT.matcher(name).matches()) {
                throw new IllegalArgumentException("'" + name + "' is not a tenant name (letters, digits, . _ -)");
            }
        }
        return String.join(",", names);
    }

    private static void migrate(String url, String user, String password) {
        Flyway.configure().dataSource(url, user, password).schemas("gateway").locations("classpath:db/gateway").load().migrate();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
