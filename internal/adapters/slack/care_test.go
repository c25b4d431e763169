package slack_test

import (
	"errors"
	"testing"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/adapters/slack"
	"github.com/clinicbot/aftercare/internal/adapters/slack/slacktest"
)

// Staff's messages in the care team's channel: a reply in a thread is
// handed over (with the author's first name), an edit as an edit; a
// top-level message and the mention event of a thread reply are not; a
// button press on Claim carries the case.
func TestCareChannelEvents(t *testing.T) {
	bot := newBot(nil)
	h := newHarness(t, true, bot, func(c *slack.Config) { c.CareChannel = "CCARE" }).start()
	send := func(id string, ev map[string]any) { h.slack.Send(t, slacktest.EventsAPI("env-"+id, id, ev)) }
	send("Ev1", slacktest.ChannelMessage("UNURSE1", "CCARE", "2.0", "", "morning all"))
	send("Ev2", slacktest.Mention("UNURSE1", "CCARE", "3.0", "1.0", "<@UBOT> please call us"))
	send("Ev3", slacktest.ChannelMessage("UNURSE1", "CCARE", "3.0", "1.0", "<@UBOT> please call us"))
	send("Ev4", slacktest.ChannelEdit("UNURSE1", "CCARE", "3.0", "1.0", "please call us", "please call us today"))
	send("Ev5", slacktest.ChannelMessage("UNURSE1", "COTHER", "4.0", "1.0", "elsewhere"))
	h.slack.Send(t, slacktest.Interactive("env-6", slacktest.ButtonPress("UNURSE2", "CCARE", "", aftercare.ActionHandoffClaim, "7", "", "trig-6", false)))
	h.slack.WaitPosts(t, 3)
	msgs := bot.messages()
	if len(msgs) != 3 {
		t.Fatalf("handled %d messages, want 3: %+v", len(msgs), msgs)
	}
	var reply, edit, claim aftercare.Inbound
	for _, m := range msgs {
		switch {
		case m.Command == aftercare.CommandStaffReply:
			reply = m
		case m.Command == aftercare.CommandStaffEdit:
			edit = m
		case m.Choice != "":
			claim = m
		}
	}
	if reply.Text != "please call us" || reply.MessageID != "3.0" || reply.FromName != "Nora" || reply.Chat.Chat != "CCARE" || reply.Chat.Thread != "1.0" {
		t.Errorf("staff reply = %+v, want the text, its ts, Nora, in CCARE thread 1.0", reply)
	}
	if edit.MessageID != "3.0" || edit.Chat.Thread != "1.0" {
		t.Errorf("staff edit = %+v, want message 3.0 in thread 1.0", edit)
	}
	if claim.Choice != aftercare.ActionHandoffClaim+":7" || claim.From.UserID != "UNURSE2" {
		t.Errorf("claim = %+v, want choice %s:7 by UNURSE2", claim, aftercare.ActionHandoffClaim)
	}
}

// A post that landed although Slack answered 500 is found by its key;
// the bot updates and deletes its posts and reacts to staff's.
func TestCareLookupAndEdits(t *testing.T) {
	h := newHarness(t, true, newBot(nil), nil).start()
	ctx := t.Context()
	to := aftercare.Address{Platform: aftercare.Slack, Chat: "CCARE"}
	h.slack.Fail(slacktest.PostMessage, slacktest.Failure{Status: 500, Landed: true})
	_, err := h.a.Send(ctx, to, aftercare.Outgoing{Kind: aftercare.KindNotice, Text: "root", Key: "p1",
		Actions: []aftercare.Action{{ID: aftercare.ActionHandoffClaim, Title: "Claim", Value: "1", Style: "primary"}}})
	if !errors.Is(err, aftercare.ErrUncertain) {
		t.Fatalf("Send answered 500 = %v, want ErrUncertain", err)
	}
	ref, found, err := h.a.Lookup(ctx, to, "p1")
	posts := h.slack.Posts()
	if err != nil || !found || len(posts) != 1 || ref.ID != posts[0].TS {
		t.Fatalf("Lookup(p1) = %+v, %v, %v; want the post that landed (%d posted)", ref, found, err, len(posts))
	}
	if b := posts[0].Buttons(); len(b) != 1 || b[0].ActionID != aftercare.ActionHandoffClaim || b[0].Value != "1" {
		t.Errorf("root buttons = %+v, want Claim for case 1", b)
	}
	if _, found, _ := h.a.Lookup(ctx, to, "p2"); found {
		t.Error("Lookup(p2) found a post never sent")
	}
	reply, err := h.a.Send(ctx, aftercare.Address{Platform: aftercare.Slack, Chat: "CCARE", Thread: ref.ID}, aftercare.Outgoing{Text: "in thread", Key: "p3"})
	if err != nil {
		t.Fatal(err)
	}
	if _, found, _ := h.a.Lookup(ctx, reply.Address, "p3"); !found {
		t.Error("Lookup(p3) in the thread found nothing")
	}
	if err := h.a.Update(ctx, ref, aftercare.Outgoing{Text: "root, claimed"}); err != nil {
		t.Fatal(err)
	}
	staff := aftercare.MessageRef{Address: reply.Address, ID: "9.0"}
	for range 2 { // a second ✅ is no error
		if err := h.a.React(ctx, staff, "white_check_mark"); err != nil {
			t.Fatal(err)
		}
	}
	if err := h.a.Delete(ctx, reply); err != nil {
		t.Fatal(err)
	}
	if err := h.a.Delete(ctx, reply); err != nil {
		t.Errorf("Delete of a deleted post = %v, want nil", err)
	}
	if p, _ := h.slack.Post(ref.ID); p.Text != "root, claimed" {
		t.Errorf("root after Update = %q", p.Text)
	}
	if got := h.slack.Reactions("9.0"); len(got) != 1 || got[0] != "white_check_mark" {
		t.Errorf("reactions on the staff message = %v", got)
	}
	if got := h.slack.ThreadPosts("CCARE", ref.ID); len(got) != 0 {
		t.Errorf("thread after Delete = %+v, want empty", got)
	}
}

// A file is uploaded into a thread in the library's three steps, its
// content as given; a 429 is waited out and the file shared once; a
// failure before the last step is for later (nothing shared); a last step
// answered 500 although it shared the file is found by its key; Delete
// deletes the file.
func TestCareUpload(t *testing.T) {
	h := newHarness(t, true, newBot(nil), nil).start()
	ctx := t.Context()
	root, err := h.a.Send(ctx, aftercare.Address{Platform: aftercare.Slack, Chat: "CCARE"}, aftercare.Outgoing{Text: "root", Key: "p1"})
	if err != nil {
		t.Fatal(err)
	}
	thread := aftercare.Address{Platform: aftercare.Slack, Chat: "CCARE", Thread: root.ID}
	photo := []byte("\xff\xd8\xff\xe0 a photo")
	file := aftercare.File{Platform: aftercare.Telegram, ID: "tg1", Name: "photo.jpg", MIME: "image/jpeg"}
	h.slack.Fail(slacktest.CompleteUpload, slacktest.Failure{Status: 429, RetryAfter: "0"})
	ref, err := h.a.Upload(ctx, thread, file, photo, "p2")
	files := h.slack.Files("CCARE", root.ID)
	if err != nil || len(files) != 1 || string(files[0].Content) != string(photo) || files[0].Title != "photo.jpg" || ref.ID != "file:"+files[0].ID {
		t.Fatalf("Upload after a 429 = %+v, %v; thread files %+v; want the photo once", ref, err, files)
	}
	if n := h.slack.Calls(slacktest.CompleteUpload); n != 2 {
		t.Errorf("%d calls of %s, want 2", n, slacktest.CompleteUpload)
	}

	h.slack.Fail(slacktest.UploadFile, slacktest.Failure{Status: 500}, slacktest.Failure{Status: 500}, slacktest.Failure{Status: 500},
		slacktest.Failure{Status: 500}, slacktest.Failure{Status: 500})
	if _, err := h.a.Upload(ctx, thread, file, photo, "p3"); !errors.Is(err, aftercare.ErrRetryLater) {
		t.Errorf("Upload with the upload URL failing = %v, want ErrRetryLater (nothing shared)", err)
	}
	h.slack.Fail(slacktest.CompleteUpload, slacktest.Failure{Status: 500, Landed: true})
	if _, err := h.a.Upload(ctx, thread, file, photo, "p4"); !errors.Is(err, aftercare.ErrUncertain) {
		t.Errorf("Upload with its last step answered 500 = %v, want ErrUncertain", err)
	}
	found, ok, err := h.a.Lookup(ctx, thread, "p4")
	files = h.slack.Files("CCARE", root.ID)
	if err != nil || !ok || len(files) != 2 || found.ID != "file:"+files[1].ID {
		t.Fatalf("Lookup(p4) = %+v, %v, %v; want the file that was shared (files %+v)", found, ok, err, files)
	}
	if _, ok, _ := h.a.Lookup(ctx, thread, "p3"); ok {
		t.Error("Lookup(p3) found a file never shared")
	}
	if err := h.a.Delete(ctx, ref); err != nil {
		t.Fatal(err)
	}
	if err := h.a.Delete(ctx, ref); err != nil {
		t.Errorf("deleting a file again = %v, want no error", err)
	}
	if files := h.slack.Files("CCARE", root.ID); len(files) != 1 || files[0].ID != found.ID[len("file:"):] {
		t.Errorf("after Delete the thread has files %+v, want only the second", files)
	}
}
