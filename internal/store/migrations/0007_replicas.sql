-- Several replicas on one database. Each running process is a replica
-- with a row here, renewed every few seconds while it lives: a claim or a
-- lease held by a replica whose row has lapsed was abandoned (the process
-- died) and may be taken over. Nothing personal.
CREATE TABLE replicas (
    id          TEXT   PRIMARY KEY,
    started_at  BIGINT NOT NULL,
    alive_until BIGINT NOT NULL
);

-- Named leases: one holder at a time (the Telegram long-poller; each
-- person whose message is being handled, so that one person's messages
-- are handled one at a time across replicas). A lease lapses at
-- expires_at, or when its holder's replica row has.
CREATE TABLE leases (
    name       TEXT   PRIMARY KEY,
    holder     TEXT   NOT NULL,
    expires_at BIGINT NOT NULL
);

-- A claimed delivery's owner (a replica), and what its handling has done
-- so far, so that another replica (or this one after a restart) can finish
-- it without doing it twice: the journey the claim's transaction found
-- (JSON), then the reply built for it (JSON), kept until it is sent.
ALTER TABLE deliveries ADD COLUMN owner TEXT;
ALTER TABLE deliveries ADD COLUMN journey TEXT;
ALTER TABLE deliveries ADD COLUMN reply TEXT;

-- Reminders and outbox posts claimed by a replica: once it is gone, the
-- others take back its claims at once rather than after the lease. A
-- reminder records when its sending began: one claimed but never begun is
-- planned again; one begun may have been sent, and is not sent twice.
ALTER TABLE reminders ADD COLUMN owner TEXT;
ALTER TABLE reminders ADD COLUMN sending_at BIGINT;
ALTER TABLE outbox ADD COLUMN owner TEXT;

-- Things done once across replicas, by name (the inbox digest of a given
-- week): the replica that inserts the row does it. Purged after 30 days.
CREATE TABLE markers (
    name    TEXT   PRIMARY KEY,
    done_at BIGINT NOT NULL
);
