-- The care team: cases (a patient handed to the team, one Slack thread
-- each), the texts relayed in them, and the outbox every post and relay
-- goes through. Cases and their texts are the patient's and go with
-- /forget; texts are purged CASE_RETENTION after the case closes.

-- counters hands out increasing IDs in one SQL text for both dialects. A
-- transaction taking a number holds the row until it commits, so the
-- numbers of the outbox are also the order its rows were committed in.
CREATE TABLE counters (
    name  TEXT   PRIMARY KEY,
    value BIGINT NOT NULL
);
INSERT INTO counters (name, value) VALUES ('cases', 0), ('outbox', 0);

-- One row per case. platform, user_id, chat: the patient and their chat.
-- reason: urgent, asked (for a person) or unanswered. thread_ts is the
-- root message's ts once posted. told: the patient was told their
-- messages now go to the team. urgent, told: 0 or 1.
CREATE TABLE cases (
    id             BIGINT   PRIMARY KEY,
    platform       TEXT     NOT NULL,
    user_id        TEXT     NOT NULL,
    chat           TEXT     NOT NULL,
    pseudonym      TEXT     NOT NULL,
    reason         TEXT     NOT NULL CHECK (reason IN ('urgent', 'asked', 'unanswered')),
    urgent         SMALLINT NOT NULL DEFAULT 0,
    state          TEXT     NOT NULL CHECK (state IN ('open', 'closed')),
    channel        TEXT     NOT NULL,
    thread_ts      TEXT,
    claimed_by     TEXT,
    told           SMALLINT NOT NULL DEFAULT 0,
    opened_at      BIGINT   NOT NULL,
    last_activity  BIGINT   NOT NULL,
    first_reply_at BIGINT,
    escalated_at   BIGINT,
    closed_at      BIGINT,
    closed_by      TEXT
);
-- One open case per patient.
CREATE UNIQUE INDEX cases_one_open ON cases (platform, user_id) WHERE state = 'open';
CREATE INDEX cases_thread ON cases (channel, thread_ts);
CREATE INDEX cases_state_activity ON cases (state, last_activity);

-- What was said in a case, in order: the patient's messages, staff's
-- replies, what the bot answered. Kept for the team's context and the
-- patient's /forget; purged with the case.
CREATE TABLE case_texts (
    case_id BIGINT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    seq     INTEGER NOT NULL,
    author  TEXT   NOT NULL CHECK (author IN ('patient', 'staff', 'bot')),
    body    TEXT   NOT NULL,
    said_at BIGINT NOT NULL,
    PRIMARY KEY (case_id, seq)
);

-- The outbox: every post and relay, committed with the change that causes
-- it, sent by a worker in ID order per lane (a patient's chat, a case's
-- thread). kind: send, update (Ref), react, delete. payload: JSON of what to send. idem_key:
-- the idempotency key a Slack post carries as metadata, so an uncertain
-- post is looked up before it is sent again (lookup = 1). platform and
-- user_id: the patient whose text the row carries, for /forget ('' when
-- none). ref: the sent message's ID. state: pending → claimed → sent, or
-- uncertain, unreachable, failed; pending again to retry after not_before.
CREATE TABLE outbox (
    id         BIGINT   PRIMARY KEY,
    lane       TEXT     NOT NULL,
    kind       TEXT     NOT NULL CHECK (kind IN ('send', 'update', 'react', 'delete')),
    to_platform TEXT    NOT NULL,
    to_chat    TEXT     NOT NULL,
    to_thread  TEXT     NOT NULL DEFAULT '',
    case_id    BIGINT,
    root       SMALLINT NOT NULL DEFAULT 0,
    platform   TEXT     NOT NULL DEFAULT '',
    user_id    TEXT     NOT NULL DEFAULT '',
    payload    TEXT     NOT NULL,
    idem_key   TEXT     NOT NULL,
    state      TEXT     NOT NULL CHECK (state IN ('pending', 'claimed', 'sent', 'uncertain', 'unreachable', 'failed')),
    attempts   INTEGER  NOT NULL DEFAULT 0,
    lookup     SMALLINT NOT NULL DEFAULT 0,
    not_before BIGINT   NOT NULL,
    created_at BIGINT   NOT NULL,
    claimed_at BIGINT,
    done_at    BIGINT,
    ref        TEXT
);
CREATE INDEX outbox_state_lane ON outbox (state, lane, id);
CREATE INDEX outbox_person ON outbox (platform, user_id);
CREATE INDEX outbox_case ON outbox (case_id);
