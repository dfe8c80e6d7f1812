-- Telegram updates the bot has taken (from getUpdates or its webhook): pending until they
-- are answered, then kept a day more. An update is confirmed to Telegram only once it is
-- kept here, so one in flight at a crash or shutdown is answered after the restart, and
-- one delivered again is skipped. Times are Unix milliseconds; done_at is 0 while the
-- update is pending.
CREATE TABLE telegram_updates (
	bot      INTEGER NOT NULL, -- the bot's user ID: bots sharing the file keep apart
	id       INTEGER NOT NULL, -- update_id
	body     BLOB    NOT NULL, -- the update's JSON; emptied once it is done
	taken_at INTEGER NOT NULL,
	done_at  INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (bot, id)
) STRICT;

CREATE INDEX telegram_updates_pending ON telegram_updates (bot, id) WHERE done_at = 0;
CREATE INDEX telegram_updates_done ON telegram_updates (done_at) WHERE done_at > 0;
