package slack

import (
	"context"
	"errors"
	"github.com/clinicbot/aftercare"
	"hash/fnv"
	"sync"
	"time"
)

// job is one request to answer: the message, where the reply goes, and
// when the request arrived (for the reply latency).
type job struct {
	msg      aftercare.Inbound
	topics   bool // answer with the list of topics instead of asking the Answerer
	to       destination
	source   string // "mention", "dm", "command" or "action", for logs
	received time.Time
}

// destination is where a reply is posted: a channel (in a thread when
// threadTS is set) or, when responseURL is set, privately through it.
type destination struct {
	channel     string
	threadTS    string
	responseURL string
}

var (
	errQueueFull = errors.New("too many replies waiting")
	errStopping  = errors.New("shutting down")
)

// queue holds the jobs waiting for the workers, one channel per worker; a
// person's jobs always go to the same one. It is safe for concurrent use.
type queue struct {
	shards []chan job

	mu     sync.RWMutex
	closed bool
}

func newQueue(n, length int) *queue {
	q := &queue{shards: make([]chan job, n)}
	for i := range q.shards {
		q.shards[i] = make(chan job, length)
	}
	return q
}

// put queues j. With wait it blocks while the queue is full, until ctx
// ends (ctx's error); without, a full queue is errQueueFull. After close,
// put returns errStopping.
func (q *queue) put(ctx context.Context, j job, wait bool) error {
	q.mu.RLock()
	defer q.mu.RUnlock()
	if q.closed {
		return errStopping
	}
	ch := q.shards[shard(j.msg.From.UserID, len(q.shards))]
	if !wait {
		select {
		case ch <- j:
			return nil
		default:
			return errQueueFull
		}
	}
	select {
	case ch <- j:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// close stops the queue: put fails from now on and the workers end once
// they have taken every job already queued. It is idempotent.
func (q *queue) close() {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.closed {
		return
	}
	q.closed = true
	for _, ch := range q.shards {
		close(ch)
	}
}

func shard(key string, n int) int {
	h := fnv.New32a()
	h.Write([]byte(key))
	return int(h.Sum32() % uint32(n))
}
