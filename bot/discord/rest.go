package discord

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
)

// discordHost is the host discordgo's endpoint variables name; they are computed once when
// the library loads, so azchina moves requests to another base URL in the HTTP transport
// instead of rewriting the library's globals.
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

// httpClient returns the client a session makes REST calls with: to base, or to Discord
// when base is empty.
func httpClient(base string) (*http.Client, error) {
	c := &http.Client{Timeout: 20 * time.Second, Transport: http.DefaultTransport}
	if base == "" {
		return c, nil
	}
	u, err := url.Parse(base)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("discord api url %q is not a base URL such as https://discord.com", base)
	}
	c.Transport = rebase{base: u, next: http.DefaultTransport}
	return c, nil
}

// maxRetryWait is the longest a reply waits out a 429 before it is given up: Discord asks
// for longer waits only when something is badly wrong (a global limit, a ban of the IP).
const maxRetryWait = 5 * time.Second

// call makes one REST call under ctx and retries it once after a 429 (rate limited), when
// Discord's retry_after fits before ctx's deadline. discordgo would otherwise sleep and retry
// without end, holding an interaction past the 3 seconds Discord gives it. call returns by
// ctx's deadline even when the library sleeps on its own rate-limit bucket.
func call(ctx context.Context, do func(opts ...discordgo.RequestOption) error) error {
	err := callOnce(ctx, do)
	var rl *discordgo.RateLimitError
	if !errors.As(err, &rl) {
		return redact(err)
	}
	// The error names the URL, which for an interaction holds its token: it is not kept.
	wait := rl.RetryAfter
	if dl, ok := ctx.Deadline(); ok && time.Until(dl) < wait {
		return fmt.Errorf("rate limited: Discord asks to wait %s, past the deadline", wait)
	}
	if wait > maxRetryWait {
		return fmt.Errorf("rate limited: Discord asks to wait %s", wait)
	}
	t := time.NewTimer(wait)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
	}
	err = callOnce(ctx, do)
	if errors.As(err, &rl) {
		return fmt.Errorf("rate limited again: Discord asks to wait %s", rl.RetryAfter)
	}
	return redact(err)
}

func callOnce(ctx context.Context, do func(opts ...discordgo.RequestOption) error) error {
	done := make(chan error, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- fmt.Errorf("discordgo panicked: %v", p)
			}
		}()
		done <- do(discordgo.WithContext(ctx), discordgo.WithRetryOnRatelimit(false))
	}()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// redact drops the URL from a transport error: an interaction's URL holds its token.
func redact(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return fmt.Errorf("%s request: %w", ue.Op, ue.Err)
	}
	return err
}
