// Package loadtest proves the bot under load and faults: simulated users on Telegram and
// Discord at once, through one router and one engine as azchina serve runs them, against
// the loopback fakes of both platforms (telegramtest, discordtest) while these answer
// with 429s and 5xx, cut long polls and drop the gateway socket. Every message that should
// be answered is answered exactly once, none other is, no goroutine outlives the bot and
// the heap stays bounded. The code is all in its tests: TestLoadAndFaults runs in
// make test, BenchmarkLoadAndFaults runs the full 50 users × 200 messages.
package loadtest
