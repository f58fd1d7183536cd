-- Bearer tokens of the API, kept as SHA-256 digests only: the token itself is shown once, at creation.
-- A token is 256 random bits, so a plain digest is as hard to reverse as the token is to guess.
CREATE TABLE api_token (
    id           uuid PRIMARY KEY,
    name         text        NOT NULL,
    tenants      text        NOT NULL, -- comma-separated tenant names; '*' is every tenant
    token_sha256 char(64)    NOT NULL UNIQUE,
    created_at   timestamptz NOT NULL DEFAULT now(),
    revoked_at   timestamptz
);
