-- A pending "did you mean…?" question is kept until "None of these" under
-- it files it (or for 48 hours), not only until the patient's next
-- message: asked_in is the delivery that asked it (the platform's own
-- delivery ID, e.g. update:N), which its None of these button names, so
-- that a press on an older "did you mean…?" files that one's question.
-- NULL where there is no delivery ID (the console), and once filed.
ALTER TABLE inbox ADD COLUMN asked_in TEXT;
