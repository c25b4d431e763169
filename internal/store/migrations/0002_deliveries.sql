-- Platform deliveries the bot has claimed or handled, so that a redelivery
-- is not answered twice. Nothing personal: no user ID, no text. Purged a
-- while after the platforms stop redelivering.
CREATE TABLE deliveries (
    platform    TEXT   NOT NULL,
    delivery_id TEXT   NOT NULL,
    state       TEXT   NOT NULL CHECK (state IN ('claimed', 'done')),
    outcome     TEXT,
    claimed_at  BIGINT,
    updated_at  BIGINT NOT NULL,
    PRIMARY KEY (platform, delivery_id)
);

CREATE INDEX deliveries_updated_at ON deliveries (updated_at);
