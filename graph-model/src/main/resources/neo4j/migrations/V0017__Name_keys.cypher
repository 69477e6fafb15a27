// How common a name is weighs a shared name in the match model: each child's record links to a
// key per normalised name it gives, and the key's degree is the number of records with it.
CREATE CONSTRAINT name_key_value IF NOT EXISTS FOR (n:NameKey) REQUIRE n.value IS UNIQUE;
