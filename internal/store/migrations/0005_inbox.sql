-- The unanswered-question inbox: patients' questions the bot declined (or
-- whose "did you mean…?" they answered with "None of these"), masked
-- (digits, e-mail addresses, links and @handles replaced) before they are
-- stored, with what the matcher thought. The person's platform and user ID
-- are kept only so that /forget deletes their questions; staff never see
-- them. Kept 90 days.
--
-- status: pending (a "did you mean…?" question, kept until the patient's
-- next message: "None of these" makes it new, anything else deletes it),
-- new, planned, added (to the content), ignored. candidates is JSON:
-- [{"item":"home.bath","score":0.41}, …].
CREATE TABLE inbox (
    id         TEXT   PRIMARY KEY,
    platform   TEXT   NOT NULL,
    user_id    TEXT   NOT NULL,
    question   TEXT   NOT NULL,
    reason     TEXT   NOT NULL,
    topic      TEXT   NOT NULL DEFAULT '',
    candidates TEXT   NOT NULL DEFAULT '[]',
    asked_at   BIGINT NOT NULL,
    status     TEXT   NOT NULL CHECK (status IN ('pending', 'new', 'planned', 'added', 'ignored')),
    marked_at  BIGINT
);

CREATE INDEX inbox_asked_at ON inbox (asked_at);
CREATE INDEX inbox_person ON inbox (platform, user_id);
