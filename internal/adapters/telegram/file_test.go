package telegram_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/adapters/telegram"
	"github.com/clinicbot/aftercare/internal/adapters/telegram/telegramtest"
)

// A photo carries its largest size as the Inbound's attachment, a
// document that is an image carries itself; a PDF, a sticker and an
// image over 20 MB carry nothing.
func TestAttachments(t *testing.T) {
	fake := newFake(t, token)
	h := &replying{bot: echo{}}
	b := startHandler(t, fake, h, h.adapter.Store, nil)
	<-b.ready
	for _, u := range []map[string]any{
		telegramtest.PhotoSizes(64, "big", "is this normal?"),
		telegramtest.Document(64, "doc1", "cheek.png", "image/png", 5000),
		telegramtest.Document(64, "doc2", "letter.pdf", "application/pdf", 5000),
		telegramtest.Document(64, "doc3", "huge.png", "image/png", telegram.MaxFileSize+1),
		telegramtest.Sticker(64),
	} {
		fake.Push(u)
	}
	waitSent(t, fake, 64, 5)
	tests := []struct {
		want *aftercare.File
		text string
	}{
		{&aftercare.File{Platform: aftercare.Telegram, ID: "big", Name: "photo.jpg", MIME: "image/jpeg", Size: 98000}, "is this normal?"},
		{&aftercare.File{Platform: aftercare.Telegram, ID: "doc1", Name: "cheek.png", MIME: "image/png", Size: 5000}, ""},
		{nil, ""},
		{nil, ""},
		{nil, ""},
	}
	ins := h.inbounds()
	for i, tc := range tests {
		in := ins[i]
		if !in.NonText || in.Text != tc.text {
			t.Errorf("inbound %d = NonText %v, Text %q; want NonText, %q", i, in.NonText, in.Text, tc.text)
		}
		switch {
		case tc.want == nil && in.Attachment != nil:
			t.Errorf("inbound %d: attachment %+v, want none", i, *in.Attachment)
		case tc.want != nil && (in.Attachment == nil || *in.Attachment != *tc.want):
			t.Errorf("inbound %d: attachment %+v, want %+v", i, in.Attachment, *tc.want)
		}
	}
}

// Fetch gets a file through getFile and the file endpoint beside the
// configured API endpoint (not api.telegram.org, where the library's own
// file links point); a file_id Telegram does not know is gone for good; a
// server error is for later.
func TestFetch(t *testing.T) {
	fake := newFake(t, token)
	b := start(t, fake, echo{}, nil)
	<-b.ready
	photo := []byte("\xff\xd8\xff\xe0 a small jpeg")
	fake.AddFile("big", photo)
	file := aftercare.File{Platform: aftercare.Telegram, ID: "big"}
	got, err := b.adapter.Fetch(t.Context(), file)
	if err != nil || !bytes.Equal(got, photo) {
		t.Fatalf("Fetch(big) = %q, %v; want %q", got, err, photo)
	}
	if r := fake.Requests("getFile"); len(r) != 1 || r[0].Form["file_id"] != "big" {
		t.Errorf("getFile requests = %+v", r)
	}
	if r := fake.Requests(telegramtest.FileMethod); len(r) != 1 || r[0].Form["path"] != "photos/big.jpg" {
		t.Errorf("downloads = %+v", r)
	}
	if _, err := b.adapter.Fetch(t.Context(), aftercare.File{Platform: aftercare.Telegram, ID: "gone"}); !errors.Is(err, telegram.ErrFileGone) {
		t.Errorf("Fetch(an unknown file_id) = %v, want ErrFileGone", err)
	}
	fake.Fail("getFile", telegramtest.Fault{Code: 502})
	_, err = b.adapter.Fetch(t.Context(), file)
	if !errors.Is(err, aftercare.ErrRetryLater) {
		t.Errorf("Fetch with getFile answered 502 = %v, want ErrRetryLater", err)
	}
	if err != nil && strings.Contains(err.Error(), token) {
		t.Errorf("the error carries the token: %v", err)
	}
	fake.Fail(telegramtest.FileMethod, telegramtest.Fault{Code: 404})
	if _, err := b.adapter.Fetch(t.Context(), file); !errors.Is(err, telegram.ErrFileGone) {
		t.Errorf("Fetch with the download answered 404 = %v, want ErrFileGone", err)
	}
}
