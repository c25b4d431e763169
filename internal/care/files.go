package care

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/store"
)

// Fetcher fetches the content of a file a patient sent, from the platform
// that keeps it (Telegram). The outbox finds it as the Sender of the
// file's platform. Fetching may be repeated. An error that Is
// aftercare.ErrRetryLater means not for now; any other, never (the file
// is gone, or too big).
type Fetcher interface {
	Fetch(ctx context.Context, f aftercare.File) ([]byte, error)
}

// Uploader shares a file in a chat's thread (Slack): the Sender of the
// team's platform, when it can. key identifies the upload for
// aftercare.Looker, as an Outgoing's Key does a message. Errors are as
// aftercare.Sender's.
type Uploader interface {
	Upload(ctx context.Context, to aftercare.Address, f aftercare.File, content []byte, key string) (aftercare.MessageRef, error)
}

// FetchFor is how long after a patient sent a file the outbox keeps
// trying to fetch it while its platform cannot hand it over for now. The
// thread's later posts (the patient's next messages, an escalation) wait
// behind it, so it is well under the hour Telegram keeps a file_id
// downloadable.
const FetchFor = 10 * time.Minute

// upload sends p, a patient's file: fetched from its platform, then
// uploaded to to. A file that cannot be fetched for good (or for FetchFor)
// becomes l.Msg, a line that says so.
func (o *Outbox) upload(ctx context.Context, send aftercare.Sender, p store.Post, to aftercare.Address, l letter) result {
	up, ok := send.(Uploader)
	if !ok {
		return result{state: store.PostFailed, label: "failed", err: fmt.Errorf("%s cannot take files", p.To.Platform)}
	}
	content, err := o.fetch(ctx, *l.File)
	switch {
	case err == nil:
		ref, err := up.Upload(ctx, to, *l.File, content, p.Key)
		return o.outcome(send, ref.ID, err)
	case errors.Is(err, aftercare.ErrRetryLater) && o.clock.Now().Sub(p.Created) < FetchFor:
		return result{state: store.PostPending, label: "retry", err: err}
	}
	o.log.Warn("outbox: a patient's file could not be fetched; the thread is told", "post", p.ID, "err", err)
	l.Msg.Key = p.Key
	ref, err := send.Send(ctx, to, l.Msg)
	return o.outcome(send, ref.ID, err)
}

// fetch fetches f's content through its platform's Sender.
func (o *Outbox) fetch(ctx context.Context, f aftercare.File) ([]byte, error) {
	fetcher, ok := o.senders.Sender(f.Platform).(Fetcher)
	if !ok {
		return nil, fmt.Errorf("no way to fetch files from %q", f.Platform)
	}
	return fetcher.Fetch(ctx, f)
}
