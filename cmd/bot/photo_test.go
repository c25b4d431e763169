package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/clinicbot/aftercare/internal/adapters/slack/slacktest"
	"github.com/clinicbot/aftercare/internal/adapters/telegram/telegramtest"
	"github.com/clinicbot/aftercare/internal/fixture"
	"github.com/clinicbot/aftercare/internal/store/storetest"
)

// jpeg is the photo the fake Telegram keeps.
var jpeg = []byte("\xff\xd8\xff\xe0\x00\x10JFIF a patient's cheek\xff\xd9")

// openCase has patient chat ask for a person and returns the case's root.
func (b *careBot) openCase(chat int64) slacktest.Post {
	b.t.Helper()
	b.tg.Push(telegramtest.Text(chat, "/human"))
	b.patientGot(chat, 1)
	return b.root()
}

// files waits until the root's thread has n files and returns them.
func (b *careBot) files(root slacktest.Post, n int) []slacktest.File {
	b.t.Helper()
	fixture.WaitFor(b.t, "files in the thread", func() bool { return len(b.slack.Files(careChannel, root.TS)) >= n })
	return b.slack.Files(careChannel, root.TS)
}

// TestCarePhotoEndToEnd: a patient with an open case sends a photo with a
// caption; the thread gets the caption, then the photo as Telegram served
// it (its largest size), once, although Slack refused the upload for a
// while (429); the patient is not answered from the sheet; /forget
// deletes the photo from Slack.
func TestCarePhotoEndToEnd(t *testing.T) {
	for name, dbURL := range databases(t) {
		t.Run(name, func(t *testing.T) {
			b := newCareBot(t, dbURL(t), nil)
			b.tg.AddFile("cheek", jpeg)
			root := b.openCase(79)
			b.slack.Fail(slacktest.CompleteUpload, slacktest.Failure{Status: 429, RetryAfter: "120"})
			b.tg.Push(telegramtest.PhotoSizes(79, "cheek", "is this redness normal?"))
			files := b.files(root, 1)
			if !bytes.Equal(files[0].Content, jpeg) || files[0].Title != "photo.jpg" {
				t.Errorf("thread file = %q titled %q, want the photo Telegram served", files[0].Content, files[0].Title)
			}
			posts := b.thread(root, 2)
			if got := posts[0].AllText(); !strings.Contains(got, "sent a photo (below)") || !strings.Contains(got, "is this redness normal?") {
				t.Errorf("thread[0] = %q, want the caption relayed", got)
			}
			if len(posts) != 2 || len(posts[1].Files) != 1 {
				t.Errorf("thread = %d posts, the second with %d files; want the caption, then the photo once", len(posts), len(posts[1].Files))
			}
			if n := b.slack.Calls(slacktest.CompleteUpload); n != 2 {
				t.Errorf("%d calls of %s, want 2 (a 429, then the upload)", n, slacktest.CompleteUpload)
			}
			if got := b.tg.Requests("getFile"); len(got) != 2 || got[0].Form["file_id"] != "cheek" {
				t.Errorf("getFile calls = %+v, want the largest size's file_id, once per upload attempt", got)
			}

			b.tg.Push(telegramtest.Text(79, "/forget"))
			b.patientGot(79, 2)
			b.tg.Push(telegramtest.Callback(79, "cb-forget", "choose:forget:yes"))
			b.patientGot(79, 3)
			fixture.WaitFor(t, "the photo deleted from Slack", func() bool { return len(b.slack.Files(careChannel, root.TS)) == 0 })
			b.stop()
			if n := len(b.tg.SentTo(79)); n != 3 {
				t.Errorf("the patient got %d messages, want 3 (the case opened, /forget's question and its answer; nothing for the photo)", n)
			}
		})
	}
}

// TestCarePhotoFailures: a photo Telegram no longer has (getFile 400)
// makes the thread say it could not be fetched; in alert-only the thread
// is told a photo came, with neither the photo nor the caption.
func TestCarePhotoFailures(t *testing.T) {
	t.Run("gone", func(t *testing.T) {
		b := newCareBot(t, storetest.SQLiteURL(t), nil)
		root := b.openCase(80)
		b.tg.Push(telegramtest.PhotoSizes(80, "expired", "still sore"))
		posts := b.thread(root, 2)
		if got := posts[1].AllText(); !strings.Contains(got, "could not be fetched from Telegram") {
			t.Errorf("thread[1] = %q, want that the photo could not be fetched", got)
		}
		if got := b.tg.Requests("getFile"); len(got) != 1 {
			t.Errorf("%d getFile calls, want 1 (a 400 is not tried again)", len(got))
		}
		b.stop()
		if files := b.slack.Files(careChannel, root.TS); len(files) != 0 {
			t.Errorf("thread files = %+v, want none", files)
		}
	})
	t.Run("alert-only", func(t *testing.T) {
		b := newCareBot(t, storetest.SQLiteURL(t), map[string]string{"HANDOFF_PRIVACY": "alert-only"})
		b.tg.AddFile("cheek", jpeg)
		root := b.openCase(81)
		b.tg.Push(telegramtest.PhotoSizes(81, "cheek", "my number is 07700 900123"))
		posts := b.thread(root, 1)
		if got := posts[0].AllText(); !strings.Contains(got, "sent a photo (not shown: alert-only)") {
			t.Errorf("thread[0] = %q, want that a photo came", got)
		}
		b.stop()
		for _, p := range b.slack.Posts() {
			if strings.Contains(p.AllText()+p.Text, "07700") || len(p.Files) > 0 {
				t.Errorf("Slack got %q with %d files in alert-only", p.AllText(), len(p.Files))
			}
		}
		if n := b.slack.Calls(slacktest.UploadURL) + len(b.tg.Requests("getFile")); n != 0 {
			t.Errorf("%d upload or getFile calls in alert-only, want none", n)
		}
	})
}
