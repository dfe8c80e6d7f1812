package discord

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
)

// discordHost is the host discordgo's endpoint variables name; they are computed once when
// the library loads, so azchina moves the library's one request (the gateway address) to
// another base URL in the HTTP transport instead of rewriting the library's globals.
var discordHost = mustHost(discordgo.EndpointDiscord)

func mustHost(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		panic(fmt.Sprintf("discordgo endpoint %q: %v", raw, err))
	}
	return u.Host
}

// rebase sends the requests discordgo makes to https://discord.com to base instead: a
// Discord REST proxy, or a fake Discord in tests. The gateway address then comes from
// {base}/api/v9/gateway too, so the whole session follows base.
type rebase struct {
	base *url.URL
	next http.RoundTripper
}

// RoundTrip implements http.RoundTripper.
func (t rebase) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.URL.Host != discordHost {
		return t.next.RoundTrip(req)
	}
	r := req.Clone(req.Context())
	r.URL.Scheme = t.base.Scheme
	r.URL.Host = t.base.Host
	r.URL.Path = strings.TrimRight(t.base.Path, "/") + req.URL.Path
	r.URL.RawPath = ""
	r.Host = ""
	return t.next.RoundTrip(r)
}

// parseBase checks a base URL such as https://discord.com; empty means Discord itself.
func parseBase(base string) (*url.URL, error) {
	if base == "" {
		base = discordgo.EndpointDiscord
	}
	u, err := url.Parse(strings.TrimRight(base, "/"))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("discord api url %q is not a base URL such as https://discord.com", base)
	}
	return u, nil
}

// Bounds on retrying a REST call.
const (
	// maxAttempts is how often one call is tried: once and, after a 429, a 5xx or a lost
	// connection, up to twice more.
	maxAttempts = 3
	// maxRetryWait is the longest a call waits out a 429 before it gives up: Discord asks
	// for longer waits only when something is badly wrong (a global limit, a ban of the IP).
	maxRetryWait = 5 * time.Second
	// firstBackoff is the wait after a 5xx or a lost connection; it doubles.
	firstBackoff = 250 * time.Millisecond
	// maxResponse bounds what is read of a response.
	maxResponse = 1 << 20
)

// userAgent is what Discord asks bots to send: "DiscordBot ($url, $version)".
const userAgent = "DiscordBot (https://github.com/azchina/azchina, 1)"

// rest makes the adapter's REST calls to Discord with net/http. discordgo's own REST
// client keeps a rate-limit bucket for every URL it ever called and never forgets one; an
// interaction's URLs hold its token, so a bot answering slash commands would grow without
// bound. rest keeps nothing between calls: it retries a call after a 429 (for as long as
// Discord asks, within the caller's deadline), a 5xx or a lost connection, at most
// maxAttempts times in all. Its errors never hold a URL (an interaction's holds its token)
// nor the bot token. It is safe for concurrent use.
type rest struct {
	base    string // {base}/api/v9
	auth    string // "Bot " + token
	client  *http.Client
	metrics Metrics
}

func newREST(base *url.URL, token string, client *http.Client, m Metrics) *rest {
	return &rest{base: base.String() + "/api/v" + discordgo.APIVersion, auth: "Bot " + token, client: client, metrics: m}
}

// apiError is Discord's answer to a call that failed.
type apiError struct {
	Status     int
	Code       int    // Discord's JSON error code, such as 50013 (missing permissions)
	Message    string // Discord's words
	RetryAfter time.Duration
}

// Error says what Discord answered.
func (e *apiError) Error() string {
	msg := fmt.Sprintf("Discord answered %d %s", e.Status, http.StatusText(e.Status))
	if e.Message != "" {
		msg += ": " + e.Message
	}
	if e.Code != 0 {
		msg += fmt.Sprintf(" (code %d)", e.Code)
	}
	return msg
}

// temporary reports whether the same call may succeed later.
func (e *apiError) temporary() bool {
	return e.Status == http.StatusTooManyRequests || e.Status >= 500
}

// Discord error codes the adapter acts on.
const (
	codeAlreadyAcknowledged = 40060 // an interaction answered twice: a retry of a lost answer
)

// errTransport wraps a failure to reach Discord or read its answer.
type errTransport struct{ err error }

func (e errTransport) Error() string { return "reaching Discord: " + e.err.Error() }
func (e errTransport) Unwrap() error { return e.err }

// do makes one call: it sends body as JSON (when not nil) and decodes the answer into out
// (when not nil), retrying as the type's comment says.
func (c *rest) do(ctx context.Context, method, path string, body, out any) error {
	var payload []byte
	if body != nil {
		var err error
		if payload, err = json.Marshal(body); err != nil {
			return fmt.Errorf("encode request: %w", err)
		}
	}
	for attempt := 1; ; attempt++ {
		err := c.once(ctx, method, path, payload, out)
		if err == nil || ctx.Err() != nil {
			return err
		}
		wait, ok := retryAfter(err, attempt)
		if !ok {
			var ae *apiError
			if errors.As(err, &ae) && ae.RetryAfter > maxRetryWait {
				return fmt.Errorf("%w; not retried: Discord asks to wait %s", err, ae.RetryAfter)
			}
			return err
		}
		if dl, has := ctx.Deadline(); has && time.Until(dl) < wait {
			return fmt.Errorf("%w; not retried: waiting %s would be past the deadline", err, wait)
		}
		c.metrics.Retry(platform)
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return fmt.Errorf("%w; stopped waiting to retry: %w", err, ctx.Err())
		case <-t.C:
		}
	}
}

// retryAfter says how long to wait before trying a failed call again, or false when it is
// not tried again.
func retryAfter(err error, attempt int) (time.Duration, bool) {
	if attempt >= maxAttempts {
		return 0, false
	}
	backoff := firstBackoff << (attempt - 1)
	var ae *apiError
	switch {
	case errors.As(err, &ae) && ae.Status == http.StatusTooManyRequests:
		if ae.RetryAfter > maxRetryWait {
			return 0, false
		}
		return ae.RetryAfter, true
	case errors.As(err, &ae):
		return backoff, ae.temporary()
	case errors.As(err, new(errTransport)):
		return backoff, true
	}
	return 0, false
}

func (c *rest) once(ctx context.Context, method, path string, payload []byte, out any) error {
	var body io.Reader
	if payload != nil {
		body = bytes.NewReader(payload)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, body)
	if err != nil {
		return fmt.Errorf("make request: %w", redact(err))
	}
	req.Header.Set("Authorization", c.auth)
	req.Header.Set("User-Agent", userAgent)
	if payload != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := c.client.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return errTransport{redact(err)}
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, maxResponse))
	if err != nil {
		return errTransport{redact(err)}
	}
	if resp.StatusCode >= 200 && resp.StatusCode < 300 {
		if out == nil || len(raw) == 0 {
			return nil
		}
		if err := json.Unmarshal(raw, out); err != nil {
			return fmt.Errorf("decode Discord's answer: %w", err)
		}
		return nil
	}
	return decodeError(resp, raw)
}

func decodeError(resp *http.Response, raw []byte) *apiError {
	var body struct {
		Message    string  `json:"message"`
		Code       int     `json:"code"`
		RetryAfter float64 `json:"retry_after"`
	}
	_ = json.Unmarshal(raw, &body)
	e := &apiError{Status: resp.StatusCode, Code: body.Code, Message: truncate(body.Message, 200)}
	if resp.StatusCode == http.StatusTooManyRequests {
		e.RetryAfter = time.Duration(body.RetryAfter * float64(time.Second))
		if h, err := strconv.ParseFloat(resp.Header.Get("Retry-After"), 64); err == nil && e.RetryAfter == 0 {
			e.RetryAfter = time.Duration(h * float64(time.Second))
		}
		if e.RetryAfter <= 0 {
			e.RetryAfter = time.Second
		}
	}
	return e
}

// redact drops the URL from a transport error: an interaction's URL holds its token.
func redact(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return fmt.Errorf("%s request: %w", ue.Op, ue.Err)
	}
	return err
}
