-- QC reasons name the party (agent, customer) a presence reason is about; older rows from their detail.
ALTER TABLE qc_reasons ADD COLUMN party TEXT NOT NULL DEFAULT '';
UPDATE qc_reasons SET party = 'agent' WHERE kind = 'presence_missing' AND detail LIKE 'agent %';
UPDATE qc_reasons SET party = 'customer' WHERE kind = 'presence_missing' AND detail LIKE 'customer %';
