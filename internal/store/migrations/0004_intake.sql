-- Inbound messages acknowledged to a platform that will not deliver them
-- again (Slack), kept until they are handled so that a restart or another
-- replica answers them. Holds the message (staff's question) for minutes;
-- purged with the deliveries, deleted by /forget.
CREATE TABLE intake (
    platform    TEXT   NOT NULL,
    delivery_id TEXT   NOT NULL,
    user_id     TEXT   NOT NULL,
    payload     TEXT   NOT NULL,
    received_at BIGINT NOT NULL,
    PRIMARY KEY (platform, delivery_id)
);

CREATE INDEX intake_received_at ON intake (received_at);
