package main

import (
	"fmt"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/adapters/telegram/telegramtest"
	"github.com/clinicbot/aftercare/internal/store"
	"github.com/clinicbot/aftercare/internal/store/storetest"
)

// TestScaleSimulation measures two replicas on one PostgreSQL against a
// fake Telegram: (a) 20,000 patients' 09:00 reminder, 500 of whom stopped
// them, through the two replicas' schedulers under Telegram's 30 messages
// a second overall; (b) 200 messages a second for 60 s through the
// webhooks, split over the two replicas: reply latency at the fake, and
// each replica's CPU and memory (read from /proc: the replicas are
// processes). It runs only with AFTERCARE_SCALE=1, not under -short, and
// takes about 20 minutes (19 on two shared cores: 11 for the reminders at
// 30 a second, 7 until the inbound load is answered at the same rate); the
// figures are logged in a block to paste.
// AFTERCARE_SCALE_PATIENTS, AFTERCARE_SCALE_RATE and
// AFTERCARE_SCALE_SECONDS change the sizes.
func TestScaleSimulation(t *testing.T) {
	if os.Getenv("AFTERCARE_SCALE") != "1" || testing.Short() {
		t.Skip("the scale simulation runs with AFTERCARE_SCALE=1 (not -short): about 20 minutes on PostgreSQL")
	}
	bin := buildBot(t)
	t.Run("reminders", func(t *testing.T) {
		simulateReminders(t, bin, envInt("AFTERCARE_SCALE_PATIENTS", 20000), 500)
	})
	t.Run("inbound", func(t *testing.T) {
		simulateInbound(t, bin, envInt("AFTERCARE_SCALE_RATE", 200), time.Duration(envInt("AFTERCARE_SCALE_SECONDS", 60))*time.Second)
	})
}

// envInt is the integer in $name, or def.
func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}

// telegramCap is Telegram's limit on messages a second, overall.
const telegramCap = 30

// startFleet starts two replicas of bin on dbURL with Telegram (webhook
// mode) against tg, and waits for both to be ready.
func startFleet(t *testing.T, bin, dbURL string, tg *telegramtest.Server) (a, b *botProcess) {
	t.Helper()
	env := map[string]string{"DATABASE_URL": dbURL, "CLINIC_TIMEZONE": "UTC", "LOG_LEVEL": "warn", "REPLICAS": "2",
		"TELEGRAM_BOT_TOKEN": tgToken, "TELEGRAM_API_ENDPOINT": tg.Endpoint(),
		"TELEGRAM_WEBHOOK_URL": replicaHookURL, "TELEGRAM_WEBHOOK_SECRET": replicaHookSecret}
	a, b = startReplica(t, bin, "A", env), startReplica(t, bin, "B", env)
	a.waitReady()
	b.waitReady()
	return a, b
}

// seedReminders stores n patients (Telegram user and chat first+i) with a
// treatment yesterday and reminders on, one due at due; the first stopped
// of them then stop them. It goes through the store's API, in batches of
// 500 per transaction, four transactions at a time.
func seedReminders(t *testing.T, db *store.DB, first, n, stopped int, due time.Time) {
	t.Helper()
	const batch = 500
	now := time.Now()
	var g errgroup.Group
	g.SetLimit(4)
	for lo := 0; lo < n; lo += batch {
		g.Go(func() error {
			return db.Tx(t.Context(), func(tx *store.Tx) error {
				for i := lo; i < min(lo+batch, n); i++ {
					id := strconv.Itoa(first + i)
					who := aftercare.Actor{Platform: aftercare.Telegram, UserID: id}
					chat := aftercare.Address{Platform: aftercare.Telegram, Chat: id}
					if _, err := tx.SeePerson(t.Context(), who, now); err != nil {
						return err
					}
					if err := tx.SetTreatment(t.Context(), who, chat, now.Add(-24*time.Hour), now); err != nil {
						return err
					}
					if _, err := tx.PlanReminders(t.Context(), who, []store.Slot{{Due: due, Day: 2}}, now); err != nil {
						return err
					}
					if i < stopped {
						if _, err := tx.StopReminders(t.Context(), who, now); err != nil {
							return err
						}
					}
				}
				return nil
			})
		})
	}
	if err := g.Wait(); err != nil {
		t.Fatalf("seed %d patients: %v", n, err)
	}
}

// simulateReminders is part (a) of TestScaleSimulation.
func simulateReminders(t *testing.T, bin string, patients, stopped int) {
	dbURL := storetest.PostgresURL(t)
	tg := telegramtest.New(tgToken)
	t.Cleanup(tg.Close)
	a, b := startFleet(t, bin, dbURL, tg)
	db := storetest.Open(t, dbURL)
	const first = 500000
	due := time.Now().Add(45 * time.Second).Truncate(time.Second) // the simulation's "09:00"
	began := time.Now()
	seedReminders(t, db, first, patients, stopped, due)
	seeded := time.Since(began)
	if time.Now().After(due) {
		t.Logf("seeding took %v, past the reminders' due time: the time to send them counts from then all the same", seeded)
	}
	want := patients - stopped
	deadline := due.Add(30 * time.Minute)
	if !waitUntil(deadline, func() bool { return len(tg.Sent()) >= want }) {
		t.Errorf("%d of %d reminders sent by %s", len(tg.Sent()), want, deadline.Format("15:04:05"))
	}
	time.Sleep(5 * time.Second) // a reminder sent twice would come now
	sent := tg.Sent()
	if len(sent) == 0 {
		t.Fatal("no reminder sent")
	}
	byTime := func(x, y telegramtest.Sent) int { return x.At.Compare(y.At) }
	firstAt, last := slices.MinFunc(sent, byTime).At, slices.MaxFunc(sent, byTime).At
	perChat := map[int64]int{}
	for _, s := range sent {
		perChat[s.ChatID]++
	}
	var twice, toStopped int
	for chat, n := range perChat {
		if n > 1 {
			twice++
		}
		if chat < first+int64(stopped) {
			toStopped++
		}
	}
	max1, _ := tg.MaxRate(time.Second)
	max10, _ := tg.MaxRate(10 * time.Second)
	ua, ub := a.usage(), b.usage()
	took := last.Sub(due)
	t.Logf("\n--- scale (a): reminders ---\n"+
		"patients %d, %d of them stopped; seeded through the store API in %v\n"+
		"reminders sent %d (want %d), to %d chats; sent twice %d; to patients who stopped %d\n"+
		"all out %v after they fell due (the first %v after, at a scheduler's tick: every 30 s)\n"+
		"rate at the fake: max %d in any 1 s, max %.1f/s over any 10 s, mean %.1f/s from the first to the last (Telegram's cap %d/s overall)\n"+
		"replica A: %v\nreplica B: %v\n---",
		patients, stopped, seeded.Round(time.Millisecond), len(sent), want, len(perChat), twice, toStopped,
		took.Round(time.Millisecond), firstAt.Sub(due).Round(time.Millisecond), max1, float64(max10)/10,
		float64(len(sent))/last.Sub(firstAt).Seconds(), telegramCap, ua, ub)
	if len(perChat) != want || twice > 0 || toStopped > 0 {
		t.Errorf("%d chats got reminders (want %d), %d twice, %d to patients who stopped them", len(perChat), want, twice, toStopped)
	}
	t.Run("within Telegram's overall cap", func(t *testing.T) {
		// The replicas' limiters together allow the cap a second plus
		// one burst of it: at most 11 times the cap in any 10 s.
		if max10 > 11*telegramCap {
			t.Errorf("the two replicas together sent %d messages in 10 s; Telegram allows %d/s (%d in 10 s with one burst)", max10, telegramCap, 11*telegramCap)
		}
	})
}

// simulateInbound is part (b) of TestScaleSimulation.
func simulateInbound(t *testing.T, bin string, rate int, d time.Duration) {
	dbURL := storetest.PostgresURL(t)
	tg := telegramtest.New(tgToken)
	t.Cleanup(tg.Close)
	tg.Redeliver(5 * time.Second)
	a, b := startFleet(t, bin, dbURL, tg)
	ua0, ub0 := a.usage(), b.usage()
	const first = 700000
	n := rate * int(d/time.Second)
	every := time.Second / time.Duration(rate)
	began := time.Now()
	chatOf := make(map[int]int64, n) // update_id → chat
	for i := range n {
		if wait := time.Until(began.Add(time.Duration(i) * every)); wait > 0 {
			time.Sleep(wait) // pacing the load, not synchronisation
		}
		target := []*botProcess{a, b}[i%2]
		q := questions[i%len(questions)]
		chatOf[tg.Deliver(telegramtest.Text(int64(first+i), q.text), func(_, _ int) string { return target.base() })] = int64(first + i)
	}
	offered := time.Since(began)
	deadline := time.Now().Add(15 * time.Minute)
	answered := func() int {
		chats := map[int64]bool{}
		for _, s := range tg.Sent() {
			chats[s.ChatID] = true
		}
		return len(chats)
	}
	if !waitUntil(deadline, func() bool { return answered() >= n }) {
		t.Errorf("%d of %d messages answered by %s", answered(), n, deadline.Format("15:04:05"))
	}
	wall := time.Since(began)
	ua1, ub1 := a.usage(), b.usage()

	posted := map[int64]time.Time{}
	redelivered := 0
	for _, dl := range tg.Deliveries() {
		posted[chatOf[dl.UpdateID]] = dl.Posted()
		if len(dl.Attempts) > 1 {
			redelivered++
		}
	}
	firstReply := map[int64]time.Time{}
	replies := map[int64]int{}
	var lastReply time.Time
	for _, s := range tg.Sent() {
		replies[s.ChatID]++
		if _, ok := firstReply[s.ChatID]; !ok {
			firstReply[s.ChatID] = s.At
		}
		if s.At.After(lastReply) {
			lastReply = s.At
		}
	}
	var lat []time.Duration
	twice := 0
	for chat, at := range firstReply {
		lat = append(lat, at.Sub(posted[chat]))
		if replies[chat] > 1 {
			twice++
		}
	}
	slices.Sort(lat)
	pct := func(p float64) time.Duration {
		if len(lat) == 0 {
			return 0
		}
		return lat[min(len(lat)-1, int(p*float64(len(lat))))].Round(time.Millisecond)
	}
	within := func(d time.Duration) float64 {
		i, _ := slices.BinarySearch(lat, d+1)
		return 100 * float64(i) / float64(max(1, n))
	}
	max1, _ := tg.MaxRate(time.Second)
	cpu := func(u0, u1 usage) string {
		used := u1.CPU - u0.CPU
		return fmt.Sprintf("cpu %.1f s over %.0f s (%.0f%% of a core), rss %.0f MiB, peak rss %.0f MiB",
			used.Seconds(), wall.Seconds(), 100*used.Seconds()/wall.Seconds(), float64(u1.RSS)/(1<<20), float64(u1.PeakRSS)/(1<<20))
	}
	t.Logf("\n--- scale (b): inbound ---\n"+
		"offered %d messages at %d/s over %v (%d chats, one message each), half to each replica\n"+
		"answered %d; answered twice %d; webhook deliveries retried %d\n"+
		"latency (sendMessage at the fake - first webhook POST): p50 %v, p90 %v, p99 %v, max %v; within 1 s %.1f%%, within 50 s (the webhook's wait) %.1f%%\n"+
		"replies: max %d in any 1 s, mean %.1f/s from the first POST to the last reply\n"+
		"replica A: %s\nreplica B: %s\n---",
		n, rate, offered.Round(time.Millisecond), n, len(firstReply), twice, redelivered,
		pct(0.5), pct(0.9), pct(0.99), pct(1), within(time.Second), within(50*time.Second), max1, float64(len(tg.Sent()))/lastReply.Sub(began).Seconds(),
		cpu(ua0, ua1), cpu(ub0, ub1))
	if twice > 0 {
		t.Errorf("%d messages answered twice", twice)
	}
	for _, r := range []*botProcess{a, b} {
		if err := r.stop(); err != nil {
			t.Errorf("replica %s after SIGTERM: %v; want exit 0", r.name, err)
		}
	}
}
