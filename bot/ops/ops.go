// Package ops is what an operator watches: a /healthz endpoint that reports each chat
// adapter's connection, and /metrics in the Prometheus format (questions by platform and
// outcome, answer latency, send errors and retries, digests posted, reconnects).
package ops

import (
	"encoding/json"
	"net/http"
	"sort"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Outcomes of a question, as the metrics count them.
const (
	Answered    = "answered"
	Refused     = "refused"
	RateLimited = "rate_limited"
	Failed      = "failed"
)

// Metrics counts what the bot does. Its methods are safe for concurrent use; a nil
// *Metrics counts nothing.
type Metrics struct {
	registry   *prometheus.Registry
	questions  *prometheus.CounterVec
	latency    *prometheus.HistogramVec
	sendErrors *prometheus.CounterVec
	retries    *prometheus.CounterVec
	digests    *prometheus.CounterVec
	reconnects *prometheus.CounterVec
	votes      *prometheus.CounterVec
}

// NewMetrics returns Metrics registered in a registry of their own (with the Go runtime's
// and the process's collectors).
func NewMetrics() *Metrics {
	m := &Metrics{
		registry: prometheus.NewRegistry(),
		questions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "azchina_questions_total", Help: "Questions by platform and outcome (answered, refused, rate_limited, failed).",
		}, []string{"platform", "outcome"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "azchina_answer_seconds", Help: "Time to answer a question, engine and router.",
			Buckets: []float64{0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.05, 0.25},
		}, []string{"platform"}),
		sendErrors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "azchina_send_errors_total", Help: "Replies a platform refused or that failed to send.",
		}, []string{"platform"}),
		retries: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "azchina_send_retries_total", Help: "Sends retried after a rate limit or a server error.",
		}, []string{"platform"}),
		digests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "azchina_digests_posted_total", Help: "Daily digests posted.",
		}, []string{"platform"}),
		reconnects: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "azchina_reconnects_total", Help: "Connections to a platform made again after a loss.",
		}, []string{"platform"}),
		votes: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "azchina_votes_total", Help: "Feedback votes recorded on answers, up or down.",
		}, []string{"platform", "vote"}),
	}
	m.registry.MustRegister(m.questions, m.latency, m.sendErrors, m.retries, m.digests, m.reconnects, m.votes,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Question counts one question and, unless it was rate-limited, how long it took.
func (m *Metrics) Question(platform, outcome string, took time.Duration) {
	if m == nil {
		return
	}
	m.questions.WithLabelValues(platform, outcome).Inc()
	if outcome != RateLimited {
		m.latency.WithLabelValues(platform).Observe(took.Seconds())
	}
}

// SendError counts a reply that failed to send.
func (m *Metrics) SendError(platform string) {
	if m != nil {
		m.sendErrors.WithLabelValues(platform).Inc()
	}
}

// Retry counts a send tried again.
func (m *Metrics) Retry(platform string) {
	if m != nil {
		m.retries.WithLabelValues(platform).Inc()
	}
}

// DigestPosted counts a digest posted.
func (m *Metrics) DigestPosted(platform string) {
	if m != nil {
		m.digests.WithLabelValues(platform).Inc()
	}
}

// Reconnect counts a connection made again.
func (m *Metrics) Reconnect(platform string) {
	if m != nil {
		m.reconnects.WithLabelValues(platform).Inc()
	}
}

// Vote counts a feedback vote recorded ("up" or "down"); a user who changes their vote is
// counted again.
func (m *Metrics) Vote(platform, vote string) {
	if m != nil {
		m.votes.WithLabelValues(platform, vote).Inc()
	}
}

// Health holds each adapter's connection state. It is safe for concurrent use; a nil
// *Health records nothing.
type Health struct {
	mu     sync.Mutex
	states map[string]State
}

// State is one adapter's connection.
type State struct {
	Up     bool      `json:"up"`
	Detail string    `json:"detail,omitempty"`
	Since  time.Time `json:"since"`
}

// NewHealth returns a Health with no adapters.
func NewHealth() *Health { return &Health{states: map[string]State{}} }

// Set records an adapter's state.
func (h *Health) Set(adapter string, up bool, detail string) {
	if h == nil {
		return
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if cur, ok := h.states[adapter]; ok && cur.Up == up && cur.Detail == detail {
		return
	}
	h.states[adapter] = State{Up: up, Detail: detail, Since: time.Now().UTC()}
}

// States returns a copy of every adapter's state and whether all are up.
func (h *Health) States() (map[string]State, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	out := make(map[string]State, len(h.states))
	all := true
	for k, v := range h.states {
		out[k] = v
		all = all && v.Up
	}
	return out, all
}

// Handler serves /healthz (200 when every adapter is up, else 503, with each adapter's
// state as JSON) and /metrics.
func Handler(m *Metrics, h *Health) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		states, ok := h.States()
		names := make([]string, 0, len(states))
		for k := range states {
			names = append(names, k)
		}
		sort.Strings(names)
		w.Header().Set("Content-Type", "application/json")
		if !ok {
			w.WriteHeader(http.StatusServiceUnavailable)
		}
		json.NewEncoder(w).Encode(struct {
			OK       bool             `json:"ok"`
			Adapters map[string]State `json:"adapters"`
		}{ok, states})
	})
	mux.Handle("GET /metrics", promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{}))
	return mux
}
