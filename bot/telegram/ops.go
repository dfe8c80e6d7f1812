package telegram

// Metrics counts what the adapter does for the operator; *ops.Metrics is one.
// Implementations must be safe for concurrent use.
type Metrics interface {
	// SendError counts a message that could not be sent.
	SendError(platform string)
	// Retry counts a send tried again after a 429 or a server error.
	Retry(platform string)
	// Reconnect counts getUpdates working again after failing.
	Reconnect(platform string)
}

// Health is told whether the adapter is connected to Telegram; *ops.Health is one.
// Implementations must be safe for concurrent use.
type Health interface {
	Set(adapter string, up bool, detail string)
}

type noMetrics struct{}

func (noMetrics) SendError(string) {}
func (noMetrics) Retry(string)     {}
func (noMetrics) Reconnect(string) {}

type noHealth struct{}

func (noHealth) Set(string, bool, string) {}
