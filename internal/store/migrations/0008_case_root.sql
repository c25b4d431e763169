-- A case's root message as the team saw it: its text as first posted (why
-- the case opened, the red flags, the treatment time and the reminders at
-- that moment, what the patient wrote and the bot answered), then a line
-- for each Claim and Resolve. An update of the root after a Claim or a
-- Resolve is rendered from it, so that the root keeps what it said. It
-- carries no patient text beyond the case's own texts, and goes with the
-- case (/forget, CASE_RETENTION). NULL for cases opened before it.
ALTER TABLE cases ADD COLUMN root_text TEXT;
