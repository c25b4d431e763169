package care_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/care"
	"github.com/clinicbot/aftercare/internal/catalog"
	fx "github.com/clinicbot/aftercare/internal/fixture"
	"github.com/clinicbot/aftercare/internal/store"
	"github.com/clinicbot/aftercare/internal/store/storetest"
)

// platform is a fake chat platform: it records what lands, and answers
// each call with the next scripted error. A landed send whose script says
// ErrUncertain landed although the caller was not told so (a 500 that
// posted). With lookups set it is a Looker (Slack), and an Editor.
type platform struct {
	mu      sync.Mutex
	name    aftercare.Platform
	lookups bool
	script  []error // per Send: nil sends; ErrUncertain lands and fails
	landed  []landed
	edits   []string // "react ts name", "update ts text", "delete ts"
	looked  int
	// files are what Fetch serves, by ID; fetchScript its next errors.
	files       map[string]string
	fetchScript []error
}

type landed struct {
	To   aftercare.Address
	Text string
	Key  string
	TS   string
}

func (p *platform) next() error {
	if len(p.script) == 0 {
		return nil
	}
	err := p.script[0]
	p.script = p.script[1:]
	return err
}

func (p *platform) Send(_ context.Context, to aftercare.Address, msg aftercare.Outgoing) (aftercare.MessageRef, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	err := p.next()
	if err != nil && err != aftercare.ErrUncertain {
		return aftercare.MessageRef{}, err
	}
	ts := fmt.Sprintf("ts%d", len(p.landed)+1)
	p.landed = append(p.landed, landed{To: to, Text: msg.PlainText(), Key: msg.Key, TS: ts})
	return aftercare.MessageRef{Address: to, ID: ts}, err
}

// Fetch serves p.files (a Telegram that keeps the patient's files).
func (p *platform) Fetch(_ context.Context, f aftercare.File) ([]byte, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.fetchScript) > 0 {
		err := p.fetchScript[0]
		p.fetchScript = p.fetchScript[1:]
		return nil, err
	}
	content, ok := p.files[f.ID]
	if !ok {
		return nil, fmt.Errorf("file %s: gone", f.ID)
	}
	return []byte(content), nil
}

// Upload lands the file as "[file NAME: CONTENT]", following the script
// as Send does.
func (p *platform) Upload(_ context.Context, to aftercare.Address, f aftercare.File, content []byte, key string) (aftercare.MessageRef, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	err := p.next()
	if err != nil && err != aftercare.ErrUncertain {
		return aftercare.MessageRef{}, err
	}
	id := fmt.Sprintf("file:F%d", len(p.landed)+1)
	p.landed = append(p.landed, landed{To: to, Text: "[file " + f.Name + ": " + string(content) + "]", Key: key, TS: id})
	return aftercare.MessageRef{Address: to, ID: id}, err
}

func (p *platform) texts() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []string
	for _, l := range p.landed {
		out = append(out, l.Text)
	}
	return out
}

func (p *platform) Update(_ context.Context, ref aftercare.MessageRef, msg aftercare.Outgoing) error {
	return p.edit("update " + ref.ID + " " + msg.PlainText())
}
func (p *platform) Delete(_ context.Context, ref aftercare.MessageRef) error {
	return p.edit("delete " + ref.ID)
}
func (p *platform) React(_ context.Context, ref aftercare.MessageRef, name string) error {
	return p.edit("react " + ref.ID + " " + name)
}
func (p *platform) edit(what string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.edits = append(p.edits, what)
	return nil
}

// lookingPlatform is a platform that can look up what landed (Slack).
type lookingPlatform struct{ *platform }

func (p lookingPlatform) Lookup(_ context.Context, to aftercare.Address, key string) (aftercare.MessageRef, bool, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.looked++
	for _, l := range p.landed {
		if l.Key == key && l.To.Chat == to.Chat && l.To.Thread == to.Thread {
			return aftercare.MessageRef{Address: to, ID: l.TS}, true, nil
		}
	}
	return aftercare.MessageRef{}, false, nil
}

// senders are the fake Slack (with look-ups) and Telegram (without).
type senders struct {
	slack, telegram *platform
}

func (s senders) Sender(p aftercare.Platform) aftercare.Sender {
	if p == aftercare.Slack {
		return lookingPlatform{s.slack}
	}
	return s.telegram
}

type texts struct{}

func (texts) Text(key string) string { return "[" + key + "]" }

type fixture struct {
	db     *store.DB
	clock  *fx.Clock
	slack  *platform
	tg     *platform
	outbox *care.Outbox
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	return newFixtureOn(t, storetest.SQLiteURL(t))
}

func newFixtureOn(t *testing.T, url string) *fixture {
	t.Helper()
	f := &fixture{db: storetest.Open(t, url), clock: fx.NewClock(time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC)),
		slack: &platform{name: aftercare.Slack}, tg: &platform{name: aftercare.Telegram}}
	f.outbox = f.newOutbox(t)
	return f
}

func (f *fixture) newOutbox(t *testing.T) *care.Outbox {
	o, err := care.NewOutbox(care.OutboxConfig{Store: f.db, Senders: senders{f.slack, f.tg}, Texts: texts{}, Clock: f.clock})
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// post enqueues a text to chat on p in lane, as a relay of src if set.
func (f *fixture) post(t *testing.T, p aftercare.Platform, chat, lane, text string, src *aftercare.MessageRef) {
	t.Helper()
	err := f.db.Tx(t.Context(), func(tx *store.Tx) error {
		_, err := tx.Enqueue(t.Context(), care.Letter(store.Post{Lane: lane, To: aftercare.Address{Platform: p, Chat: chat}},
			aftercare.Outgoing{Kind: aftercare.KindNotice, Text: text}, src), f.clock.Now())
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

func equal(t *testing.T, what string, got, want []string) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("%s = %q, want %q", what, got, want)
	}
}

// A restart between committing and sending: a new outbox sends what the
// old one did not, once, in order per lane.
func TestOutboxSendsOnceAfterRestart(t *testing.T) {
	f := newFixture(t)
	f.post(t, aftercare.Telegram, "42", "tg:42", "one", nil)
	f.post(t, aftercare.Telegram, "42", "tg:42", "two", nil)
	f.post(t, aftercare.Slack, "CCARE", "case:1", "root", nil)
	f.newOutbox(t).Flush(t.Context()) // after the restart
	f.outbox.Flush(t.Context())
	equal(t, "Telegram got", f.tg.texts(), []string{"one", "two"})
	equal(t, "Slack got", f.slack.texts(), []string{"root"})
}

// Slack down or rate-limited: nothing is sent out of order, and each post
// is sent once when it is back.
func TestOutboxRetriesLaterInOrder(t *testing.T) {
	f := newFixture(t)
	f.slack.script = []error{aftercare.ErrRetryLater, aftercare.ErrRetryLater}
	f.post(t, aftercare.Slack, "CCARE", "case:1", "first", nil)
	f.post(t, aftercare.Slack, "CCARE", "case:1", "second", nil)
	f.outbox.Flush(t.Context())
	equal(t, "Slack got while down", f.slack.texts(), nil)
	for range 5 {
		f.clock.Add(time.Minute)
		f.outbox.Flush(t.Context())
	}
	equal(t, "Slack got when back", f.slack.texts(), []string{"first", "second"})
}

// A Slack post answered 500 although it landed is looked up, found, and
// not posted again; one that did not land is posted after the look-up.
func TestOutboxLooksUpUncertainPosts(t *testing.T) {
	f := newFixture(t)
	f.slack.script = []error{aftercare.ErrUncertain}
	f.post(t, aftercare.Slack, "CCARE", "a", "landed", nil)
	for range 3 {
		f.outbox.Flush(t.Context())
		f.clock.Add(time.Minute)
	}
	equal(t, "Slack got", f.slack.texts(), []string{"landed"})
	if f.slack.looked != 1 {
		t.Errorf("%d look-ups, want 1", f.slack.looked)
	}
}

// A relay of a staff reply: ✅ on the staff message when Telegram
// accepted it; a note in the thread when the patient blocked the bot, or
// when Telegram did not confirm it (no look-up there: not sent again).
func TestOutboxTellsStaff(t *testing.T) {
	f := newFixture(t)
	src := func(ts string) *aftercare.MessageRef {
		return &aftercare.MessageRef{Address: aftercare.Address{Platform: aftercare.Slack, Chat: "CCARE", Thread: "root1"}, ID: ts}
	}
	f.tg.script = []error{nil, fmt.Errorf("403: %w", aftercare.ErrUnreachable), aftercare.ErrUncertain}
	f.post(t, aftercare.Telegram, "42", "tg:42", "take paracetamol", src("s1"))
	f.post(t, aftercare.Telegram, "42", "tg:42", "call us", src("s2"))
	f.post(t, aftercare.Telegram, "42", "tg:42", "how is it now?", src("s3"))
	for range 3 {
		f.outbox.Flush(t.Context())
		f.clock.Add(time.Minute)
	}
	equal(t, "Telegram got", f.tg.texts(), []string{"take paracetamol", "how is it now?"})
	equal(t, "Slack edits", f.slack.edits, []string{"react s1 white_check_mark"})
	want := []string{"[" + catalog.TextCareNotDelivered + "]", "[" + catalog.TextCareUncertain + "]"}
	equal(t, "Slack got", f.slack.texts(), want)
	for _, l := range f.slack.landed {
		if l.To.Thread != "root1" {
			t.Errorf("note %q posted to thread %q, want root1", l.Text, l.To.Thread)
		}
	}
}

// A case's root post becomes its thread; posts queued for the thread
// before it was posted go there after it.
func TestOutboxThreadsFollowTheRoot(t *testing.T) {
	f := newFixture(t)
	ctx := t.Context()
	err := f.db.Tx(ctx, func(tx *store.Tx) error {
		c, _, err := tx.OpenCase(ctx, store.Case{Patient: aftercare.Actor{Platform: aftercare.Telegram, UserID: "42"},
			Chat: aftercare.Address{Platform: aftercare.Telegram, Chat: "42"}, Pseudonym: "P", Reason: store.ReasonUrgent, Channel: "CCARE"}, f.clock.Now(), time.Hour)
		if err != nil {
			return err
		}
		to := aftercare.Address{Platform: aftercare.Slack, Chat: "CCARE"}
		lane := fmt.Sprintf("case:%d", c.ID)
		if _, err := tx.Enqueue(ctx, care.Letter(store.Post{Lane: lane, To: to, CaseID: c.ID, Root: true}, aftercare.Outgoing{Text: "root"}, nil), f.clock.Now()); err != nil {
			return err
		}
		_, err = tx.Enqueue(ctx, care.Letter(store.Post{Lane: lane, To: to, CaseID: c.ID}, aftercare.Outgoing{Text: "follow-up"}, nil), f.clock.Now())
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	f.slack.script = []error{aftercare.ErrRetryLater}
	for range 3 {
		f.outbox.Flush(ctx)
		f.clock.Add(time.Minute)
	}
	equal(t, "Slack got", f.slack.texts(), []string{"root", "follow-up"})
	if got := f.slack.landed[1].To.Thread; got != f.slack.landed[0].TS {
		t.Errorf("follow-up in thread %q, want the root's %q", got, f.slack.landed[0].TS)
	}
	var c store.Case
	f.db.Tx(ctx, func(tx *store.Tx) (err error) {
		c, _, err = tx.CaseByThread(ctx, "CCARE", f.slack.landed[0].TS)
		return err
	})
	if c.ID == 0 {
		t.Error("the case is not found by its root's ts")
	}
}

// A post claimed by a process that died is looked up after the lease.
func TestOutboxTakesBackAbandonedPosts(t *testing.T) {
	f := newFixture(t)
	f.post(t, aftercare.Slack, "CCARE", "a", "hello", nil)
	if _, err := f.db.ClaimPosts(t.Context(), f.clock.Now(), 10); err != nil { // the process that died
		t.Fatal(err)
	}
	f.outbox.Flush(t.Context())
	equal(t, "Slack got within the lease", f.slack.texts(), nil)
	f.clock.Add(10 * time.Minute)
	f.outbox.Flush(t.Context())
	equal(t, "Slack got after the lease", f.slack.texts(), []string{"hello"})
	if f.slack.looked != 1 {
		t.Errorf("%d look-ups, want 1", f.slack.looked)
	}
	if !strings.HasPrefix(f.slack.landed[0].Key, "p") {
		t.Errorf("the post carried key %q, want its outbox key", f.slack.landed[0].Key)
	}
}

// The team's channel unreachable (the bot not invited yet): the post is
// kept and sent once it can be.
func TestOutboxKeepsPostsForAnUnreachableChannel(t *testing.T) {
	f := newFixture(t)
	f.slack.script = []error{aftercare.ErrUnreachable, aftercare.ErrUnreachable}
	f.post(t, aftercare.Slack, "CCARE", "case:1", "root", nil)
	for range 4 {
		f.outbox.Flush(t.Context())
		f.clock.Add(time.Minute)
	}
	equal(t, "Slack got", f.slack.texts(), []string{"root"})
}
