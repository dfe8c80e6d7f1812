// Package digest composes, schedules and posts the daily fact digest moderators set up
// for their chats: a dated title and a few cited facts from different topics, rotated per
// chat so that no fact repeats before every fact has been posted there.
//
// The package holds the domain types (Channel, Day, Schedule, Post), the Store interface
// persistence implements (bot/store is the SQLite one), the Composer, the Scheduler that
// posts each channel's digest exactly once per local day through a Poster (the chat
// adapters), and the platform-neutral /digest command.
//
// Exactly once: a day is claimed in the Store under the unique key (platform, chat, local
// day) before anything is sent, and marked sent after. A claim holds a lease; a claim
// whose lease ran out (the process died between claim and send) is taken over by exactly
// one scheduler, because the takeover is a conditional update the database serialises.
// The one case this cannot rule out is a process dying after the platform accepted the
// message but before it was marked sent: the takeover then posts the day a second time.
// Digest.Key is stable for the day so that a platform with idempotent sends can drop it.
//
// Daylight saving time: a schedule names a wall-clock time in an IANA zone. On a day the
// clocks skip that time (02:30 in Europe/Berlin on the last Sunday of March) the digest
// is due the moment the clocks jump (03:00 CEST). On a day the time happens twice (02:30
// on the last Sunday of October) it is due at the first of the two (02:30 CEST); the
// second finds the day already claimed.
package digest
