package io.patternscope.gateway.auth;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/** Tokens straight into the test database, the way {@code TokenAdmin create} stores them. */
public final class TestTokens {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/patternscope_test";

    private TestTokens() {
    }

    public static String create(String tenants) {
        String token = ApiTokens.generate();
        try (Connection c = DriverManager.getConnection(URL, "patternscope", "patternscope");
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO gateway.api_token (id, name, tenants, token_sha256) VALUES (?, ?, ?, ?)")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, "test " + tenants);
            insert.setString(3, tenants);
            insert.setString(4, ApiTokens.sha256Hex(token));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return token;
    }

    public static void revoke(String token) {
        try (Connection c = DriverManager.getConnection(URL, "patternscope", "patternscope");
             PreparedStatement update = c.prepareStatement(
                     "UPDATE gateway.api_token SET revoked_at = now() WHERE token_sha256 = ?")) {
            update.setString(1, ApiTokens.sha256Hex(token));
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
