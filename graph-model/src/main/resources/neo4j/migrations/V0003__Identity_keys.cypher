// Records that share an identity key are one child or one person. The constraint makes
// concurrent ingest transactions meet on one key node instead of each creating its own.
CREATE CONSTRAINT identity_key_value IF NOT EXISTS FOR (n:IdentityKey) REQUIRE n.value IS UNIQUE;
