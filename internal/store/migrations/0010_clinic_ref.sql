-- Whom a case is, for the clinic. clinic_ref: the clinic's own reference for
-- a patient (a record or booking number from its system, never a name),
-- given by staff with an invite; it moves to the treatment of the patient
-- who redeems the invite (the invite's copy is cleared then), and goes with
-- the treatment (/forget, RETENTION). phone: the number a patient shared
-- with the care team (HANDOFF_PRIVACY=alert-only) while their case was
-- open; kept on the case only, and gone with it (/forget, CASE_RETENTION).
ALTER TABLE invites ADD COLUMN clinic_ref TEXT;
ALTER TABLE treatments ADD COLUMN clinic_ref TEXT;
ALTER TABLE cases ADD COLUMN phone TEXT;
