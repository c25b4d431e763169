-- The treatment journey: when a patient was treated and whether they want
-- serum reminders; the reminders planned for them; the clinic's invite
-- links. Treatments and reminders are the person's and go with /forget and
-- retention; invites hold no one's identity.

-- One row per patient who told the bot (or brought an invite) when they
-- were treated. chat is where reminders go. reminders is 0 or 1.
CREATE TABLE treatments (
    platform   TEXT     NOT NULL,
    user_id    TEXT     NOT NULL,
    chat       TEXT     NOT NULL,
    treated_at BIGINT   NOT NULL,
    reminders  SMALLINT NOT NULL DEFAULT 0,
    updated_at BIGINT   NOT NULL,
    PRIMARY KEY (platform, user_id)
);

-- Serum reminders, one row per slot. state: planned → claimed → sent, or
-- skipped (missed by more than the grace), uncertain (the process died
-- between claiming and recording the send), unreachable (blocked), failed.
CREATE TABLE reminders (
    platform   TEXT    NOT NULL,
    user_id    TEXT    NOT NULL,
    chat       TEXT    NOT NULL,
    due_at     BIGINT  NOT NULL,
    day        INTEGER NOT NULL,
    state      TEXT    NOT NULL CHECK (state IN ('planned', 'claimed', 'sent', 'skipped', 'uncertain', 'unreachable', 'failed')),
    claimed_at BIGINT,
    sent_at    BIGINT,
    PRIMARY KEY (platform, user_id, due_at)
);
CREATE INDEX reminders_state_due ON reminders (state, due_at);

-- Invite links made by staff: only a hash of the token is kept. Single
-- use (used_at), valid until expires_at; purged a while after.
CREATE TABLE invites (
    token_hash TEXT   PRIMARY KEY,
    treated_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at    BIGINT
);
CREATE INDEX invites_expires_at ON invites (expires_at);
