-- Daily digests: schedules, one row per channel and local day posted (the exactly-once
-- key), and the facts each channel has had in each rotation cycle. Times are Unix
-- milliseconds, 0 for none.

CREATE TABLE schedules (
	platform TEXT NOT NULL,
	chat     TEXT NOT NULL,
	at       TEXT NOT NULL, -- HH:MM, wall-clock time in zone
	zone     TEXT NOT NULL, -- IANA name
	count    INTEGER NOT NULL CHECK (count BETWEEN 1 AND 10),
	enabled  INTEGER NOT NULL CHECK (enabled IN (0, 1)),
	since    INTEGER NOT NULL,
	set_by   TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (platform, chat)
) STRICT;

CREATE TABLE posts (
	platform     TEXT NOT NULL,
	chat         TEXT NOT NULL,
	day          TEXT NOT NULL, -- YYYY-MM-DD in the schedule's zone
	count        INTEGER NOT NULL,
	due          INTEGER NOT NULL,
	state        TEXT NOT NULL CHECK (state IN ('claimed', 'sent', 'retrying', 'failed', 'skipped')),
	owner        TEXT NOT NULL DEFAULT '',
	attempts     INTEGER NOT NULL DEFAULT 0,
	last_error   TEXT NOT NULL DEFAULT '',
	lease_until  INTEGER NOT NULL DEFAULT 0,
	next_attempt INTEGER NOT NULL DEFAULT 0,
	sent_at      INTEGER NOT NULL DEFAULT 0,
	updated      INTEGER NOT NULL,
	PRIMARY KEY (platform, chat, day)
) STRICT;

CREATE INDEX posts_unfinished ON posts (state) WHERE state IN ('claimed', 'retrying');

CREATE TABLE rotation (
	platform TEXT NOT NULL,
	chat     TEXT NOT NULL,
	cycle    INTEGER NOT NULL,
	fact     TEXT NOT NULL,
	day      TEXT NOT NULL,
	PRIMARY KEY (platform, chat, cycle, fact)
) STRICT;

CREATE INDEX rotation_day ON rotation (platform, chat, day);
