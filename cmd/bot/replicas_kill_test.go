package main

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/adapters/slack/slacktest"
	"github.com/clinicbot/aftercare/internal/adapters/telegram/telegramtest"
	"github.com/clinicbot/aftercare/internal/store"
	"github.com/clinicbot/aftercare/internal/store/storetest"
)

// Settings every replica of the tests shares.
const (
	replicaHookURL    = "https://bot.example.com/tg/hook-7f3a9c"
	replicaHookSecret = "hook-secret-4c1d"
	replicaSigning    = "slack-signing-secret-9e2b"
)

// questions are what the question patients ask, each with a phrase only
// its answer holds: a reply to a patient is told apart by it.
var questions = []struct{ kind, text, marker string }{
	{"bath", "can I take a bath?", "blocked drains"},
	{"shower", "when can I shower?", "take a shower"},
	{"itch", "my face is itchy", "itchiness"},
	{"sun", "should i wear sunscreen", "Sun sensitivity"},
	{"serum", "how often do i use the serum", "6–8 drops"},
	{"peeling", "my skin is peeling", "feel dry"},
	{"bruise", "is bruising normal", "Bruising or swelling"},
}

// kindOf names what a message to a patient is: a reminder, the welcome of
// an invite, reminders turned on, the urgent text, a staff relay (its
// reference "R<n>") or the answer to one of the questions; "other" else.
func kindOf(text string) string {
	fixed := []struct{ kind, marker string }{
		{"reminder", "Time for your aftercare serum"}, {"welcome", "Your treatment was"},
		{"reminders-on", "Reminders are on"}, {"urgent", "medical attention"},
	}
	for _, k := range fixed {
		if strings.Contains(text, k.marker) {
			return k.kind
		}
	}
	if _, ref, ok := strings.Cut(text, "ref R"); ok {
		n, _, _ := strings.Cut(ref, ".")
		return "relay R" + n
	}
	for _, q := range questions {
		if strings.Contains(text, q.marker) {
			return q.kind
		}
	}
	return "other"
}

// key is one thing a patient is due: a reply of a kind in a chat.
type key struct {
	chat int64
	kind string
}

func (k key) String() string { return fmt.Sprintf("%d/%s", k.chat, k.kind) }

// fleet is the replicas behind the load balancer the test plays: each
// delivery goes to one of those alive, chosen at random (seeded).
type fleet struct {
	mu       sync.Mutex
	rng      *rand.Rand
	replicas []*botProcess
	dead     map[*botProcess]bool
}

// pick chooses a replica alive.
func (f *fleet) pick() *botProcess {
	f.mu.Lock()
	defer f.mu.Unlock()
	var alive []*botProcess
	for _, r := range f.replicas {
		if !f.dead[r] {
			alive = append(alive, r)
		}
	}
	return alive[f.rng.IntN(len(alive))]
}

// other is a replica alive other than r, or r.
func (f *fleet) other(r *botProcess) *botProcess {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, o := range f.replicas {
		if o != r && !f.dead[o] {
			return o
		}
	}
	return r
}

// coin is true with probability p.
func (f *fleet) coin(p float64) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.rng.Float64() < p
}

// perm is a random permutation of [0, n).
func (f *fleet) perm(n int) []int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.rng.Perm(n)
}

// down takes r out of the balancer.
func (f *fleet) down(r *botProcess) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.dead[r] = true
}

// route sends an update's first attempt to first, and every redelivery to
// a replica alive.
func (f *fleet) route(first *botProcess) telegramtest.Route {
	return func(_, attempt int) string {
		if attempt == 0 {
			return first.base()
		}
		return f.pick().base()
	}
}

// slackEvent delivers a Slack event as Slack does: to a replica, and again
// (to one alive) while the answer is not 200, up to 5 times.
func (f *fleet) slackEvent(first *botProcess, eventID string, event map[string]any) bool {
	target := first
	for retry := range 5 {
		if slacktest.PostEvent(target.base(), replicaSigning, eventID, event, retry) == 200 {
			return true
		}
		time.Sleep(200 * time.Millisecond) // Slack's pause before a retry, not synchronisation
		target = f.pick()
	}
	return false
}

// slackPress delivers a button press as slackEvent delivers an event.
func (f *fleet) slackPress(first *botProcess, payload map[string]any) bool {
	target := first
	for retry := range 5 {
		if slacktest.PostInteraction(target.base(), replicaSigning, payload, retry) == 200 {
			return true
		}
		time.Sleep(200 * time.Millisecond)
		target = f.pick()
	}
	return false
}

// waitUntil polls cond every 200 ms until it holds or the deadline
// passes, and reports whether it held.
func waitUntil(deadline time.Time, cond func() bool) bool {
	for !cond() {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(200 * time.Millisecond)
	}
	return true
}

// replicaSeed is the seed of the test's random choices: $AFTERCARE_SEED,
// else the time.
func replicaSeed(t *testing.T) uint64 {
	if s, err := strconv.ParseUint(os.Getenv("AFTERCARE_SEED"), 10, 64); err == nil {
		return s
	}
	return uint64(time.Now().UnixNano())
}

// nextSlot is the first whole minute at least lead after now, as HH:MM in
// UTC, and its time.
func nextSlot(now time.Time, lead time.Duration) (string, time.Time) {
	slot := now.UTC().Truncate(time.Minute).Add(time.Minute)
	for slot.Sub(now) < lead {
		slot = slot.Add(time.Minute)
	}
	return slot.Format("15:04"), slot
}

// TestTwoReplicasSurviveAKill runs two replicas of the bot on one
// PostgreSQL schema, Telegram by webhook and Slack over HTTP, behind a
// load balancer that spreads deliveries at random (seeded: the seed is
// logged, and AFTERCARE_SEED replays it) and sends some twice, once to
// each replica. Question patients ask, two patients raise red flags and
// open cases, staff reply in the cases' threads and press Claim on both
// replicas, three patients come through invites and turn serum reminders
// on. In the middle replica B is killed with SIGKILL, replies on the wire;
// Telegram redelivers what B had not answered, and Slack what it could
// not deliver, to A; A takes over B's claims once B's beat lapses (20 s),
// and resumes the Slack requests B acknowledged. A reminder falls due
// after the kill.
//
// It holds the replicas to: every patient message answered; none answered
// twice except the messages B was handling when it died (counted and
// logged; no more than those); every staff relay delivered once, or its
// thread told that it is uncertain; every reminder sent once; exactly one
// case (one root post) per patient, one Claim shown; A still stops
// cleanly.
func TestTwoReplicasSurviveAKill(t *testing.T) {
	if testing.Short() {
		t.Skip("two replica processes, a kill and a reminder slot: about two minutes")
	}
	dbURL := storetest.PostgresURL(t)
	bin := buildBot(t)
	seed := replicaSeed(t)
	t.Logf("seed %d (AFTERCARE_SEED=%d replays the load balancer's choices)", seed, seed)

	tg := telegramtest.New(tgToken)
	t.Cleanup(tg.Close)
	tg.SlowSends(150 * time.Millisecond) // replies stay on the wire long enough for the kill to find some
	tg.Redeliver(300 * time.Millisecond)
	sl := slacktest.New(t, slacktest.Options{BotToken: xoxb})
	slotHHMM, slot := nextSlot(time.Now(), 50*time.Second)
	env := map[string]string{"DATABASE_URL": dbURL, "CLINIC_TIMEZONE": "UTC", "REMINDER_TIMES": slotHHMM, "CLINIC_PHONE": "020 7946 0000",
		"TELEGRAM_BOT_TOKEN": tgToken, "TELEGRAM_API_ENDPOINT": tg.Endpoint(),
		"TELEGRAM_WEBHOOK_URL": replicaHookURL, "TELEGRAM_WEBHOOK_SECRET": replicaHookSecret,
		"SLACK_BOT_TOKEN": xoxb, "SLACK_SIGNING_SECRET": replicaSigning, "SLACK_API_URL": sl.APIURL(),
		"SLACK_CARE_CHANNEL": careChannel, "LOG_LEVEL": "info", "REPLICAS": "2"}
	a, b := startReplica(t, bin, "A", env), startReplica(t, bin, "B", env)
	a.waitReady()
	b.waitReady()
	f := &fleet{rng: rand.New(rand.NewPCG(seed, 1)), replicas: []*botProcess{a, b}, dead: map[*botProcess]bool{}}
	db := storetest.Open(t, dbURL)

	var mu sync.Mutex
	want := map[key]int{}   // replies due
	sentBy := map[int]key{} // update_id → the reply it is due
	expect := func(k key, id int) {
		mu.Lock()
		defer mu.Unlock()
		want[k]++
		if id != 0 {
			sentBy[id] = k
		}
	}
	var dupes atomic.Int64
	deliver := func(u map[string]any, k key) int {
		first := f.pick()
		id := tg.Deliver(u, f.route(first))
		expect(k, id)
		if f.coin(0.25) { // the same update to the other replica too
			dup := maps.Clone(u)
			dup["update_id"] = id
			tg.Deliver(dup, f.route(f.other(first)))
			dupes.Add(1)
		}
		return id
	}

	// Patients come through invites and turn reminders on.
	reminderChats := []int64{3001, 3002, 3003}
	for _, chat := range reminderChats {
		out, errOut, code := runBot(t, map[string]string{"DATABASE_URL": dbURL, "TELEGRAM_BOT_USERNAME": "AftercareBot", "CLINIC_TIMEZONE": "UTC"},
			"", "invite", "--treated", "1 hour ago")
		m := deepLinkRe.FindStringSubmatch(out)
		if code != 0 || m == nil {
			t.Fatalf("bot invite: exit %d, %q, %q", code, out, errOut)
		}
		deliver(telegramtest.Text(chat, "/start "+m[1]), key{chat, "welcome"})
	}
	waitOrFail(t, "the invites' welcomes", func() bool { return countKinds(tg, reminderChats, "welcome") })
	for i, chat := range reminderChats {
		deliver(telegramtest.Callback(chat, fmt.Sprintf("cb-rem-%d", i), "choose:reminders:on"), key{chat, "reminders-on"})
		expect(key{chat, "reminder"}, 0)
	}
	waitOrFail(t, "reminders on", func() bool { return countKinds(tg, reminderChats, "reminders-on") })
	if time.Until(slot) < 5*time.Second { // a slot already past is not planned: no reminder would come
		t.Fatalf("reminders were turned on at %s, too close to the %s slot on this machine; raise nextSlot's lead", time.Now().Format("15:04:05"), slotHHMM)
	}

	// Two patients raise red flags: a case each.
	carePatients := map[int64]string{2001: "my lips are swelling and I can't breathe properly",
		2002: "there is pus coming out of the treated skin and it smells"}
	for chat, text := range carePatients {
		deliver(telegramtest.Text(chat, text), key{chat, "urgent"})
	}
	threads := map[int64]string{} // patient → the case's thread
	caseIDs := map[int64]string{}
	waitOrFail(t, "both cases' roots posted", func() bool {
		rows, err := db.SQL().Query("SELECT id, user_id, thread_ts FROM cases WHERE thread_ts IS NOT NULL")
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var id, user, ts string
			rows.Scan(&id, &user, &ts)
			chat, _ := strconv.ParseInt(user, 10, 64)
			threads[chat], caseIDs[chat] = ts, id
		}
		return len(threads) == len(carePatients)
	})

	// The wave: questions, staff replies in the threads, a Claim pressed
	// on both replicas; B is killed while it has replies on the wire.
	questionChats := []int64{1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009, 1010}
	asked := map[int64][]int{} // chat → indices of questions, in order
	for _, chat := range questionChats {
		asked[chat] = f.perm(len(questions))[:4]
	}
	var slackWG sync.WaitGroup
	var relays []string
	relayThread := map[string]int64{}
	staffSay := func(chat int64, n int) {
		ref := fmt.Sprintf("R%d", n)
		relays = append(relays, ref)
		relayThread[ref] = chat
		ev := slacktest.ChannelMessage("UNURSE1", careChannel, fmt.Sprintf("1800000000.%06d", n), threads[chat],
			fmt.Sprintf("Please ring the clinic this afternoon, ref %s.", ref))
		expect(key{chat, "relay " + ref}, 0)
		first, dup := f.pick(), f.coin(0.3)
		slackWG.Go(func() {
			if !f.slackEvent(first, "EvStaff"+ref, ev) {
				t.Errorf("Slack could not deliver staff reply %s to any replica", ref)
			}
		})
		if dup {
			slackWG.Go(func() { f.slackEvent(f.other(first), "EvStaff"+ref, ev) })
		}
	}
	for round := range 2 { // two questions a patient, then a relay each
		for _, chat := range questionChats {
			for _, q := range asked[chat][2*round : 2*round+2] {
				deliver(telegramtest.Text(chat, questions[q].text), key{chat, questions[q].kind})
			}
		}
		for chat := range carePatients {
			staffSay(chat, len(relays)+1)
		}
	}
	claim := slacktest.ButtonPress("UNURSE1", careChannel, threads[2001], aftercare.ActionHandoffClaim, caseIDs[2001], "", "trig-claim-1", false)
	slackWG.Go(func() { f.slackPress(a, claim) })
	slackWG.Go(func() { f.slackPress(b, claim) })

	if !waitUntil(time.Now().Add(15*time.Second), func() bool { return len(tg.InFlight(b.base())) >= 3 }) {
		t.Logf("B never had 3 replies on the wire; killing it anyway")
	}
	f.down(b) // out of the balancer first, so nothing new is sent to a dead address
	onWire := len(tg.InFlight(b.base()))
	b.kill()
	t.Logf("B killed at %s with %d webhook requests open to it", time.Now().Format("15:04:05.000"), onWire)

	// After the kill: more questions, to A alone now.
	for _, chat := range questionChats[:5] {
		q := 0
		for slices.Contains(asked[chat], q) {
			q++
		}
		deliver(telegramtest.Text(chat, questions[q].text), key{chat, questions[q].kind})
	}
	slackWG.Wait()

	// Everything due: Slack's acknowledged requests B held are resumed by
	// A after a minute; the reminder falls due at the slot.
	deadline := time.Now().Add(time.Until(slot) + 100*time.Second)
	allDue := func() bool {
		got := tally(tg)
		mu.Lock()
		defer mu.Unlock()
		for k := range want {
			if got[k] == 0 && !strings.HasPrefix(k.kind, "relay") {
				return false
			}
		}
		for _, ref := range relays {
			if got[key{relayThread[ref], "relay " + ref}] == 0 && !uncertainIn(sl, threads[relayThread[ref]]) {
				return false
			}
		}
		return time.Now().After(slot)
	}
	if !waitUntil(deadline, allDue) {
		t.Logf("not everything was answered by %s", deadline.Format("15:04:05"))
	}
	time.Sleep(3 * time.Second) // a late duplicate would land now
	if err := a.stop(); err != nil {
		t.Errorf("replica A after SIGTERM: %v; want exit 0", err)
	}

	// What B was handling when it died: attempts to it never answered.
	inFlight := map[int]bool{}
	for _, d := range tg.Deliveries() {
		for _, at := range d.Attempts {
			if at.Target == b.base() && at.Done && at.Status == 0 {
				inFlight[d.UpdateID] = true
			}
		}
	}
	got := tally(tg)
	mu.Lock()
	defer mu.Unlock()
	inFlightKeys := map[key]bool{}
	for id := range inFlight {
		inFlightKeys[sentBy[id]] = true
	}
	var missing, twice, twiceNotInFlight []string
	for k, n := range want {
		if strings.HasPrefix(k.kind, "relay") || k.kind == "reminder" {
			continue
		}
		switch {
		case got[k] < n:
			missing = append(missing, k.String())
		case got[k] > n:
			twice = append(twice, k.String())
			if !inFlightKeys[k] {
				twiceNotInFlight = append(twiceNotInFlight, k.String())
			}
		}
	}
	for k, n := range got {
		if want[k] == 0 {
			t.Errorf("%d unexpected messages to %s", n, k)
		}
	}
	t.Logf("%d updates delivered (%d also to the other replica); %d in flight at B's kill; %d answered twice (%v)",
		len(sentBy), dupes.Load(), len(inFlight), len(twice), twice)
	logLeftovers(t, db)

	t.Run("every patient message answered", func(t *testing.T) {
		if len(missing) > 0 {
			t.Errorf("%d messages never answered: %v", len(missing), missing)
		}
	})
	t.Run("none answered twice except what was in flight at the kill", func(t *testing.T) {
		if len(twice) > len(inFlight) || len(twiceNotInFlight) > 0 {
			t.Errorf("%d answered twice (%v), %d of them not in flight at the kill (%v); %d were in flight",
				len(twice), twice, len(twiceNotInFlight), twiceNotInFlight, len(inFlight))
		}
	})
	t.Run("no staff relay twice unless its thread says uncertain", func(t *testing.T) {
		for _, ref := range relays {
			chat := relayThread[ref]
			if n := got[key{chat, "relay " + ref}]; n > 1 && !uncertainIn(sl, threads[chat]) {
				t.Errorf("staff reply %s reached patient %d %d times, and the thread does not say it is uncertain", ref, chat, n)
			}
		}
	})
	t.Run("every staff relay delivered or its thread says uncertain", func(t *testing.T) {
		var lost []string
		for _, ref := range relays {
			chat := relayThread[ref]
			if got[key{chat, "relay " + ref}] == 0 && !uncertainIn(sl, threads[chat]) {
				lost = append(lost, ref)
			}
		}
		if len(lost) > 0 {
			t.Errorf("staff replies %v never reached their patient, and no thread says a relay is uncertain", lost)
		}
	})
	t.Run("every reminder once", func(t *testing.T) {
		for _, chat := range reminderChats {
			if n := got[key{chat, "reminder"}]; n != 1 {
				t.Errorf("patient %d got %d reminders for the %s slot, want 1", chat, n, slotHHMM)
			}
		}
	})
	t.Run("one case per patient, one Claim", func(t *testing.T) {
		var cases int
		db.SQL().QueryRow("SELECT count(*) FROM cases").Scan(&cases)
		roots, claims := 0, 0
		for _, p := range sl.Posts() {
			if p.Channel == careChannel && p.ThreadTS == "" && p.Method == slacktest.PostMessage {
				roots++
			}
			if p.Channel == careChannel && p.ThreadTS == threads[2001] && strings.Contains(p.AllText(), "has this case") {
				claims++
			}
		}
		if cases != len(carePatients) || roots != len(carePatients) {
			t.Errorf("%d cases and %d root posts for %d patients, want one each", cases, roots, len(carePatients))
		}
		if claims != 1 {
			t.Errorf("the Claim pressed on both replicas shows %d times in the thread, want 1", claims)
		}
	})
}

// logLeftovers logs what the store holds unfinished: delivery claims,
// outbox rows and reminders not settled, and Slack requests held.
func logLeftovers(t *testing.T, db *store.DB) {
	t.Helper()
	for _, q := range []struct{ what, sql string }{
		{"delivery claims not finished", "SELECT platform || ' ' || delivery_id FROM deliveries WHERE state = 'claimed'"},
		{"outbox rows not sent", "SELECT id || ' ' || kind || ' to ' || to_platform || ' ' || state FROM outbox WHERE state <> 'sent'"},
		{"reminders claimed, not settled", "SELECT user_id FROM reminders WHERE state = 'claimed'"},
		{"Slack requests held", "SELECT delivery_id FROM intake"},
	} {
		rows, err := db.SQL().Query(q.sql)
		if err != nil {
			t.Errorf("%s: %v", q.what, err)
			continue
		}
		var found []string
		for rows.Next() {
			var s string
			rows.Scan(&s)
			found = append(found, s)
		}
		rows.Close()
		if len(found) > 0 {
			t.Logf("left in the store: %d %s: %v", len(found), q.what, found)
		}
	}
}

// tally counts the messages to patients by chat and kind.
func tally(tg *telegramtest.Server) map[key]int {
	got := map[key]int{}
	for _, s := range tg.Sent() {
		got[key{s.ChatID, kindOf(s.Visible())}]++
	}
	return got
}

// countKinds reports whether every chat has a message of kind.
func countKinds(tg *telegramtest.Server, chats []int64, kind string) bool {
	got := tally(tg)
	for _, c := range chats {
		if got[key{c, kind}] == 0 {
			return false
		}
	}
	return true
}

// uncertainIn reports whether the thread ts says a relay is uncertain.
func uncertainIn(sl *slacktest.Server, ts string) bool {
	for _, p := range sl.ThreadPosts(careChannel, ts) {
		if strings.Contains(p.AllText(), "Delivery uncertain") {
			return true
		}
	}
	return false
}

// waitOrFail waits up to 30 s for cond, failing the test if it does not
// hold by then.
func waitOrFail(t *testing.T, what string, cond func() bool) {
	t.Helper()
	if !waitUntil(time.Now().Add(30*time.Second), cond) {
		t.Fatalf("timed out waiting for %s", what)
	}
}
