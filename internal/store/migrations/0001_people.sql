-- Whom the bot has talked to, and when: no message text. Purged when not
-- seen within the retention period.
CREATE TABLE people (
    platform   TEXT   NOT NULL,
    user_id    TEXT   NOT NULL,
    first_seen BIGINT NOT NULL,
    last_seen  BIGINT NOT NULL,
    PRIMARY KEY (platform, user_id)
);

CREATE INDEX people_last_seen ON people (last_seen);
