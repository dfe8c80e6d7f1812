-- Questions asked and how they were answered, and the votes on answers: what /gaps reports
-- to moderators. Users are kept only as a hash of platform and user ID.
CREATE TABLE questions (
    id        INTEGER PRIMARY KEY,
    platform  TEXT    NOT NULL,
    chat      TEXT    NOT NULL,
    user_hash TEXT    NOT NULL,
    question  TEXT    NOT NULL,
    answered  INTEGER NOT NULL,
    answer    TEXT    NOT NULL DEFAULT '',
    asked_at  INTEGER NOT NULL  -- Unix seconds
);
CREATE INDEX questions_asked ON questions (asked_at);

CREATE TABLE votes (
    question_id INTEGER NOT NULL REFERENCES questions (id),
    user_hash   TEXT    NOT NULL,
    up          INTEGER NOT NULL,
    voted_at    INTEGER NOT NULL,
    PRIMARY KEY (question_id, user_hash)
);
